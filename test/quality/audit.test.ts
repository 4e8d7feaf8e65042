/**
 * What an audit measures on a verified letter, and blind passes with their adjudication: real
 * libraries, real review changes, the values asserted.
 */
import { describe, expect, it } from 'vitest';
import { resolveConflict } from '../../src/main/export/conflicts.ts';
import { blindLetter, drawSample, qualityReport, sampleQuality, startBlindPass, submitBlindLetter } from '../../src/main/quality/index.ts';
import { measureLetter } from '../../src/main/quality/measure.ts';
import { addItem, deleteItem, editItemField, editLetterField, mergeItems, setDecision, undo, verifyLetter } from '../../src/main/review/index.ts';
import { listConflicts, nextLetterToReview, queryQueue, readFrame, readLetterEvidence } from '../../src/main/storage/index.ts';
import type { Library } from '../../src/main/storage/index.ts';
import { useTempFolder } from '../storage/helpers.ts';
import { addLetters, letterOf, REVIEWER, refOf, THREE_ITEMS } from '../review/helpers.ts';

const temp = useTempFolder();

function findingsOf(library: Library, letterId: number) {
  const evidence = readLetterEvidence(library.db, letterId);
  if (!evidence) throw new Error(`no letter ${letterId}`);
  return measureLetter(evidence);
}

function wrongMeasures(library: Library, letterId: number): string[] {
  return Object.entries(findingsOf(library, letterId))
    .filter(([, wrong]) => wrong === true)
    .map(([measure]) => measure)
    .sort();
}

describe("the audit's reading of a letter", () => {
  it('finds nothing wrong on a letter verified as parsed', () => {
    const library = temp.library();
    const [letterId] = addLetters(library, [THREE_ITEMS]) as [number];
    verifyLetter(library.db, REVIEWER, refOf(library, letterId));
    expect(wrongMeasures(library, letterId)).toEqual([]);
    expect(findingsOf(library, letterId).allExact).toBe(false);
  });

  it('counts a corrected field against that field and against the whole letter, once however many items it is wrong on', () => {
    const library = temp.library();
    const [letterId] = addLetters(library, [THREE_ITEMS]) as [number];
    const [first, second] = letterOf(library, letterId).items;
    setDecision(library.db, REVIEWER, refOf(library, letterId), first!.id, 'Overturned');
    setDecision(library.db, REVIEWER, refOf(library, letterId), second!.id, 'Upheld');
    editLetterField(library.db, REVIEWER, refOf(library, letterId), 'caseNumber', { value: 'CM16-0000099' });
    expect(wrongMeasures(library, letterId)).toEqual(['allExact', 'caseNumber', 'decision']);
  });

  it('does not count a change of white space only, nor a value put back as the parser read it', () => {
    const library = temp.library();
    const [letterId] = addLetters(library, [THREE_ITEMS]) as [number];
    const item = letterOf(library, letterId).items[0]!;
    editItemField(library.db, REVIEWER, refOf(library, letterId), item.id, 'service', { value: '  Lumbar   MRI ' });
    setDecision(library.db, REVIEWER, refOf(library, letterId), item.id, 'Overturned');
    setDecision(library.db, REVIEWER, refOf(library, letterId), item.id, 'Upheld');
    expect(wrongMeasures(library, letterId)).toEqual([]);
  });

  it('counts an item the parser missed and one it invented against every item field and the item count', () => {
    const library = temp.library();
    const [missed, invented, merged] = addLetters(library, [THREE_ITEMS, THREE_ITEMS, THREE_ITEMS].map((plain, index) => ({ ...plain, caseNumber: `CM16-000000${index + 1}` }))) as [number, number, number];
    addItem(library.db, REVIEWER, refOf(library, missed), { values: { service: 'Home care', decision: 'Upheld' } });
    deleteItem(library.db, REVIEWER, refOf(library, invented), letterOf(library, invented).items[2]!.id);
    const [keep, remove] = letterOf(library, merged).items;
    mergeItems(library.db, REVIEWER, refOf(library, merged), keep!.id, remove!.id);
    const itemMeasures = ['allExact', 'authorizedByClaimsAdministrator', 'claimsAdministratorGuideline', 'decision', 'imrEligiblePortion', 'itemCount', 'maximusGuideline', 'originalRequest', 'rationale', 'service'];
    expect(wrongMeasures(library, missed)).toEqual(itemMeasures);
    expect(wrongMeasures(library, invented)).toEqual(itemMeasures);
    expect(wrongMeasures(library, merged)).toEqual(itemMeasures);
    // Undone, the deletion no longer counts.
    undo(library.db);
    undo(library.db);
    expect(wrongMeasures(library, invented)).toEqual([]);
  });
});

describe('a sample', () => {
  function libraryOf(count: number): { library: Library; letterIds: number[] } {
    const library = temp.library();
    const letters = Array.from({ length: count }, (_, index) => ({ ...THREE_ITEMS, caseNumber: `CM16-${String(index + 1).padStart(7, '0')}` }));
    return { library, letterIds: addLetters(library, letters) };
  }

  it('is the same letters for the same seed and frame, shows in the queue, and counts what its verified letters show', () => {
    const { library } = libraryOf(40);
    const first = drawSample(library.db, 'Ana', { frame: {}, strata: [], seed: 11, size: 8 });
    const again = drawSample(library.db, 'Ana', { frame: {}, strata: [], seed: 11, size: 8 });
    const inQueue = (sampleId: number) => queryQueue(library.db, { sort: 'import', offset: 0, limit: 100, sampleId }).map((row) => row.id);
    expect(inQueue(again.id)).toEqual(inQueue(first.id));
    expect(inQueue(first.id)).toHaveLength(8);
    const [wrongOne, ...rest] = inQueue(first.id) as [number, ...number[]];
    setDecision(library.db, REVIEWER, refOf(library, wrongOne), letterOf(library, wrongOne).items[0]!.id, 'Overturned');
    verifyLetter(library.db, REVIEWER, refOf(library, wrongOne));
    for (const letterId of rest.slice(0, 3)) verifyLetter(library.db, REVIEWER, refOf(library, letterId));
    const quality = sampleQuality(library.db, first.id);
    expect(quality.sample.checked).toBe(4);
    const decision = quality.estimates.find((estimate) => estimate.measure === 'decision')!;
    expect(decision).toMatchObject({ checked: 4, errors: 1, rate: 0.25 });
    expect(decision.unread.letters).toBe(36);
    // scipy: beta.ppf(0.025, 1, 4), beta.ppf(0.975, 2, 3).
    expect(decision.interval!.low).toBeCloseTo(0.006309463209709866, 12);
    expect(decision.interval!.high).toBeCloseTo(0.8058795503167565, 12);
    // A new sample leaves the old one as it was.
    drawSample(library.db, 'Ana', { frame: {}, strata: ['format'], seed: 12, size: 20 });
    expect(inQueue(first.id)).toEqual(inQueue(again.id));
  });

  it('keeps a letter in its attention stratum once verified (verifying answers the warnings)', () => {
    const library = temp.library();
    const letters = [THREE_ITEMS, { ...THREE_ITEMS, caseNumber: 'CM16-0000002', items: THREE_ITEMS.items.map(({ warnings: _warnings, ...item }) => item) }];
    const [warned, clean] = addLetters(library, letters) as [number, number];
    const strata = () => readFrame(library.db, {}, ['attention']).map((stratum) => [stratum.key, stratum.letterIds]);
    expect(strata()).toEqual([['clean', [clean]], ['warnings or findings', [warned]]]);
    for (const letterId of [warned, clean]) verifyLetter(library.db, REVIEWER, refOf(library, letterId));
    expect(letterOf(library, warned).warningCount).toBe(0);
    expect(strata()).toEqual([['clean', [clean]], ['warnings or findings', [warned]]]);
  });

  it('works its size out from a target: 299 letters for under 1% at 95% with none wrong', () => {
    const { library } = libraryOf(400);
    const sample = drawSample(library.db, 'Ana', { frame: {}, strata: [], seed: 3, target: { measure: 'decision', rate: 0.01, confidence: 0.95 } });
    expect(sample.size).toBe(299);
    const { target } = sampleQuality(library.db, sample.id);
    expect(target).toMatchObject({ met: false, checked: 0, errors: 0, needed: 299, neededByErrors: [299, 473, 628] });
  });
});

describe('a blind pass', () => {
  it('compares what was entered with the verified values and puts each disagreement on the adjudication list, decided as an undoable change', () => {
    const library = temp.library();
    const [letterId] = addLetters(library, [THREE_ITEMS]) as [number];
    verifyLetter(library.db, REVIEWER, refOf(library, letterId));
    const pass = startBlindPass(library.db, 'Ben', 'decision', [letterId]);
    expect(blindLetter(library.db, pass.id, letterId)).toMatchObject({ mode: 'decision', itemCount: 3, services: ['Lumbar MRI', 'Physical therapy 2x6 for the knee', 'Norco 10/325mg #120'], submitted: null });
    expect(queryQueue(library.db, { sort: 'import', offset: 0, limit: 10, blindPassId: pass.id }).map((row) => row.id)).toEqual([letterId]);
    expect(nextLetterToReview(library.db, null, { blindPassId: pass.id }, 'import')).toBe(letterId);
    const result = submitBlindLetter(library.db, pass.id, letterId, { letter: {}, items: [{ decision: 'Upheld' }, { decision: 'Upheld' }, { decision: 'Upheld' }] });
    expect(result).toEqual({ compared: 3, agreed: 2, disagreements: 1 });
    expect(queryQueue(library.db, { sort: 'import', offset: 0, limit: 10, blindPassId: pass.id })).toEqual([]);
    expect(() => submitBlindLetter(library.db, pass.id, letterId, { letter: {}, items: [{}, {}, {}] })).toThrow(/already entered/);

    const [conflict, ...none] = listConflicts(library.db);
    expect(none).toEqual([]);
    expect(conflict).toMatchObject({ letterId, itemPosition: 1, field: 'decision', ours: 'Overturned', theirs: 'Upheld', theirReviewer: 'Ben', blindPassId: pass.id });
    const report = qualityReport(library.db);
    expect(report.adjudication).toEqual({ open: 1, resolved: 0 });
    expect(report.agreement).toMatchObject([{ kind: 'inter', letters: 1, fields: [{ field: 'decision', compared: 3, agreed: 2 }] }]);

    // The blind value taken on the verified letter; undo puts the decision and the open conflict back.
    resolveConflict(library.db, REVIEWER, conflict!.id, 'theirs');
    expect(letterOf(library, letterId).items[1]!.decision).toBe('Upheld');
    expect(letterOf(library, letterId).status).toBe('verified');
    expect(qualityReport(library.db).adjudication).toEqual({ open: 0, resolved: 1 });
    undo(library.db);
    expect(letterOf(library, letterId).items[1]!.decision).toBe('Overturned');
    expect(listConflicts(library.db)).toMatchObject([{ id: conflict!.id, resolution: null }]);
  });

  it('takes verified letters only, and refuses an entry with another item count or an unknown decision', () => {
    const library = temp.library();
    const [verified, open] = addLetters(library, [THREE_ITEMS, { ...THREE_ITEMS, caseNumber: 'CM16-0000002' }]) as [number, number];
    expect(() => startBlindPass(library.db, 'Ben', 'fields', [open])).toThrow(/none of these is verified/);
    verifyLetter(library.db, REVIEWER, refOf(library, verified));
    const pass = startBlindPass(library.db, 'Test Reviewer', 'fields', [verified, open]);
    expect(pass.letters).toBe(1);
    expect(() => submitBlindLetter(library.db, pass.id, verified, { letter: {}, items: [{}] })).toThrow(/has 3 items; the entry gives 1/);
    expect(() => submitBlindLetter(library.db, pass.id, verified, { letter: {}, items: [{ decision: 'Maybe' }, {}, {}] })).toThrow(/not "Maybe"/);
    const { dateAssigned } = letterOf(library, verified).header!;
    const [month, day, year] = dateAssigned!.split('/');
    // The date typed as ISO is the date the letter prints: it agrees.
    const entered = submitBlindLetter(library.db, pass.id, verified, {
      letter: { caseNumber: 'CM16-0000001', dateAssigned: `${year}-${month}-${day}` },
      items: [{ service: 'Lumbar  MRI', category: 'imaging' }, {}, {}],
    });
    expect(entered).toEqual({ compared: 4, agreed: 4, disagreements: 0 });
    // The same reviewer re-reading their own letter: intra-rater agreement.
    expect(qualityReport(library.db).agreement.map((summary) => summary.kind)).toEqual(['intra']);
  });
});

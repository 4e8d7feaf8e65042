/**
 * The audit's "Done when": libraries whose parser values are wrong at known rates, a simulated
 * reviewer who corrects exactly the wrong values of a sampled letter and verifies it, and many
 * seeded samples drawn from each, unstratified and stratified by format. Over the runs, each 95%
 * interval must hold the frame's true rate (the share of its letters with a value of the measure
 * wrong, known from the corruption record) in at least 93% of them, for every measure and rate;
 * every estimate's error count must equal the sampled letters corrupted for that measure; a draw
 * is reproducible from its seed and frame, and a later draw changes no earlier sample.
 *
 * Each library is built once. A letter's verified values do not depend on when it is reviewed, so
 * the reviewer reviews each sampled letter the first time a sample draws it, and a later sample
 * drawing it again finds it verified, exactly as a library audited twice would: a run costs a draw
 * and the estimates, not the review of its whole sample again.
 *
 * Size knob: IMR_SIMULATION_RUNS (200, or 1000 with IMR_TEST_SIZE=large) is the number of seeded
 * samples per library and design, e.g. `IMR_SIMULATION_RUNS=1000 npx vitest run test/quality/simulation.test.ts` for a
 * closer look at coverage, or 20 for a quick run (the 93% bar is only meaningful near 200 or above).
 */
import { describe, expect, test } from 'vitest';
import type { Decision, LetterFormat } from '../../src/shared/letter.ts';
import { ITEM_FIELDS } from '../../src/shared/library.ts';
import type { QualityMeasure, SampleQuality, Stratifier } from '../../src/shared/quality.ts';
import { QUALITY_MEASURES } from '../../src/shared/quality.ts';
import { drawSample, sampleQuality } from '../../src/main/quality/index.ts';
import { addItem, deleteItem, editItemField, editLetterField, setDecision, verifyLetter } from '../../src/main/review/index.ts';
import type { Library } from '../../src/main/storage/index.ts';
import { getSample, listItems, sampleLetterIds } from '../../src/main/storage/index.ts';
import { addLetters, letterOf, REVIEWER, refOf } from '../review/helpers.ts';
import type { PlainItem, PlainLetter } from '../storage/helpers.ts';
import { useTempFolder } from '../storage/helpers.ts';
import { testSize } from '../testSize.ts';

const RUNS = testSize('IMR_SIMULATION_RUNS', { ci: 200, large: 1000 });
const LETTERS = 800;
const SAMPLE_SIZE = 100;
const CONFIDENCE = 0.95;
const REQUIRED_COVERAGE = 0.93;
/** F2 letters are corrupted three times as often as F1 ones, so stratifying by format matters. */
const FORMATS: readonly { format: LetterFormat; share: number; weight: number }[] = [
  { format: 'F1-credentials-block', share: 0.65, weight: 1 },
  { format: 'F2', share: 0.35, weight: 3 },
];

/** Corruption rates: of the parser's decisions and services, and of letters (specialty wrong, an item invented or missed). */
interface Setting {
  readonly name: string;
  readonly decisions: number;
  readonly services?: number;
  readonly specialty?: number;
  readonly invented?: number;
  readonly missed?: number;
}

const SETTINGS: readonly Setting[] = [
  { name: 'decisions 0.5%, services 3%, reviewer specialty 1%', decisions: 0.005, services: 0.03, specialty: 0.01 },
  { name: 'decisions 2%, an invented item on 1% of letters', decisions: 0.02, invented: 0.01 },
  { name: 'decisions 10%, a missed item on 1% of letters', decisions: 0.1, missed: 0.01 },
];

/** mulberry32: a small seeded generator, so each library is the same every run. */
function generator(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** `count` of `weights.length` things, without replacement, each as likely as its weight (Efraimidis-Spirakis). */
function weightedChoice(random: () => number, weights: readonly number[], count: number): Set<number> {
  const keys = weights.map((weight, index) => ({ index, key: random() ** (1 / weight) }));
  keys.sort((a, b) => b.key - a.key);
  return new Set(keys.slice(0, count).map(({ index }) => index));
}

const SERVICES = ['Lumbar MRI', 'Physical therapy 2x6 for the knee', 'Norco 10/325mg #120', 'Acupuncture x8', 'Right knee arthroscopy', 'Gabapentin 600mg #90'];
const SPECIALTIES = ['Orthopaedic Surgery', 'Physical Medicine and Rehabilitation', 'Anesthesiology', 'Internal Medicine'];
const other = (decision: Decision): Decision => (decision === 'Upheld' ? 'Overturned' : 'Upheld');

/** One letter of the simulation: what the parser stored, the truth, and which measures the parser got wrong. */
interface SimLetter {
  readonly parsed: PlainLetter;
  readonly format: LetterFormat;
  readonly truth: { readonly specialty: string; readonly items: readonly PlainItem[] };
  /** Per parser item (in order): the true item it reads, or null when the parser invented it. */
  readonly parserItems: readonly (PlainItem | null)[];
  /** The true item the parser missed, if any. */
  readonly missed: PlainItem | null;
  readonly wrong: ReadonlySet<QualityMeasure>;
}

function generateLibrary(setting: Setting, seed: number): SimLetter[] {
  const random = generator(seed);
  const pick = <T,>(list: readonly T[]): T => list[Math.floor(random() * list.length)] as T;
  const drafts = Array.from({ length: LETTERS }, (_, index) => {
    const { format, weight } = random() < (FORMATS[0]?.share ?? 0) ? FORMATS[0]! : FORMATS[1]!;
    const count = random() < 0.5 ? 1 : random() < 0.6 ? 2 : 3;
    const items: PlainItem[] = Array.from({ length: count }, (_, position) => ({
      service: `${pick(SERVICES)} (${index}.${position})`,
      decision: random() < 0.6 ? 'Upheld' : 'Overturned',
      rationale: `Rationale ${index}.${position}: the request is ${random() < 0.5 ? 'not ' : ''}medically necessary.`,
    }));
    return { index, format, weight, specialty: pick(SPECIALTIES), items };
  });
  // The corrupted sets, exact in size: the parser's items (decisions, services) and letters.
  const allItems = drafts.flatMap((draft) => draft.items.map((_, position) => ({ letter: draft.index, position, weight: draft.weight })));
  const itemKeys = (rate: number) => {
    const chosen = weightedChoice(random, allItems.map((item) => item.weight), Math.round(rate * allItems.length));
    return new Set([...chosen].map((index) => `${allItems[index]?.letter}.${allItems[index]?.position}`));
  };
  const letterSet = (rate: number) => weightedChoice(random, drafts.map((draft) => draft.weight), Math.round(rate * LETTERS));
  const wrongDecisions = itemKeys(setting.decisions);
  const wrongServices = itemKeys(setting.services ?? 0);
  const wrongSpecialty = letterSet(setting.specialty ?? 0);
  const invented = letterSet(setting.invented ?? 0);
  // A missed item needs another one for the parser to have read: letters of two or more items.
  const missed = setting.missed ? weightedChoice(random, drafts.map((draft) => (draft.items.length > 1 ? draft.weight : 1e-9)), Math.round(setting.missed * LETTERS)) : new Set<number>();
  return drafts.map((draft): SimLetter => {
    const wrong = new Set<QualityMeasure>();
    const read = draft.items.map((item, position): PlainItem => {
      const key = `${draft.index}.${position}`;
      let parsed = item;
      if (wrongDecisions.has(key)) {
        parsed = { ...parsed, decision: other(item.decision as Decision) };
        wrong.add('decision');
      }
      if (wrongServices.has(key)) {
        parsed = { ...parsed, service: `${item.service} (misread)` };
        wrong.add('service');
      }
      return parsed;
    });
    let parserItems: (PlainItem | null)[] = [...draft.items];
    let parsedItems = read;
    let missedItem: PlainItem | null = null;
    if (invented.has(draft.index)) {
      const extra: PlainItem = { service: `Invented item ${draft.index}`, decision: 'Upheld', rationale: 'A sentence the parser took for an item.' };
      parsedItems = [...read, extra];
      parserItems = [...parserItems, null];
    }
    if (missed.has(draft.index)) {
      missedItem = draft.items.at(-1) ?? null;
      parsedItems = parsedItems.slice(0, -1);
      parserItems = parserItems.slice(0, -1);
      // A wrong decision or service on the missed item is moot: every item field counts as wrong below.
    }
    if (invented.has(draft.index) || missed.has(draft.index)) {
      wrong.add('itemCount');
      for (const field of ITEM_FIELDS) wrong.add(field);
    }
    const specialty = wrongSpecialty.has(draft.index) ? `${draft.specialty} (misread)` : draft.specialty;
    if (wrongSpecialty.has(draft.index)) wrong.add('reviewerSpecialty');
    if (wrong.size > 0) wrong.add('allExact');
    return {
      parsed: { caseNumber: `CM16-${String(draft.index).padStart(7, '0')}`, format: draft.format, specialty, items: parsedItems },
      format: draft.format,
      truth: { specialty: draft.specialty, items: draft.items },
      parserItems,
      missed: missedItem,
      wrong,
    };
  });
}

/** The simulated reviewer: sets every wrong value to the truth, deletes invented items, adds missed ones, then verifies. */
function review(library: Library, letterId: number, letter: SimLetter): void {
  const { db } = library;
  const stored = listItems(db, letterId);
  letter.parserItems.forEach((truth, position) => {
    const item = stored[position];
    if (!item) throw new Error(`letter ${letterId} has no item ${position}`);
    if (truth === null) return;
    if (item.decision !== truth.decision) setDecision(db, REVIEWER, refOf(library, letterId), item.id, truth.decision);
    if (item.service !== truth.service) editItemField(db, REVIEWER, refOf(library, letterId), item.id, 'service', { value: truth.service });
  });
  letter.parserItems.forEach((truth, position) => {
    const item = stored[position];
    if (truth === null && item) deleteItem(db, REVIEWER, refOf(library, letterId), item.id);
  });
  if (letter.missed) {
    addItem(db, REVIEWER, refOf(library, letterId), { values: { service: letter.missed.service, decision: letter.missed.decision, rationale: letter.missed.rationale ?? null } });
  }
  if (letterOf(library, letterId).reviewerSpecialty !== letter.truth.specialty) {
    editLetterField(db, REVIEWER, refOf(library, letterId), 'reviewerSpecialty', { value: letter.truth.specialty });
  }
  verifyLetter(db, REVIEWER, refOf(library, letterId));
}

interface Coverage {
  covered: number;
  runs: number;
}

const temp = useTempFolder();

describe('audit simulation: intervals hold the true error rate', () => {
  test.each(SETTINGS.map((setting, index) => [setting.name, setting, index] as const))('%s', (_name, setting, index) => {
    const letters = generateLibrary(setting, 7919 * (index + 1));
    const library = temp.library();
    const ids = library.db.transaction(() => addLetters(library, letters.map((letter) => letter.parsed)))();
    const byId = new Map(ids.map((id, position) => [id, letters[position] as SimLetter]));
    /** Letters the reviewer has verified so far (kept here: reading each letter back every run would cost more than the run). */
    const reviewed = new Set<number>();
    const trueRate = Object.fromEntries(QUALITY_MEASURES.map((measure) => [measure, letters.filter((letter) => letter.wrong.has(measure)).length / LETTERS])) as Record<
      QualityMeasure,
      number
    >;
    // The settings' rates are what the library holds (of items, so a letter's share is about as large or larger).
    expect(trueRate.decision).toBeGreaterThan(setting.decisions * 0.9);

    const designs: readonly { label: string; strata: Stratifier[]; seedBase: number }[] = [
      { label: 'unstratified', strata: [], seedBase: 1_000_000 * (index + 1) },
      { label: 'stratified by format', strata: ['format'], seedBase: 1_000_000 * (index + 1) + 500_000 },
    ];
    const report: string[] = [];
    for (const design of designs) {
      const coverage = Object.fromEntries(QUALITY_MEASURES.map((measure) => [measure, { covered: 0, runs: 0 }])) as Record<QualityMeasure, Coverage>;
      const inexact: string[] = [];
      let first: { id: number; letters: number[]; quality: SampleQuality } | null = null;
      for (let run = 0; run < RUNS; run++) {
        const seed = design.seedBase + run;
        const sample = drawSample(library.db, REVIEWER.reviewer, { frame: {}, strata: design.strata, size: SAMPLE_SIZE, seed });
        const drawn = sampleLetterIds(library.db, sample.id);
        // One transaction for the run's reviews (each change a savepoint in it), so the disk sees one commit, not hundreds.
        library.db.transaction(() => {
          for (const letterId of drawn.filter((id) => !reviewed.has(id))) {
            review(library, letterId, byId.get(letterId) as SimLetter);
            reviewed.add(letterId);
          }
        })();
        const quality = sampleQuality(library.db, sample.id, CONFIDENCE);
        first ??= { id: sample.id, letters: drawn, quality };
        for (const estimate of quality.estimates) {
          const corrupted = drawn.filter((letterId) => byId.get(letterId)?.wrong.has(estimate.measure)).length;
          if (estimate.errors !== corrupted || estimate.checked !== SAMPLE_SIZE) {
            inexact.push(`seed ${seed} ${estimate.measure}: ${estimate.errors} errors of ${estimate.checked}, ${corrupted} corrupted of ${SAMPLE_SIZE}`);
          }
          const truth = trueRate[estimate.measure];
          const count = coverage[estimate.measure];
          count.runs++;
          if (estimate.interval && estimate.interval.low <= truth && truth <= estimate.interval.high) count.covered++;
        }
      }
      expect(inexact).toEqual([]);
      expect(ids.filter((id) => reviewed.has(id) !== (letterOf(library, id).status === 'verified'))).toEqual([]);
      const shares = QUALITY_MEASURES.map((measure) => ({ measure, trueRate: trueRate[measure], coverage: coverage[measure].covered / coverage[measure].runs }));
      report.push(
        `${setting.name}, ${design.label}, ${RUNS} runs of ${SAMPLE_SIZE} from ${LETTERS}: ` +
          shares
            .filter((share) => share.trueRate > 0)
            .map((share) => `${share.measure} ${(share.trueRate * 100).toFixed(1)}% covered ${(share.coverage * 100).toFixed(1)}%`)
            .join(', '),
      );
      for (const share of shares) expect({ measure: share.measure, design: design.label, covered: share.coverage >= REQUIRED_COVERAGE }).toEqual({ measure: share.measure, design: design.label, covered: true });

      // Reproducible: the same seed over the same frame draws the same letters, in the same order.
      if (!first) throw new Error('no runs');
      const again = drawSample(library.db, REVIEWER.reviewer, { frame: {}, strata: design.strata, size: SAMPLE_SIZE, seed: design.seedBase });
      expect(sampleLetterIds(library.db, again.id)).toEqual(first.letters);
      // Every later draw left the first sample as it was: its letters, its strata, its estimates over the frame.
      expect(sampleLetterIds(library.db, first.id)).toEqual(first.letters);
      expect(getSample(library.db, first.id).strataCounts).toEqual(first.quality.sample.strataCounts);
      const frameEstimates = (quality: SampleQuality) => quality.estimates.map(({ measure, checked, errors, rate, interval, upperBound }) => ({ measure, checked, errors, rate, interval, upperBound }));
      expect(frameEstimates(sampleQuality(library.db, first.id, CONFIDENCE))).toEqual(frameEstimates(first.quality));
      if (design.strata.length > 0) {
        expect(first.quality.sample.strataCounts.map((stratum) => stratum.key)).toEqual(FORMATS.map(({ format }) => format).sort());
      }
    }
    console.log(report.join('\n'));
    // Room for a loaded machine: a timeout only, nothing is timed.
  }, 600_000);
});

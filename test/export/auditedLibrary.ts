/**
 * A library after an audit, built with the real services: twelve letters, a seeded sample of six
 * of which five are corrected where the parser was wrong and verified, a blind pass by another
 * reviewer, and its one disagreement adjudicated. One letter of each review state.
 */
import { resolveConflict } from '../../src/main/export/conflicts.ts';
import { drawSample, startBlindPass, submitBlindLetter } from '../../src/main/quality/index.ts';
import { editItemField, setDecision, verifyLetter } from '../../src/main/review/index.ts';
import type { Library } from '../../src/main/storage/index.ts';
import { listConflicts, sampleLetterIds } from '../../src/main/storage/index.ts';
import type { ReviewState } from '../../src/shared/quality.ts';
import { addLetters, letterOf, REVIEWER, refOf, THREE_ITEMS } from '../review/helpers.ts';

export const SEED = 20_240_601;
export const LETTERS = 12;
export const SAMPLE_SIZE = 6;

export interface AuditedLibrary {
  readonly sampleId: number;
  /** The case number of one letter in each state. */
  readonly caseOf: Readonly<Record<ReviewState, string>>;
}

export function buildAuditedLibrary(library: Library): AuditedLibrary {
  const { db } = library;
  const caseNumber = (index: number) => `CM16-${String(index + 1).padStart(7, '0')}`;
  const letterIds = addLetters(library, Array.from({ length: LETTERS }, (_, index) => ({ ...THREE_ITEMS, caseNumber: caseNumber(index) })));
  const caseOfId = (letterId: number) => caseNumber(letterIds.indexOf(letterId));
  const sample = drawSample(db, REVIEWER.reviewer, { frame: {}, strata: [], seed: SEED, size: SAMPLE_SIZE, name: 'Spring audit' });
  // The sixth letter drawn stays unverified: checked 5 of 6.
  const [first, second, third, fourth, fifth] = sampleLetterIds(db, sample.id) as [number, number, number, number, number];
  const items = (letterId: number) => letterOf(library, letterId).items;
  // The parser was wrong on two decisions and one service; the reviewer corrects them, then verifies five of the six.
  setDecision(db, REVIEWER, refOf(library, first), items(first)[0]!.id, 'Overturned');
  setDecision(db, REVIEWER, refOf(library, second), items(second)[2]!.id, 'Overturned');
  editItemField(db, REVIEWER, refOf(library, third), items(third)[1]!.id, 'service', { value: 'Physical therapy 2x6 for the left knee' });
  for (const letterId of [first, second, third, fourth, fifth]) verifyLetter(db, REVIEWER, refOf(library, letterId));

  const drawn = new Set(sampleLetterIds(db, sample.id));
  const [verifiedOnly, adjudicated, machine] = letterIds.filter((letterId) => !drawn.has(letterId)) as [number, number, number];
  for (const letterId of [verifiedOnly, adjudicated]) verifyLetter(db, REVIEWER, refOf(library, letterId));

  // Ben re-reads two verified letters' decisions blind: he agrees on the audited one, and differs once on the other.
  const pass = startBlindPass(db, 'Ben', 'decision', [fourth, adjudicated]);
  submitBlindLetter(db, pass.id, fourth, { letter: {}, items: [{ decision: 'Upheld' }, { decision: 'Overturned' }, { decision: 'Upheld' }] });
  submitBlindLetter(db, pass.id, adjudicated, { letter: {}, items: [{ decision: 'Upheld' }, { decision: 'Upheld' }, { decision: 'Upheld' }] });
  const [conflict] = listConflicts(db);
  resolveConflict(db, REVIEWER, conflict!.id, 'ours');

  return {
    sampleId: sample.id,
    caseOf: {
      machine: caseOfId(machine),
      verified: caseOfId(verifiedOnly),
      audited: caseOfId(fifth),
      're-reviewed': caseOfId(fourth),
      adjudicated: caseOfId(adjudicated),
    },
  };
}

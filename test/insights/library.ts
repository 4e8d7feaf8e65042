/**
 * A small library whose figures are worked out by hand in the tests: six letters, nine items.
 *
 *   letter  status      specialty            decided     items (category; decision)
 *   A       verified    Orthopaedic Surgery  12/09/2016  Norco (drug, opioid; Upheld), physical therapy (Overturned)
 *   B       verified    Pain Medicine        01/15/2017  lumbar MRI (Upheld), gabapentin (drug; Upheld), chiropractic partial certification (Upheld)
 *   C       verified    Orthopaedic Surgery  01/20/2017  acupuncture (Overturned)
 *   D       in progress Pain Medicine        (none)      cyclobenzaprine (drug; no decision), Norco (drug, opioid; Overturned)
 *   E       in progress (not printed)        01/31/2017  Norco (drug, opioid; Upheld)
 *   F       unreviewed  Orthopaedic Surgery  12/09/2016  no items
 *
 * MAXIMUS cites the MTUS Chronic Pain guidelines on every Norco and cyclobenzaprine item, the
 * Postsurgical guidelines on the therapy, ACOEM 2004 Low Back on the MRI, ODG Pain on the
 * gabapentin, ODG Low Back on the chiropractic and the Acupuncture guidelines on the acupuncture.
 * The Claims Administrator says it cited no evidence on the Norco and gabapentin items, has no
 * guideline text on the cyclobenzaprine (removed by an edit) and cites evidence on the rest.
 */
import type { PlainItem } from '../storage/helpers.ts';
import type { Library } from '../../src/main/storage/index.ts';
import { addLetters, letterOf } from '../review/helpers.ts';
import { updateItemField, updateLetterField, verifyLetter } from '../review/asReviewer.ts';

const NO_EVIDENCE = 'The Claims Administrator did not cite any medical evidence for its decision.';
const CHRONIC_PAIN = 'Decision based on MTUS Chronic Pain Medical Treatment Guidelines 2009';

const norco = (decision: PlainItem['decision']): PlainItem => ({
  service: 'Norco 10/325mg #120',
  decision,
  maximusGuideline: `${CHRONIC_PAIN}, Opioids`,
  claimsAdministratorGuideline: NO_EVIDENCE,
});

export const LETTERS = {
  A: [
    norco('Upheld'),
    { service: 'Physical therapy 2x6 for the knee', decision: 'Overturned', maximusGuideline: 'Decision based on MTUS Postsurgical Treatment Guidelines 2009', claimsAdministratorGuideline: 'MTUS Postsurgical Treatment Guidelines' },
  ],
  B: [
    { service: 'Lumbar MRI', decision: 'Upheld', maximusGuideline: 'Decision based on MTUS ACOEM Practice Guidelines, 2nd Edition (2004), Low Back Complaints', claimsAdministratorGuideline: 'ACOEM' },
    { service: 'Gabapentin 300mg #90', decision: 'Upheld', maximusGuideline: 'Decision based on Non-MTUS Citation Official Disability Guidelines (ODG), Pain Chapter', claimsAdministratorGuideline: NO_EVIDENCE },
    {
      service: 'Chiropractic 12 sessions, modified to 6 sessions',
      decision: 'Upheld',
      maximusGuideline: 'Decision based on Non-MTUS Citation Official Disability Guidelines (ODG), Low Back - Lumbar & Thoracic',
      claimsAdministratorGuideline: 'ODG',
      partial: { originalRequest: 'Chiropractic 12 sessions', authorizedByClaimsAdministrator: '6 sessions', imrEligiblePortion: '6 sessions' },
    },
  ],
  C: [{ service: 'Acupuncture x6', decision: 'Overturned', maximusGuideline: 'Decision based on MTUS Acupuncture Medical Treatment Guidelines 2007', claimsAdministratorGuideline: 'MTUS Acupuncture Medical Treatment Guidelines' }],
  D: [{ service: 'Cyclobenzaprine 7.5mg #60', decision: null, maximusGuideline: CHRONIC_PAIN }, norco('Overturned')],
  E: [norco('Upheld')],
  F: [],
} satisfies Record<string, PlainItem[]>;

export type LetterName = keyof typeof LETTERS;

/** Stores the six letters; returns each letter's id by its name. */
export function addHandWorkedLetters(library: Library): Record<LetterName, number> {
  const names = Object.keys(LETTERS) as LetterName[];
  const ids = addLetters(
    library,
    names.map((name, n) => ({
      caseNumber: `CM16-000000${n + 1}`,
      fileName: `${name}.txt`,
      specialty: name === 'B' || name === 'D' ? 'Pain Medicine' : 'Orthopaedic Surgery',
      withHeader: name !== 'D',
      items: LETTERS[name],
    })),
  );
  const id = Object.fromEntries(names.map((name, n) => [name, ids[n]!])) as Record<LetterName, number>;
  const { db } = library;
  updateLetterField(db, id.B, 'decisionDate', '01/15/2017');
  updateLetterField(db, id.C, 'decisionDate', '01/20/2017');
  updateLetterField(db, id.E, 'decisionDate', '01/31/2017');
  updateLetterField(db, id.E, 'reviewerSpecialty', null);
  updateItemField(db, letterOf(library, id.D).items[0]!.id, 'claimsAdministratorGuideline', null);
  for (const name of ['A', 'B', 'C'] as const) verifyLetter(db, id[name]);
  return id;
}

/**
 * A small reviewed library built with the real storage services: verified, flagged and
 * unreviewed letters, human edits (with commas, quotes, line breaks and non-ASCII text), a
 * partial certification, a letter without items, tags and notes.
 */
import { createTag, getLetter, insertParsedLetter, tagItem, tagLetter } from '../../src/main/storage/index.ts';
import { addNote, flagLetter, updateItemField, verifyLetter } from '../review/asReviewer.ts';
import type { Library } from '../../src/main/storage/index.ts';
import { deriveValues, derivableOfParsed } from '../../src/main/letters/derive.ts';
import { buildLetter } from '../storage/helpers.ts';
import type { PlainLetter } from '../storage/helpers.ts';

export const REVIEWER = 'Dana Reyes';
export const TRICKY_RATIONALE = 'He said "no", then\nleft; the 2nd line, too.';
export const PARTIAL = {
  originalRequest: 'Request for 12 sessions of physical therapy',
  authorizedByClaimsAdministrator: 'The Claims Administrator authorized 6 sessions',
  imrEligiblePortion: 'The IMR eligible portion is 6 sessions',
};

export interface ReviewedDataset {
  /** sha256 by short name. */
  readonly sha: Record<'edited' | 'partial' | 'empty' | 'unreviewed' | 'flagged', string>;
  readonly letterIds: Record<'edited' | 'partial' | 'empty' | 'unreviewed' | 'flagged', number>;
  readonly tagIds: { readonly urgent: number; readonly imaging: number };
}

function insert(library: Library, plain: PlainLetter): { letterId: number; sha256: string; itemIds: number[] } {
  const { source, parsed } = buildLetter(plain);
  const { letterId } = insertParsedLetter(library.db, source, parsed, null, deriveValues(derivableOfParsed(parsed)));
  const itemIds = getLetter(library.db, letterId)?.items.map((item) => item.id) ?? [];
  return { letterId, sha256: source.sha256, itemIds };
}

export function buildReviewedDataset(library: Library): ReviewedDataset {
  const { db } = library;
  const urgent = createTag(db, { name: 'urgent', colour: '#d9480f', scope: 'both' });
  const imaging = createTag(db, { name: 'imaging, MRI', colour: '#1971c2', scope: 'item' });

  const edited = insert(library, {
    caseNumber: 'CM16-0000101',
    // A date no export can read as one: the parser keeps what the letter printed.
    dateOfInjury: 'unknown',
    specialty: 'Physical Medicine & Rehabilitation',
    items: [
      { service: 'MRI of the lumbar spine', decision: 'Upheld' },
      { service: 'Acupuncture, 6 visits — “extended”', decision: 'Overturned' },
    ],
  });
  const [mriId = 0, acupunctureId = 0] = edited.itemIds;
  updateItemField(db, mriId, 'rationale', TRICKY_RATIONALE);
  updateItemField(db, acupunctureId, 'decision', 'Upheld');
  tagItem(db, mriId, imaging);
  tagLetter(db, edited.letterId, urgent);
  addNote(db, edited.letterId, 'Checked against the PDF.');
  verifyLetter(db, edited.letterId);

  const partial = insert(library, {
    caseNumber: 'CM17-0000202',
    withHeader: false,
    // Two states, one as its postal code: a list in every format, and no California.
    licensure: 'Texas, FL',
    items: [
      {
        service: `${PARTIAL.originalRequest}. ${PARTIAL.authorizedByClaimsAdministrator}. ${PARTIAL.imrEligiblePortion}`,
        decision: 'Overturned',
        partial: PARTIAL,
      },
    ],
  });
  verifyLetter(db, partial.letterId);

  const empty = insert(library, { caseNumber: 'CM16-0000303', items: [], warnings: ['no-items'] });
  verifyLetter(db, empty.letterId);

  const unreviewed = insert(library, {
    caseNumber: 'CM16-0000404',
    format: 'F1-prose-credentials',
    items: [{ service: 'Cold therapy unit', decision: null, warnings: ['decision-missing'] }],
  });
  tagLetter(db, unreviewed.letterId, urgent);

  const flagged = insert(library, {
    caseNumber: 'CM16-0000505',
    items: [
      { service: 'Lidoderm patches', decision: 'Upheld' },
      { service: 'Home health aide', decision: 'Upheld' },
    ],
  });
  flagLetter(db, flagged.letterId, 'Page 3 is missing');

  return {
    sha: { edited: edited.sha256, partial: partial.sha256, empty: empty.sha256, unreviewed: unreviewed.sha256, flagged: flagged.sha256 },
    letterIds: { edited: edited.letterId, partial: partial.letterId, empty: empty.letterId, unreviewed: unreviewed.letterId, flagged: flagged.letterId },
    tagIds: { urgent, imaging },
  };
}

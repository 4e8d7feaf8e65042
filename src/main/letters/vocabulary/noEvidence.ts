/**
 * "The Claims Administrator did not cite any medical evidence for its decision." and its
 * variants. Such a guideline field is a value in its own right (no evidence was cited), never
 * a missing field, so other code asks `isNoEvidenceCited` before treating a field as empty.
 */
import type { Span } from '../../../shared/letter.ts';
import { hitsOf } from './text.ts';

const EVIDENCE = String.raw`(?:medical\s+)?(?:evidence|guidelines?|citations?|criteria|references?)`;

/** One sentence at most: none of the patterns crosses a full stop. */
const NO_EVIDENCE_PATTERNS: readonly RegExp[] = [
  // "... did not cite any medical evidence ...", "... does not reference any guidelines ..."
  new RegExp(String.raw`\b(?:did|does|do)\s+not\s+(?:cite|reference|provide|identify|list|include|use)\s+(?:any\s+)?${EVIDENCE}[^.]*`, 'i'),
  // "... failed to cite medical evidence ...", "... without citing any evidence ..."
  new RegExp(String.raw`\b(?:failed\s+to|without)\s+cit(?:e|ing)\s+(?:any\s+)?${EVIDENCE}[^.]*`, 'i'),
  // "... cited no medical evidence ...", "... cites no guidelines ..."
  new RegExp(String.raw`\bcit(?:ed|es)\s+no\s+${EVIDENCE}[^.]*`, 'i'),
  // "No medical evidence was cited ...", "No guidelines were referenced ..."
  new RegExp(String.raw`\bno\s+${EVIDENCE}\s+(?:was|were|has\s+been|have\s+been|is|are)\s+(?:cited|referenced|provided|identified|given|listed)[^.]*`, 'i'),
];

/** The span of the first no-evidence sentence in `text`, from its start to its full stop. */
export function findNoEvidenceStatement(text: string): Span | null {
  let best: Span | null = null;
  for (const pattern of NO_EVIDENCE_PATTERNS) {
    const hit = hitsOf(text, pattern)[0];
    if (!hit || (best && best[0] <= hit.start)) continue;
    const previousStop = text.lastIndexOf('. ', hit.start);
    const stop = text.indexOf('.', hit.end);
    best = [previousStop === -1 ? 0 : previousStop + 2, stop === -1 ? text.length : stop + 1];
  }
  return best;
}

/** True when the field says that no medical evidence was cited (in any of the known wordings). */
export function isNoEvidenceCited(text: string | null | undefined): boolean {
  return typeof text === 'string' && findNoEvidenceStatement(text) !== null;
}

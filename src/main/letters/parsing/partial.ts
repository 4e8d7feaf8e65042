/**
 * Partial certifications: the item header is three sentences naming the original
 * request, what the claims administrator authorized and the part left for IMR.
 */
import type { PartialCertification, Span } from '../../../shared/letter.ts';
import { fieldAt } from './text.ts';

const WORDINGS = [
  // "<A> was the original request. <B> was authorized by the Claims Administrator.
  //  The remaining IMR eligible portion of the original request, <C>[ is]"
  /^([\s\S]+?)\s+was\s+the\s+original\s+request\.\s+([\s\S]+?)\s+was\s+authorized\s+by\s+the\s+Claims\s+Administrator\.\s+The\s+remaining\s+IMR\s+eligible\s+portion\s+of\s+the\s+original\s+request,\s+([\s\S]+?)(?:\s+is)?$/di,
  // "<A> was the original request. The Claims Administrator authorized <B>, leaving the
  //  original request IMR eligible. The original request, <A'>[ is]"
  /^([\s\S]+?)\s+was\s+the\s+original\s+request\.\s+The\s+Claims\s+Administrator\s+authorized\s+([\s\S]+?),\s+leaving\s+the\s+original\s+request\s+IMR\s+eligible\.\s+The\s+original\s+request,\s+([\s\S]+?)(?:\s+is)?$/di,
];

/** Splits a partial-certification service (its span in `text`); null for an ordinary service. */
export function splitPartial(text: string, service: Span): PartialCertification | null {
  const header = text.slice(service[0], service[1]);
  for (const wording of WORDINGS) {
    const match = wording.exec(header);
    const indices = match?.indices;
    if (!indices) continue;
    const part = (n: number) => {
      const range = indices[n] as [number, number];
      return fieldAt(text, service[0] + range[0], service[0] + range[1]);
    };
    const [originalRequest, authorizedByClaimsAdministrator, imrEligiblePortion] = [part(1), part(2), part(3)];
    if (originalRequest && authorizedByClaimsAdministrator && imrEligiblePortion) {
      return { originalRequest, authorizedByClaimsAdministrator, imrEligiblePortion };
    }
  }
  return null;
}

/**
 * Was the cited MTUS part in force on the letter's decision date? A flag for review, not a
 * verdict: the MTUS that governs a request is the one in force when the service was
 * requested, which can be weeks before the decision, so a citation of the edition just
 * replaced can still be right.
 */
import type { GuidelineCitation, InForceCheck, InForcePeriod } from '../../../shared/vocabulary.ts';
import { MTUS_PERIODS, type MtusPeriod } from './data/mtusPeriods.ts';

const PRINTED_DATE = /^\s*(\d{1,2})\/(\d{1,2})\/(\d{4})\s*$/;

/** A printed MM/DD/YYYY date as ISO YYYY-MM-DD, or null when it is not a real date. */
export function isoDate(printed: string): string | null {
  const match = PRINTED_DATE.exec(printed);
  if (!match) return null;
  const [month, day, year] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return null;
  return date.toISOString().slice(0, 10);
}

/** Checks one citation against the decision date as printed (MM/DD/YYYY). Never throws. */
export function checkInForce(citation: GuidelineCitation, decisionDate: string): InForceCheck {
  if (citation.source !== 'mtus') return { status: 'not-mtus', reason: 'Only MTUS citations have periods in force.', periods: [] };
  const date = typeof decisionDate === 'string' ? isoDate(decisionDate) : null;
  if (date === null) return { status: 'unknown', reason: `"${String(decisionDate)}" is not a date printed as MM/DD/YYYY.`, periods: [] };
  const part = citation.mtusPart;
  if (part === null) return { status: 'unknown', reason: 'The citation names no known MTUS part.', periods: [] };
  const edition = citation.edition?.value ?? null;
  const rows = periodsFor(part, citation.topic?.id ?? null, edition);
  if (rows.length === 0) {
    return { status: 'unknown', reason: `No period in force is known for ${part}${edition ? ` ${edition}` : ''}.`, periods: [] };
  }
  const periods: InForcePeriod[] = rows.map(({ from, to }) => ({ from, to }));
  const inForce = rows.some((row) => row.from <= date && (row.to === null || date <= row.to));
  const cited = `${part}${edition ? ` (${edition})` : ''}`;
  return inForce
    ? { status: 'in-force', reason: `${cited} was in force on ${date}.`, periods }
    : { status: 'not-in-force', reason: `${cited} was not in force on ${date} (${periods.map(describe).join('; ')}).`, periods };
}

/** The citations of a field that were not in force on the decision date. */
export function citationsNotInForce(citations: readonly GuidelineCitation[], decisionDate: string): GuidelineCitation[] {
  return citations.filter((citation) => checkInForce(citation, decisionDate).status === 'not-in-force');
}

/** Rows for the part (and edition, when printed); rows kept for one topic replace the general ones for it. */
function periodsFor(part: string, topic: string | null, edition: string | null): MtusPeriod[] {
  const ofPart = MTUS_PERIODS.filter((row) => row.part === part);
  const ofTopic = ofPart.filter((row) => row.topic !== undefined && row.topic === topic);
  const candidates = ofTopic.length > 0 ? ofTopic : ofPart.filter((row) => row.topic === undefined);
  return candidates.filter((row) => edition === null || row.edition === null || row.edition === edition);
}

function describe(period: InForcePeriod): string {
  return period.to === null ? `from ${period.from}` : `${period.from} to ${period.to}`;
}

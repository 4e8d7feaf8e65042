/** The expert reviewer's credentials: the labelled block (2016 on) or the prose sentence (2014-15). */
import type { ReviewerCredentials } from '../../../shared/letter.ts';
import { HEADINGS } from './sections.ts';
import { fieldAt, findIn } from './text.ts';

const LICENSURE_LABEL = /State\(s\)\s+of\s+Licensure\s*:/;
const SPECIALTY_LABEL = /Certification\(s\)\s*\/\s*Specialty\s*:/;
const SUBSPECIALTY_LABEL = /Sub-?specialty\s*:/i;
const BLOCK_INTRO = /The\s+Expert\s+Reviewer\s+has\s+the\s+following\s+credentials\s*:/i;

/**
 * "Board Certified in X[, has a subspecialty in Y][,] and is licensed to practice in Z."
 * The specialty is lazy so "Physical Medicine and Rehabilitation" stays whole: it can
 * only end where the rest of the sentence matches. Each value ends on a non-space, so
 * a long run of spaces after it is scanned once, not once per character before it.
 */
const PROSE =
  /Board\s+Certified\s+in\s+([\s\S]{0,199}?\S)(?:,\s*has\s+a\s+sub-?specialty\s+in\s+([\s\S]{0,199}?\S))?,?\s+and\s+is\s+licensed\s+to\s+practice\s+in\s+([\s\S]{0,199}?\S)\.(?=\s|$)/d;

export const NO_CREDENTIALS: ReviewerCredentials = { specialty: null, licensure: null, subspecialty: null };

export function hasCredentialsBlock(text: string, from: number, to: number): boolean {
  return findIn(text, LICENSURE_LABEL, from, to) !== null || findIn(text, SPECIALTY_LABEL, from, to) !== null;
}

/**
 * Reads the labelled block in text[from, to). Each value runs from its label to the
 * next label or section heading, so a specialty that wraps onto a second line stays whole.
 */
export function parseCredentialsBlock(text: string, from: number, to: number): ReviewerCredentials {
  const labels = [LICENSURE_LABEL, SPECIALTY_LABEL, SUBSPECIALTY_LABEL].map((label) => findIn(text, label, from, to));
  const stops = [
    ...labels.filter((l) => l !== null).map((l) => l.start),
    findIn(text, HEADINGS.caseSummary, from, to)?.start ?? to,
    to,
  ];
  const valueAfter = (label: { end: number } | null) => {
    if (!label) return null;
    const end = Math.min(...stops.filter((stop) => stop >= label.end));
    return fieldAt(text, label.end, end);
  };
  const [licensure, specialty, subspecialty] = labels.map(valueAfter);
  return { licensure: licensure ?? null, specialty: specialty ?? null, subspecialty: subspecialty ?? null };
}

export function parseProseCredentials(text: string, from: number, to: number): ReviewerCredentials {
  const found = findIn(text, PROSE, from, to);
  if (!found) return NO_CREDENTIALS;
  const group = (n: number) => {
    const range = found.match.indices?.[n];
    const offset = found.start - found.match.index;
    return range ? fieldAt(text, offset + range[0], offset + range[1]) : null;
  };
  return { specialty: group(1), subspecialty: group(2), licensure: group(3) };
}

export function credentialsBlockStart(text: string, from: number, to: number): number {
  return findIn(text, BLOCK_INTRO, from, to)?.end ?? from;
}

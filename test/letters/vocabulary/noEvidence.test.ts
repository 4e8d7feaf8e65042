/** The no-evidence recogniser: every wording of "no medical evidence was cited", and nothing else. */
import { describe, expect, test } from 'vitest';
import { findNoEvidenceStatement, isNoEvidenceCited } from '../../../src/main/letters/vocabulary/index.ts';

describe('isNoEvidenceCited', () => {
  test.each([
    'The Claims Administrator did not cite any medical evidence for its decision.',
    'The Expert Reviewer did not cite any medical evidence for its decision.',
    'No medical evidence was cited by the Claims Administrator in support of its decision.',
    'The reviewer does not reference any guidelines for this decision.',
    'The utilization reviewer cited no medical evidence.',
    'The Claims Administrator failed to cite medical evidence for the denial.',
    'Denied without citing any evidence',
    'No guidelines were referenced.',
    'THE CLAIMS ADMINISTRATOR DID NOT CITE ANY MEDICAL EVIDENCE FOR ITS DECISION.',
  ])('recognises %j', (text) => {
    expect(isNoEvidenceCited(text)).toBe(true);
  });

  test.each([
    'Decision based on MTUS Knee Complaints 2004.',
    'The Claims Administrator did not base their decision on the MTUS.',
    'The Expert Reviewer based their decision on recommendation(s) outside of the MTUS Guidelines.',
    'There is no evidence of a red flag condition.',
    '',
  ])('does not take %j for a no-evidence statement', (text) => {
    expect(isNoEvidenceCited(text)).toBe(false);
  });

  test('is false, not an error, for values that are not text', () => {
    expect(isNoEvidenceCited(null)).toBe(false);
    expect(isNoEvidenceCited(undefined)).toBe(false);
  });
});

describe('findNoEvidenceStatement', () => {
  test('spans the whole sentence, from its start to its full stop', () => {
    const text = 'Decision based on MTUS Shoulder Complaints 2004. The Claims Administrator did not cite any medical evidence for its decision. More.';
    const span = findNoEvidenceStatement(text);
    expect(span && text.slice(...span)).toBe('The Claims Administrator did not cite any medical evidence for its decision.');
  });

  test('runs to the end of a text without a full stop', () => {
    const text = 'The reviewer did not cite any medical evidence';
    expect(findNoEvidenceStatement(text)).toEqual([0, text.length]);
  });
});

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { API_ARGS } from '../../src/shared/apiSchema.ts';
import { LETTER_STATUSES } from '../../src/shared/library.ts';
import type { PackageForm } from '../../src/renderer/src/team/packageForm.ts';
import { packagesRequest } from '../../src/renderer/src/team/packageForm.ts';

const FORM: PackageForm = { name: ' round-1 ', reviewers: 'Ana, Ben ,, Cy', count: '', seed: '', overlapPercent: '10', letters: 'all', status: 'unreviewed', folder: ' /tmp/out ' };

describe('the Make packages form', () => {
  it('reads into the request: names trimmed, blanks left out, the overlap as a share, the letters as chosen', () => {
    expect(packagesRequest(FORM, { status: 'flagged' })).toEqual({
      request: { name: 'round-1', reviewers: ['Ana', 'Ben', 'Cy'], filter: {}, overlap: 0.1, folder: '/tmp/out' },
    });
    expect(packagesRequest({ ...FORM, count: '40', seed: '0', overlapPercent: '0', letters: 'status', status: 'verified' }, {})).toEqual({
      request: { name: 'round-1', reviewers: ['Ana', 'Ben', 'Cy'], filter: { status: 'verified' }, overlap: 0, folder: '/tmp/out', count: 40, seed: 0 },
    });
    expect(packagesRequest({ ...FORM, letters: 'queue' }, { format: 'F2', hasWarnings: true })).toMatchObject({ request: { filter: { format: 'F2', hasWarnings: true } } });
  });

  it('says what is wrong, in words, before anything is asked of the library', () => {
    const problem = (changes: Partial<PackageForm>) => (packagesRequest({ ...FORM, ...changes }, {}) as { problem?: string }).problem;
    expect(problem({ name: '  ' })).toBe('Name the round: the packages are named after it and their reviewer.');
    expect(problem({ reviewers: ' , ' })).toBe('Name at least one reviewer (several separated by commas).');
    expect(problem({ reviewers: 'Ana, Ben, Ana' })).toBe('Ana is named twice: each reviewer gets one package.');
    expect(problem({ count: '0' })).toBe('The number of letters is a whole number from 1 to 10,000,000, or blank for every letter chosen.');
    expect(problem({ count: '2.5' })).toBe('The number of letters is a whole number from 1 to 10,000,000, or blank for every letter chosen.');
    expect(problem({ count: '10000001' })).toBe('The number of letters is a whole number from 1 to 10,000,000, or blank for every letter chosen.');
    expect(problem({ name: 'r'.repeat(121) })).toBe('The round name is at most 120 characters.');
    expect(problem({ seed: '4294967296' })).toBe('The seed is a whole number from 0 to 4,294,967,295, or blank for queue order.');
    expect(problem({ seed: '-1' })).toBe('The seed is a whole number from 0 to 4,294,967,295, or blank for queue order.');
    expect(problem({ overlapPercent: '101' })).toBe('The overlap is a share from 0 to 100%.');
    expect(problem({ overlapPercent: '' })).toBe('The overlap is a share from 0 to 100%.');
    expect(problem({ reviewers: 'Ana', overlapPercent: '5' })).toBe('Double review needs at least two reviewers; set the overlap to 0% for one.');
    expect(problem({ folder: ' ' })).toBe('Type the folder the package files are written to.');
  });

  it('never hands the API a request its schema refuses, whatever is typed', () => {
    const typed = fc.oneof(fc.string({ maxLength: 130 }), fc.nat().map(String), fc.bigInt({ min: 0n, max: 2n ** 40n }).map(String), fc.constantFrom('', ' ', '1e3', '0x10', '50.5', '-0', 'Ana, Ben'));
    // Each field is mostly typed right, so the rest of the form gets as far as the field under test.
    const mostly = (valid: string) => fc.oneof({ arbitrary: fc.constant(valid), weight: 3 }, { arbitrary: typed, weight: 1 });
    fc.assert(
      fc.property(
        fc.record({
          name: mostly('round-1'),
          reviewers: mostly('Ana, Ben'),
          count: mostly(''),
          seed: mostly(''),
          overlapPercent: mostly('10'),
          letters: fc.constantFrom('all', 'status', 'queue'),
          status: fc.constantFrom(...LETTER_STATUSES),
          folder: mostly('/tmp/out'),
        }),
        (form) => {
          const read = packagesRequest(form, { hasWarnings: true });
          if ('request' in read) expect(API_ARGS.makePackages.safeParse([read.request]).success).toBe(true);
          else expect(read.problem).toMatch(/\.$/);
        },
      ),
      { numRuns: 2000 },
    );
  });
});

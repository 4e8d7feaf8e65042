/**
 * How large a long property or fault test runs. By default the CI size, so `npm test` fits in
 * CI's time on a loaded two-core machine; IMR_TEST_SIZE=large runs every such test at its larger
 * size, and a test's own variable (IMR_UNDO_RUNS=500, say) sets that one exactly.
 */
export interface TestSizes {
  readonly ci: number;
  readonly large: number;
}

export function testSize(variable: string, sizes: TestSizes): number {
  const exact = process.env[variable];
  if (exact !== undefined && exact !== '') {
    const size = Number(exact);
    if (!Number.isInteger(size) || size < 1) throw new Error(`${variable} must be a whole number of at least 1, not '${exact}'`);
    return size;
  }
  const size = process.env['IMR_TEST_SIZE'];
  if (size !== undefined && size !== '' && size !== 'large' && size !== 'ci') throw new Error(`IMR_TEST_SIZE is 'ci' or 'large', not '${size}'`);
  return size === 'large' ? sizes.large : sizes.ci;
}

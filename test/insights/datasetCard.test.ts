/** The export's dataset card carries the headline figures of the letters it exports, worked out by hand on ./library.ts. */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { expect, test } from 'vitest';
import { exportDataset } from '../../src/main/export/index.ts';
import { useTempFolder } from '../storage/helpers.ts';
import { addHandWorkedLetters } from './library.ts';

const temp = useTempFolder();

test('the card gives the share upheld with its interval, items per letter and the letters with more than one item', async () => {
  const library = temp.library({ reviewer: 'Test Reviewer' });
  addHandWorkedLetters(library);
  const outDir = temp.folder();
  await exportDataset(library.file, { format: 'jsonl', outDir });
  const card = readFileSync(path.join(outDir, 'README.md'), 'utf8');
  // The verified letters A, B, C: 4 of 6 items upheld (Wilson 0.300-0.903), 2, 3 and 1 items (mean 2, s = 1).
  expect(card).toContain('- items upheld, of the 6 with a decision: 66.7% (95% CI 30.0-90.3%; 4 of 6)\n');
  expect(card).toContain('- items overturned: 33.3% (95% CI 9.7-70.0%; 2 of 6)\n');
  expect(card).toContain('- items per letter, over the letters with at least one item: 2.00 (95% CI 0.87-3.13; 3 letters)\n');
  expect(card).toContain('- letters with more than one item: 66.7% (95% CI 20.8-93.9%; 2 of 3)\n');
});

import { describe, expect, it } from 'vitest';
import { createJobs } from '../../src/main/jobs/index.ts';
import { importProgressLine } from '../../src/renderer/src/dialogs/importProgress.ts';

describe('the import progress line', () => {
  it('says the files are being found until the import has counted them, never "0 / 0 files"', () => {
    const jobs = createJobs();
    jobs.imports.start(() => new Promise(() => undefined));
    const idle = jobs.imports.status().running!;
    expect(importProgressLine(idle)).toBe('Finding files…');
    expect(importProgressLine({ ...idle, runId: 3, total: 12, done: 0 })).toBe('0 / 12 files · 0 letters/s · 0 failed');
    expect(importProgressLine({ ...idle, runId: 3, total: 1200, done: 5, lettersPerSecond: 41.6, failed: 1 })).toBe('5 / 1,200 files · 42 letters/s · 1 failed');
  });
});

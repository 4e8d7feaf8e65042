/** How the bin script starts: run as a program (its #! line), with the heap flags the app's library server gets too. */
import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { promisify } from 'node:util';
import { describe, expect, test } from 'vitest';
import { HEAP_FLAGS } from '../../src/main/processes.ts';
import { BIN } from './runCli.ts';

const run = promisify(execFile);

describe('bin/imr-review.js', () => {
  test('its #! line starts Node with the library server heap flags', () => {
    const firstLine = readFileSync(BIN, 'utf8').split('\n')[0];
    expect(firstLine).toBe(`#!/usr/bin/env -S node ${HEAP_FLAGS.join(' ')}`);
  });

  test.skipIf(process.platform === 'win32')('runs as a program through that line (env -S), as npm links it', async () => {
    const { stdout } = await run(BIN, ['--version'], { env: { ...process.env, PATH: `${process.execPath.replace(/\/[^/]+$/, '')}:${process.env['PATH'] ?? ''}` } });
    expect(stdout.trim()).toMatch(/^\d+\.\d+\.\d+$/);
  });
});

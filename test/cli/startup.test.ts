/** How the bin script starts: run as a program (its #! line), with the heap flags the app's library server gets too. */
import { execFile } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
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

describe('compiled or sources', () => {
  test('it runs out/main/cli.js while that is newer than every source it is built from, and the sources once one is newer', async () => {
    // A checkout of stand-ins: each entry says which it is.
    const root = mkdtempSync(path.join(tmpdir(), 'imr-bin-'));
    try {
      const file = (name: string, text = '') => {
        mkdirSync(path.dirname(path.join(root, name)), { recursive: true });
        writeFileSync(path.join(root, name), text);
        return path.join(root, name);
      };
      mkdirSync(path.join(root, 'bin'));
      copyFileSync(BIN, path.join(root, 'bin/imr-review.js'));
      const sources = [file('src/main/cli/run.ts', "process.stdout.write('sources');\n"), file('src/shared/api.ts'), file('src/charts/index.ts'), file('package.json', '{"type":"module"}'), file('electron.vite.config.ts')];
      const compiled = file('out/main/cli.js', "process.stdout.write('compiled');\n");
      const at = (seconds: number) => new Date(Date.UTC(2026, 0, 1, 0, 0, seconds));
      for (const source of sources) utimesSync(source, at(0), at(0));
      utimesSync(compiled, at(10), at(10));
      const which = async () => (await run(process.execPath, [path.join(root, 'bin/imr-review.js')])).stdout;
      expect(await which()).toBe('compiled');
      utimesSync(path.join(root, 'src/shared/api.ts'), at(20), at(20));
      expect(await which()).toBe('sources');
      rmSync(compiled);
      utimesSync(path.join(root, 'src/shared/api.ts'), at(0), at(0));
      expect(await which()).toBe('sources');
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });
});

/**
 * The electron-builder configuration (the "build" key of package.json), checked without
 * building: electron-builder's own schema accepts it, and it names the targets, the
 * unpacked native module, the shipped samples and icons that exist.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { createRequire } from 'node:module';
import path from 'node:path';
import { expect, test } from 'vitest';

const ROOT = path.resolve(import.meta.dirname, '../..');
const require = createRequire(path.join(ROOT, 'package.json'));
const pkg = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as {
  main: string;
  dependencies: Record<string, string>;
  scripts: Record<string, string>;
  build: Record<string, unknown> & {
    files: string[];
    asarUnpack: string[];
    extraResources: { from: string; to: string }[];
    linux: { target: string[]; icon: string };
    mac: { target: string[]; icon: string };
    win: { target: string[]; icon: string };
  };
};
const { build } = pkg;

test("electron-builder's schema accepts the configuration, and rejects a misspelt one", async () => {
  const { validateConfiguration } = require('app-builder-lib/out/util/config/config.js') as {
    validateConfiguration(config: unknown, logger: unknown): Promise<void>;
  };
  const { DebugLogger } = require('builder-util') as { DebugLogger: new (enabled: boolean) => unknown };
  await expect(validateConfiguration(build, new DebugLogger(false))).resolves.toBeUndefined();
  await expect(validateConfiguration({ ...build, asarUnpak: [] }, new DebugLogger(false))).rejects.toThrow(/asarUnpak/);
});

test('the app is named and packaged for Linux, macOS and Windows by npm run dist', () => {
  expect(build['appId']).toBe('org.imr-review.workstation');
  expect(build['productName']).toBe('IMR Review Workstation');
  expect(build.linux.target).toEqual(['AppImage', 'deb']);
  expect(build.mac.target).toEqual(['dmg']);
  expect(build.win.target).toEqual(['nsis']);
  expect(pkg.scripts['dist']).toBe('electron-vite build && electron-builder');
});

test('the build ships the bundles, unpacks the native SQLite module and carries the samples', () => {
  expect(pkg.main).toBe('out/main/index.js');
  expect(build.files).toContain('out/**/*');
  expect(build['asar']).toBe(true);
  expect(build.asarUnpack).toContain('node_modules/better-sqlite3/**');
  expect(build.extraResources).toEqual([{ from: 'resources/samples', to: 'samples' }]);
  const samples = readdirSync(path.join(ROOT, 'resources/samples'));
  expect(samples.some((name) => /\.(pdf|txt)$/.test(name))).toBe(true);
});

test("the packaged app's Electron fuses: no running as Node, no NODE_OPTIONS or inspector flags, encrypted cookies, only its own integrity-checked asar", async () => {
  expect(build['electronFuses']).toEqual({
    runAsNode: false,
    enableCookieEncryption: true,
    enableNodeOptionsEnvironmentVariable: false,
    enableNodeCliInspectArguments: false,
    enableEmbeddedAsarIntegrityValidation: true,
    onlyLoadAppFromAsar: true,
    grantFileProtocolExtraPrivileges: false,
  });
  // The schema check above covers these names; a misspelt fuse is refused, not ignored.
  const { validateConfiguration } = require('app-builder-lib/out/util/config/config.js') as {
    validateConfiguration(config: unknown, logger: unknown): Promise<void>;
  };
  const { DebugLogger } = require('builder-util') as { DebugLogger: new (enabled: boolean) => unknown };
  await expect(validateConfiguration({ ...build, electronFuses: { runAsNodes: false } }, new DebugLogger(false))).rejects.toThrow(/configuration.electronFuses/);
});

test('every icon named exists and is a PNG big enough for each platform (at least 512 px)', () => {
  for (const icon of new Set([build.linux.icon, build.mac.icon, build.win.icon])) {
    const file = path.join(ROOT, icon);
    expect(existsSync(file)).toBe(true);
    const header = readFileSync(file).subarray(0, 24);
    expect(header.subarray(1, 4).toString('latin1')).toBe('PNG');
    expect(Math.min(header.readUInt32BE(16), header.readUInt32BE(20))).toBeGreaterThanOrEqual(512);
  }
});

test('every package the built main process imports is a runtime dependency, so the installer carries it', () => {
  const outDir = mkdtempSync(path.join(tmpdir(), 'imr-main-'));
  try {
    execFileSync(path.join(ROOT, 'node_modules/.bin/electron-vite'), ['build', '--outDir', outDir], { cwd: ROOT, stdio: 'pipe' });
    const mainDir = path.join(outDir, 'main');
    const bundles = readdirSync(mainDir, { recursive: true, encoding: 'utf8' }).filter((name) => name.endsWith('.js'));
    expect(bundles).toContain('extractWorker.js');
    expect(bundles).toContain('integrityWorker.js');
    const packages = new Set<string>();
    for (const bundle of bundles) {
      const code = readFileSync(path.join(mainDir, bundle), 'utf8');
      for (const [, specifier] of code.matchAll(/^import\s(?:[^"]*?\sfrom\s)?"([^".][^"]*)"/gm)) {
        if (specifier!.startsWith('node:') || specifier === 'electron') continue;
        const parts = specifier!.split('/');
        packages.add(specifier!.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0]!);
      }
    }
    expect([...packages]).toEqual(expect.arrayContaining(['better-sqlite3', 'pdfjs-dist']));
    expect([...packages].filter((name) => !(name in pkg.dependencies))).toEqual([]);
  } finally {
    rmSync(outDir, { recursive: true, force: true });
  }
});

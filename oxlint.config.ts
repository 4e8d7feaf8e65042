/**
 * The architecture, checked (`npm run lint`, run by .ci/run): which layer may import which.
 * Each layer lists what its files must never import; an override per layer applies it.
 * test/lint/layers.test.ts shows each rule failing on a deliberate breach.
 */
import { builtinModules } from 'node:module';

const NODE = ['node:*', 'node:*/**', ...builtinModules];
const NATIVE = ['better-sqlite3', 'electron', 'pdf-parse', 'pdfjs-dist', 'pdfjs-dist/**', 'piscina'];
/** The renderer draws pages with pdf.js's browser build; its Node build is the file reader's. */
const RENDERER_FORBIDS_NATIVE = ['better-sqlite3', 'electron', 'pdf-parse', 'pdfjs-dist/legacy/**', 'piscina'];
/** A service's files other than its public index. */
const internalsOf = (service: string) => [`**/${service}/*`, `!**/${service}/index.ts`, `**/${service}/*/**`];

interface Layer {
  readonly files: readonly string[];
  readonly forbid: readonly string[];
  readonly why: string;
}

const LAYERS: Record<string, Layer> = {
  renderer: {
    files: ['src/renderer/**'],
    forbid: ['**/main/**', '**/preload/**', ...NODE, ...RENDERER_FORBIDS_NATIVE],
    why: 'The renderer is web code: it reaches the app only through the typed API in src/shared/api.ts.',
  },
  shared: {
    files: ['src/shared/**'],
    forbid: ['**/main/**', '**/renderer/**', '**/preload/**', ...NODE, ...NATIVE],
    why: 'src/shared holds types and the API contract for every process: no Node, no app code.',
  },
  charts: {
    files: ['src/charts/**'],
    forbid: ['**/main/**', '**/renderer/**', '**/preload/**', ...NODE, ...NATIVE],
    why: 'The charts draw into any DOM document they are given, for the renderer and the report alike: no Node, no app code beyond src/shared.',
  },
  preload: {
    files: ['src/preload/**'],
    forbid: ['**/main/**', '**/renderer/**', ...NODE, 'better-sqlite3', 'pdf-parse', 'pdfjs-dist', 'pdfjs-dist/**', 'piscina'],
    why: 'The sandboxed preload only exposes the API: it may use electron and src/shared, nothing else.',
  },
  parser: {
    files: ['src/main/letters/parsing/**', 'src/main/letters/vocabulary/**'],
    forbid: ['**/storage/**', '**/reading/**', '**/import/**', '**/export/**', '**/review/**', '**/server/**', ...NODE, ...NATIVE],
    why: 'The parser and the vocabulary are pure: text in, values with spans out, no I/O.',
  },
  storage: {
    files: ['src/main/storage/**'],
    forbid: ['**/review/**', '**/export/**', '**/import/**', '**/server/**', '**/transport/**', '**/shell/**', '**/cli/**', 'electron'],
    why: 'Storage is the bottom layer: it knows no service and no transport.',
  },
  services: {
    files: [
      'src/main/review/**',
      'src/main/export/**',
      'src/main/import/**',
      'src/main/evaluation/**',
      'src/main/jobs/**',
      'src/main/insights/**',
      'src/main/report/**',
      'src/main/quality/**',
    ],
    forbid: [...internalsOf('storage'), ...internalsOf('review'), ...internalsOf('parsing'), ...internalsOf('insights'), ...internalsOf('report'), ...internalsOf('quality'), '**/server/**', '**/transport/**', '**/shell/**', '**/cli/**', 'better-sqlite3', 'electron'],
    why: "Services use each other's public modules (storage/index.ts, review/index.ts, letters/parsing/index.ts), and know no transport.",
  },
  server: {
    files: ['src/main/server/**'],
    forbid: [...internalsOf('storage'), ...internalsOf('review'), ...internalsOf('parsing'), ...internalsOf('insights'), ...internalsOf('report'), ...internalsOf('quality'), '**/transport/**', '**/shell/**', '**/cli/**', 'better-sqlite3', 'electron'],
    why: 'The library server reaches services through their public modules and knows no transport.',
  },
  transport: {
    files: ['src/main/transport/**'],
    forbid: ['**/storage/**', '**/review/**', '**/export/**', '**/import/**', '**/shell/**', '**/server/handlers/**', '**/server/session.ts', 'better-sqlite3', 'electron'],
    why: 'The transport only relays calls to the library server: no SQL, no service.',
  },
  shell: {
    files: ['src/main/shell/**', 'src/main/index.ts'],
    forbid: ['**/storage/**', '**/review/**', '**/export/**', '**/import/**', '**/server/handlers/**', '**/server/session.ts', 'better-sqlite3'],
    why: "Electron's main process only relays to the library server, shows dialogs and menus: no SQL on its thread.",
  },
  cli: {
    files: ['src/main/cli/**'],
    forbid: [...internalsOf('storage'), ...internalsOf('review'), ...internalsOf('insights'), ...internalsOf('report'), ...internalsOf('quality'), '**/server/**', '**/transport/**', '**/shell/**', 'electron'],
    why: "The command line uses the services and storage's public functions.",
  },
};

export default {
  ignorePatterns: ['out/**', 'dist/**', 'node_modules/**', 'bench/.data/**', 'test-results/**', 'playwright-report/**'],
  rules: {},
  overrides: [
    ...Object.values(LAYERS).map((layer) => ({
      files: [...layer.files],
      rules: { 'no-restricted-imports': ['error', { patterns: [{ group: [...layer.forbid], message: layer.why }] }] },
    })),
    // Playwright hands fixtures as the first argument: `async ({}, testInfo)` takes none of them.
    { files: ['test/e2e/**'], rules: { 'no-empty-pattern': 'off' } },
  ],
};

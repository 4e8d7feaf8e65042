/**
 * The architecture, checked (`npm run lint`, run by .ci/run): a closed layering. Every source file
 * belongs to exactly one layer, and a layer imports only from itself and what its allow-list
 * names (the rule is lint/layers.ts); a file in no layer fails. test/lint/layers.test.ts shows
 * each rule failing on a deliberate breach.
 */
import type { Layer, LayeringOptions } from './lint/layers.ts';

const NODE = 'node';
/** The services: each holds one kind of work over a DB handle and knows no transport. */
const SERVICES = ['review', 'export', 'import', 'evaluation', 'jobs', 'insights', 'report', 'quality', 'batch', 'team'];

const LAYERS: Record<string, Layer> = {
  shared: {
    files: ['src/shared/**'],
    imports: [],
    packages: ['zod'],
    why: 'src/shared holds types and the API contract for every process: no Node, no app code.',
  },
  charts: {
    files: ['src/charts/**'],
    imports: ['shared'],
    packages: ['@observablehq/plot'],
    why: 'The charts draw into any DOM document they are given, for the renderer and the report alike: no Node, no app code beyond src/shared.',
  },
  renderer: {
    files: ['src/renderer/**'],
    imports: ['shared', 'charts'],
    packages: ['react', 'react-dom/client', '@tanstack/react-virtual', 'diff', 'pdfjs-dist', 'pdfjs-dist/build/pdf.worker.min.mjs'],
    why: 'The renderer is web code: it reaches the app only through the typed API in src/shared/api.ts.',
  },
  preload: {
    files: ['src/preload/**'],
    imports: ['shared'],
    packages: ['electron'],
    why: 'The sandboxed preload only exposes the API: it may use electron and src/shared, nothing else.',
  },
  parser: {
    files: ['src/main/letters/parsing/**', 'src/main/letters/vocabulary/**'],
    imports: ['shared'],
    packages: [],
    why: 'The parser and the vocabulary are pure: text in, values with spans out, no I/O.',
  },
  checks: {
    files: ['src/main/letters/checks/**'],
    imports: ['shared', 'parser'],
    packages: [],
    why: "The rule checks are pure: a letter's values in, findings out, no I/O.",
  },
  reading: {
    files: ['src/main/letters/reading/**'],
    imports: ['shared'],
    packages: [NODE, 'pdfjs-dist/legacy/build/pdf.mjs', 'pdfjs-dist/types/**'],
    why: "Reading turns a letter's file into text and layout with pdf.js's Node build: no storage, no service.",
  },
  letters: {
    files: ['src/main/letters/*.ts'],
    imports: ['shared', 'parser', 'checks', 'reading'],
    packages: [NODE],
    why: "A letter's own steps (finding its files, extracting and deriving its values) over the reader, parser and checks: they store nothing.",
  },
  platform: {
    files: ['src/main/*.ts', '!src/main/index.ts'],
    imports: ['shared'],
    packages: [NODE],
    why: 'Where the app keeps its data and how its processes start: plain Node helpers for every process, no app code.',
  },
  storage: {
    files: ['src/main/storage/**'],
    imports: ['shared', 'platform', 'src/main/letters/reading/layoutCodec.ts'],
    packages: [NODE, 'better-sqlite3'],
    why: 'Storage is the bottom layer: it knows no service and no transport.',
  },
  services: {
    files: SERVICES.map((service) => `src/main/${service}/**`),
    imports: ['shared', 'charts', 'parser', 'checks', 'reading', 'letters', 'platform', 'storage', 'package.json'],
    packages: [NODE, 'zod', 'piscina', 'papaparse', 'yaml', 'yazl', 'hyparquet', 'hyparquet-writer', 'linkedom', '@stdlib/*', 'pure-rand/**'],
    why: "Services use each other's public modules (storage/index.ts, review/index.ts, letters/parsing/index.ts), and know no transport.",
  },
  serverClient: {
    files: ['src/main/server/client.ts', 'src/main/server/workerClient.ts', 'src/main/server/protocol.ts'],
    imports: ['shared', 'platform'],
    packages: [NODE],
    why: "The library server's client side speaks its protocol to a worker or a process: it holds no library.",
  },
  server: {
    files: ['src/main/server/**', '!src/main/server/client.ts', '!src/main/server/workerClient.ts', '!src/main/server/protocol.ts'],
    imports: ['shared', 'parser', 'platform', 'storage', 'services', 'serverClient'],
    packages: [NODE, 'zod'],
    why: 'The library server reaches services through their public modules and knows no transport.',
  },
  transport: {
    files: ['src/main/transport/**'],
    imports: ['shared', 'platform', 'serverClient', 'package.json'],
    packages: [NODE, 'sirv', 'zod'],
    why: 'The transport only relays calls to the library server: no SQL, no service.',
  },
  shell: {
    files: ['src/main/shell/**', 'src/main/index.ts'],
    imports: ['shared', 'platform', 'transport', 'serverClient'],
    packages: [NODE, 'electron'],
    why: "Electron's main process only relays to the library server, shows dialogs and menus: no SQL on its thread.",
  },
  cli: {
    files: ['src/main/cli/**'],
    imports: ['shared', 'parser', 'checks', 'reading', 'letters', 'platform', 'storage', 'services', 'package.json'],
    packages: [NODE, 'commander', 'cli-progress', '@bomb.sh/tab/**'],
    why: "The command line uses the services and storage's public functions.",
  },
};

const LAYERING: LayeringOptions = {
  layers: LAYERS,
  publicModules: ['src/main/storage', 'src/main/review', 'src/main/letters/parsing', 'src/main/insights', 'src/main/report', 'src/main/quality'],
};

/** The files of the renderer's one import circle (App.tsx and the parts it hands its state to); issue 29 takes App's state into a store. */
const RENDERER_CIRCLE = ['src/renderer/src/App.tsx', 'src/renderer/src/components/TopBar.tsx', 'src/renderer/src/dialogs/Dialogs.tsx', 'src/renderer/src/state/useKeyboard.ts'];

export default {
  plugins: ['eslint', 'typescript', 'unicorn', 'oxc', 'import', 'react', 'vitest'],
  jsPlugins: ['./lint/layers.ts'],
  ignorePatterns: ['out/**', 'dist/**', 'node_modules/**', 'bench/.data/**', 'test-results/**', 'playwright-report/**'],
  rules: {
    // No import circle between files, type-only imports included: a circle has no bottom to read or test from.
    'import/no-cycle': ['error', { ignoreTypes: false }],
  },
  overrides: [
    { files: ['src/**/*.{ts,tsx,mts,cts,js,mjs,cjs,jsx}'], rules: { 'layers/closed': ['error', LAYERING] } },
    { files: RENDERER_CIRCLE, rules: { 'import/no-cycle': 'off' } },
    {
      files: ['src/renderer/**'],
      rules: {
        'react/rules-of-hooks': 'error',
        'react/exhaustive-deps': 'error',
        // The React Compiler's rules flag the review state that issue 29 moves out of App.tsx into a store; that work turns them on.
        'react/refs': 'off',
        'react/set-state-in-effect': 'off',
        'react/immutability': 'off',
        'react/incompatible-library': 'off',
      },
    },
    // React's rules are for the renderer: elsewhere a function named use… (useTempFolder) is no hook.
    { files: ['test/**', 'bench/**', 'bin/**', 'src/main/**', 'src/shared/**', 'src/charts/**', 'src/preload/**', 'lint/**'], rules: { 'react/rules-of-hooks': 'off' } },
    {
      files: ['test/**'],
      rules: {
        // Vitest's expect takes a message as its second argument.
        'vitest/valid-expect': ['error', { maxArgs: 2 }],
        // The tests' own assertion helpers are named expect… (expectRefused, expectUsageError).
        'vitest/expect-expect': ['error', { assertFunctionNames: ['expect', 'expect*', 'fc.assert'] }],
        // Titles are built from the cases they run (loops over variants, a skipped suite's reason).
        'vitest/valid-title': 'off',
        // A fixture built in beforeAll asserts it was built, so a failure there says why.
        'vitest/no-standalone-expect': ['error', { additionalTestBlockFunctions: ['beforeAll', 'beforeEach'] }],
        // Property and fault tests assert what each generated case calls for: the case decides which assertion applies.
        'vitest/no-conditional-expect': 'off',
      },
    },
    // Vite's `?url` import gives the asset's URL as its default export, which the import plugin cannot see.
    { files: ['src/renderer/src/pages/pdfDocument.ts'], rules: { 'import/default': 'off' } },
    // Playwright hands fixtures as the first argument: `async ({}, testInfo)` takes none of them.
    { files: ['test/e2e/**'], rules: { 'no-empty-pattern': 'off' } },
  ],
};

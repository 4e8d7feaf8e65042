/**
 * The real desktop app under Playwright's Electron driver: a secure window over a fresh
 * library, a generated letter imported, corrected, verified and exported through the
 * preload's API, then the app restarted over the same data folder with everything kept.
 * Runs wherever the Electron binary is installed; skips, saying why, where it is not.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { ElectronApplication, Page } from '@playwright/test';
import { _electron as electron, expect, test } from '@playwright/test';
import type { ApiMethod, ApiResponse, ApiResults } from '../../src/shared/api.ts';
import { writeFixtureFolder } from '../fixtures/index.ts';
import { ROOT } from './server.ts';

/**
 * The binary the electron package downloaded at install (named in its path.txt); null
 * when the download was skipped. Read directly, because require('electron') would try
 * to download it.
 */
function electronBinary(): string | null {
  const packageDir = path.join(ROOT, 'node_modules/electron');
  const override = process.env['ELECTRON_OVERRIDE_DIST_PATH'];
  const pathFile = path.join(packageDir, 'path.txt');
  const executable = existsSync(pathFile) ? readFileSync(pathFile, 'utf8').trim() : null;
  if (!executable) return null;
  const binary = path.join(override ?? path.join(packageDir, 'dist'), executable);
  return existsSync(binary) ? binary : null;
}

const binary = electronBinary();
const NO_BINARY =
  'No Electron binary: the electron package was installed without its download (ELECTRON_SKIP_BINARY_DOWNLOAD=1 or offline). Run `npx install-electron --no` (or `npm ci` with internet) to run this suite.';
if (binary === null) console.warn(`electron.spec.ts skipped. ${NO_BINARY}`);
test.skip(binary === null, NO_BINARY);
test.describe.configure({ mode: 'serial' });

let userData: string;
let letters: string;

test.beforeAll(async () => {
  userData = mkdtempSync(path.join(tmpdir(), 'imr-electron-'));
  letters = path.join(userData, 'letters');
  await writeFixtureFolder(letters, { count: 2, seed: 5100, pdfShare: 0.5, encryptedShare: 0 });
});
test.afterAll(() => rmSync(userData, { recursive: true, force: true }));

async function launch(): Promise<{ app: ElectronApplication; page: Page }> {
  const app = await electron.launch({
    executablePath: binary!,
    args: [ROOT],
    env: { ...process.env, IMR_REVIEW_USER_DATA: userData } as Record<string, string>,
  });
  const page = await app.firstWindow();
  await page.waitForLoadState('domcontentloaded');
  return { app, page };
}

/** Calls the API exactly as the renderer does, through the preload's `window.imr`. */
async function call<M extends ApiMethod>(page: Page, method: M, ...args: unknown[]): Promise<ApiResults[M]> {
  const response = await page.evaluate(
    ([name, callArgs]) => (window as unknown as { imr: Record<string, (...a: unknown[]) => Promise<unknown>> }).imr[name]!(...callArgs),
    [method, args] as const,
  );
  const typed = response as ApiResponse<ApiResults[M]>;
  if (!typed.ok) throw new Error(`${method}: ${typed.error.message}`);
  return typed.result;
}

async function settled(page: Page, status: 'getImportStatus' | 'getExportStatus'): Promise<void> {
  await expect.poll(async () => (await call(page, status)).running, { timeout: 30_000 }).toBeNull();
}

test('the window is sandboxed, shows the library in its title and offers only the API', async () => {
  const { app, page } = await launch();
  try {
    const exposed = await page.evaluate(() => ({
      require: typeof (window as unknown as { require?: unknown }).require,
      process: typeof (window as unknown as { process?: unknown }).process,
      shell: Object.keys((window as unknown as { imrShell: object }).imrShell).sort(),
    }));
    expect(exposed).toEqual({ require: 'undefined', process: 'undefined', shell: ['chooseExportFolder', 'onCommand', 'revealLetterFile'] });
    const title = await app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows()[0]!.getTitle());
    expect(title).toContain(path.join(userData, 'library.sqlite'));
    const opened = await page.evaluate(() => window.open('https://example.com/') === null);
    expect(opened).toBe(true);
  } finally {
    await app.close();
  }
});

test('imports, corrects, verifies and exports a letter, and finds it all after a restart', async () => {
  const first = await launch();
  const exported = path.join(userData, 'dataset');
  let itemId: number;
  try {
    await call(first.page, 'setReviewer', 'Electron Reviewer');
    expect(await call(first.page, 'startImport', [letters])).toEqual({ started: true });
    await settled(first.page, 'getImportStatus');
    expect((await call(first.page, 'getImportStatus')).last).toMatchObject({ imported: 2, failed: 0 });

    const letter = (await call(first.page, 'getLetter', 1))!;
    itemId = letter.items[0]!.id;
    const corrected = letter.items[0]!.decision === 'Upheld' ? 'Overturned' : 'Upheld';
    await call(first.page, 'setDecision', itemId, corrected);
    await call(first.page, 'verifyLetter', 1);

    expect(await call(first.page, 'startExport', { format: 'csv', outDir: exported })).toEqual({ started: true });
    await settled(first.page, 'getExportStatus');
    expect((await call(first.page, 'getExportStatus')).last?.letters).toBe(1);
    expect(readFileSync(path.join(exported, 'items.csv'), 'utf8')).toContain(corrected);
  } finally {
    await first.app.close();
  }
  expect(existsSync(path.join(userData, 'window-state.json'))).toBe(true);

  const second = await launch();
  try {
    const letter = (await call(second.page, 'getLetter', 1))!;
    expect(letter.status).toBe('verified');
    const item = letter.items.find((candidate) => candidate.id === itemId)!;
    expect(item.humanEdited).toContain('decision');
    expect((await call(second.page, 'getStats')).verified).toBe(1);
  } finally {
    await second.app.close();
  }
});

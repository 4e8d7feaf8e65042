/**
 * The Team view in Chromium over the real bridge: a round of two overlapping work packages made
 * in the view, each package file then opened in this process as its reviewer would open it and
 * reviewed with the review services, the first merged back through the view with a flag against
 * a verification (a conflict), that conflict decided in the adjudication list from the keyboard,
 * the second merged, and the two reviewers' agreement read. Axe on the view and its dialogs;
 * screenshots at 1440x900 and 1280x720.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Locator, Page } from '@playwright/test';
import { expect, test } from '@playwright/test';
import { decimal } from '../../src/shared/insightsFormat.ts';
import type { Decision } from '../../src/shared/letter.ts';
import type { StoredLetter } from '../../src/shared/library.ts';
import { intervalText, percent } from '../../src/shared/qualityFormat.ts';
import type { Library } from '../../src/main/storage/index.ts';
import { getLetter as readLetter, openLibrary } from '../../src/main/storage/index.ts';
import { flagLetter, setDecision, verifyLetter } from '../review/asReviewer.ts';
import { axeViolations, getLetter, snap } from './helpers.ts';
import { buildLibrary } from './library.ts';
import type { Workstation } from './server.ts';
import { startWorkstation } from './server.ts';

test.describe.configure({ mode: 'serial' });

const LETTERS = 12;
/** Half the letters go to both reviewers: six letters double reviewed. */
const OVERLAP_PERCENT = 50;
const ROUND = 'round1';
const FLAG_REASON = 'Decision date unreadable';

let ws: Workstation;
let page: Page;
let folder: string;
const files = { Ana: '', Ben: '' };
/** Letters in both packages, by id. */
let shared: number[] = [];
/** The shared letter the coordinator flags and Ana verifies; the one Ben flags; the one whose first decision Ben changes. */
let contested: number;
let benFlags: number;
let benRedecides: number;

const other = (decision: Decision): Decision => (decision === 'Upheld' ? 'Overturned' : 'Upheld');

function teamView(): Locator {
  return page.getByRole('dialog', { name: 'Team' });
}

async function openTeam(): Promise<Locator> {
  await page.keyboard.press('Shift+T');
  await expect(page.getByRole('heading', { name: 'Team', level: 2 })).toBeFocused();
  await expect(teamView().locator('.insights-status')).not.toHaveText('Loading the packages…');
  return teamView();
}

/** Presses Tab until the focused element is `target`; fails if it never is. */
async function tabTo(target: Locator, presses = 12): Promise<void> {
  for (let i = 0; i < presses; i++) {
    if (await target.evaluate((element) => element === document.activeElement)) return;
    await page.keyboard.press('Tab');
  }
  await expect(target).toBeFocused();
}

/** A package file as its reviewer opens it: a library of its own, under their name. */
function asReviewer<T>(file: string, reviewer: string, work: (library: Library) => T): T {
  const library = openLibrary(file, { reviewer });
  try {
    return work(library);
  } finally {
    library.close();
  }
}

function packageLetterIds(file: string): number[] {
  return asReviewer(file, 'reader', (library) => library.db.prepare('SELECT id FROM letters ORDER BY id').pluck().all() as number[]);
}

/** The letter as the reviewer's package holds it. */
function inPackage(library: Library, letterId: number): StoredLetter {
  const letter = readLetter(library.db, letterId);
  if (!letter) throw new Error(`letter ${letterId} is not in ${library.file}`);
  return letter;
}

test.beforeAll(async ({ browser }) => {
  const { file } = buildLibrary({ letters: LETTERS });
  ws = await startWorkstation({ libraryFile: file });
  folder = mkdtempSync(path.join(tmpdir(), 'imr-e2e-packages-'));
  page = await (await browser.newContext({ viewport: { width: 1440, height: 900 } })).newPage();
  await page.goto(ws.url);
  await expect(page.locator('.queue-count')).toHaveText(`${LETTERS} letters`);
});

test.afterAll(async () => {
  await page?.context().close();
  await ws?.stop();
});

test('the Team view opens from the keyboard, empty, with no axe violations', async ({}, testInfo) => {
  const view = await openTeam();
  await expect(view.locator('.insights-status')).toHaveText('0 packages, 0 out');
  await expect(view.getByText('No package yet')).toBeVisible();
  await expect(view.getByText('No pair yet')).toBeVisible();
  expect(await axeViolations(page, testInfo, 'team-empty')).toEqual([]);
});

test('a bad round is refused in words, at once or by the service, and nothing is made', async () => {
  const view = teamView();
  await view.getByRole('button', { name: 'Make packages…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Make packages' });
  await expect(dialog.getByLabel('Round name')).toBeFocused();
  await page.keyboard.type(ROUND);
  await dialog.getByRole('button', { name: 'Make packages' }).click();
  await expect(dialog.getByRole('alert')).toHaveText('Name at least one reviewer (several separated by commas).');
  await dialog.getByLabel('Reviewers (comma separated)').fill('Ana');
  await dialog.getByRole('button', { name: 'Make packages' }).click();
  await expect(dialog.getByRole('alert')).toHaveText('Double review needs at least two reviewers; set the overlap to 0% for one.');
  // The service's own refusal: a folder that is not there.
  await dialog.getByLabel('Reviewers (comma separated)').fill('Ana, Ben');
  const missing = path.join(folder, 'not', 'there');
  await dialog.getByLabel('Folder to write the package files to').fill(missing);
  await dialog.getByRole('button', { name: 'Make packages' }).click();
  await expect(dialog.getByRole('alert')).toHaveText(`There is no folder ${missing}: create it first, or type another`);
  expect(await ws.call('listPackages')).toEqual([]);
  await page.keyboard.press('Escape');
  await expect(dialog).toHaveCount(0);
  await expect(view).toBeVisible();
});

test('a round of two overlapping packages is made from the keyboard', async ({}, testInfo) => {
  const view = teamView();
  await tabTo(view.getByRole('button', { name: 'Make packages…' }));
  await page.keyboard.press('Enter');
  const dialog = page.getByRole('dialog', { name: 'Make packages' });
  await expect(dialog.getByLabel('Round name')).toBeFocused();
  await page.keyboard.type(ROUND);
  await page.keyboard.press('Tab');
  await page.keyboard.type('Ana, Ben');
  await tabTo(dialog.getByLabel('Double review, % of letters'));
  await page.keyboard.press('Control+a');
  await page.keyboard.type(String(OVERLAP_PERCENT));
  await page.keyboard.press('Tab');
  await page.keyboard.press('Control+a');
  await page.keyboard.type(folder);
  expect(await axeViolations(page, testInfo, 'team-make')).toEqual([]);
  await snap(page, 'team-make-1440x900', testInfo);
  await page.setViewportSize({ width: 1280, height: 720 });
  await snap(page, 'team-make-1280x720', testInfo);
  await page.setViewportSize({ width: 1440, height: 900 });
  await page.keyboard.press('Enter');

  const made = page.getByRole('dialog', { name: 'Packages made' });
  await expect(made.getByRole('status')).toContainText('2 packages written');
  const packages = await ws.call('listPackages');
  expect(packages.map((pkg) => [pkg.name, pkg.reviewer, pkg.mergedAt])).toEqual([
    [`${ROUND}-Ana`, 'Ana', null],
    [`${ROUND}-Ben`, 'Ben', null],
  ]);
  files.Ana = path.join(folder, packages[0]!.fileName);
  files.Ben = path.join(folder, packages[1]!.fileName);
  const rows = made.locator('tbody tr');
  await expect(rows).toHaveCount(2);
  await expect(rows.nth(0)).toHaveText(`Ana${files.Ana}${packages[0]!.letters}${packages[0]!.overlapping}`);
  expect(await axeViolations(page, testInfo, 'team-made')).toEqual([]);
  await snap(page, 'team-made-1440x900', testInfo);
  await page.keyboard.press('Enter');
  await expect(made).toHaveCount(0);

  const anaIds = packageLetterIds(files.Ana);
  const benIds = packageLetterIds(files.Ben);
  shared = anaIds.filter((id) => benIds.includes(id));
  expect(shared).toHaveLength((LETTERS * OVERLAP_PERCENT) / 100);
  expect(new Set([...anaIds, ...benIds]).size).toBe(LETTERS);
  for (const pkg of packages) expect(pkg.overlapping).toBe(shared.length);

  const row = view.locator(`tr[data-package="${ROUND}-Ana"]`);
  await expect(row.locator('td').nth(0)).toHaveText('Ana');
  await expect(row.locator('td').nth(1)).toHaveText(`${anaIds.length}${shared.length} overlapping`);
  await expect(row.locator('.progress-figure')).toHaveText(`0 / ${anaIds.length}`);
  await expect(row.locator('td').nth(4)).toHaveText('out');
  await expect(view.locator('.insights-status')).toHaveText('2 packages, 2 out');
});

test('each reviewer reviews their package file as a library, and the coordinator flags a letter meanwhile', async () => {
  [contested, benFlags, benRedecides] = shared as [number, number, number];
  // Ana verifies every letter of hers.
  asReviewer(files.Ana, 'Ana', (library) => {
    for (const id of packageLetterIds(files.Ana)) verifyLetter(library.db, id);
  });
  // Ben verifies his too, but flags one shared letter and decides another's first item the other way.
  asReviewer(files.Ben, 'Ben', (library) => {
    const letter = inPackage(library, benRedecides);
    const first = letter.items[0]!;
    setDecision(library.db, first.id, other(first.decision!));
    for (const id of packageLetterIds(files.Ben)) {
      if (id === benFlags) flagLetter(library.db, id, 'Service list cut off');
      else verifyLetter(library.db, id);
    }
  });
  // Back home the coordinator flags a letter Ana has verified in her package: a flag never loses silently.
  const letter = await getLetter(ws, contested);
  await ws.call('flagLetter', { letterId: contested, revision: letter.revision }, FLAG_REASON);
  expect((await getLetter(ws, contested)).status).toBe('flagged');
});

test('a typo in the path is refused in words; the package then merges with one conflict', async ({}, testInfo) => {
  const view = teamView();
  await view.getByRole('button', { name: 'Merge a package…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Merge a package' });
  const input = dialog.getByLabel('Package file sent back by a reviewer');
  // It starts in the folder the packages were written to.
  await expect(input).toHaveValue(`${folder}/`);
  await expect(input).toBeFocused();
  await page.keyboard.type('round1-Anna.imrlib');
  await page.keyboard.press('Enter');
  await expect(dialog.getByRole('alert')).toHaveText(`Cannot open letter library ${folder}/round1-Anna.imrlib: there is no such file`);
  // The coordinating library itself is not a package.
  await input.fill(ws.libraryFile);
  await page.keyboard.press('Enter');
  await expect(dialog.getByRole('alert')).toContainText('is a library, not a work package');

  await input.fill(files.Ana);
  expect(await axeViolations(page, testInfo, 'team-merge')).toEqual([]);
  await page.keyboard.press('Enter');
  const anaLetters = packageLetterIds(files.Ana).length;
  const status = dialog.getByRole('status');
  await expect(status).toContainText(`${ROUND}-Ana (Ana): ${anaLetters} letters changed`);
  await expect(status).toContainText('1 conflict to decide.');
  // The flag stands until someone decides: Ana's verification did not overwrite it.
  expect((await getLetter(ws, contested)).status).toBe('flagged');
  const decide = dialog.getByRole('button', { name: 'Decide 1 conflict' });
  await expect(decide).toBeFocused();
  expect(await axeViolations(page, testInfo, 'team-merged')).toEqual([]);
  await snap(page, 'team-merged-1440x900', testInfo);
});

test('the conflict is decided in the adjudication list from the keyboard', async ({}, testInfo) => {
  await page.keyboard.press('Enter');
  const list = page.getByRole('dialog', { name: 'Adjudication' });
  const row = list.locator('tbody tr');
  await expect(row).toHaveCount(1);
  await expect(row.locator('td').nth(1)).toHaveText('Status');
  await expect(row.locator('td').nth(2)).toContainText(`Flagged: ${FLAG_REASON}`);
  await expect(row.locator('td').nth(3)).toContainText('Verified');
  await expect(row.locator('td').nth(3)).toContainText('Ana');
  expect(await axeViolations(page, testInfo, 'team-adjudication')).toEqual([]);
  await snap(page, 'team-adjudication-1440x900', testInfo);
  await tabTo(row.getByRole('button', { name: /^Take theirs/ }));
  await page.keyboard.press('Enter');
  await expect(list.getByText('Nothing to decide')).toBeVisible();
  await expect.poll(async () => (await getLetter(ws, contested)).status).toBe('verified');
  await page.keyboard.press('Escape');
  await expect(list).toHaveCount(0);
  const view = teamView();
  await expect(view.locator('.team-adjudication p')).toContainText('0 open conflicts');
  const anaRow = view.locator(`tr[data-package="${ROUND}-Ana"]`);
  const anaLetters = packageLetterIds(files.Ana).length;
  await expect(anaRow.locator('.progress-figure')).toHaveText(`${anaLetters} / ${anaLetters}`);
  await expect(anaRow.locator('.package-marks')).toHaveText(`${anaLetters} verified · 0 flagged`);
  await expect(anaRow.locator('td').nth(4)).toContainText('by E2E Reviewer');
});

test('the second package merges from its row, and the agreement between the two reviewers reads', async ({}, testInfo) => {
  const view = teamView();
  await view.getByRole('button', { name: `Merge… ${ROUND}-Ben` }).click();
  const dialog = page.getByRole('dialog', { name: 'Merge a package' });
  await expect(dialog.getByLabel('Package file sent back by a reviewer')).toHaveValue(files.Ben);
  await page.keyboard.press('Enter');
  await expect(dialog.getByRole('status')).toBeVisible();
  const result = (await ws.call('listPackages')).find((pkg) => pkg.reviewer === 'Ben')!;
  expect(result.mergedAt).not.toBeNull();
  await expect(dialog.getByRole('status')).toContainText(`${ROUND}-Ben (Ben): ${result.returned} letters changed`);
  await dialog.getByRole('button', { name: /^(Later|Done)$/ }).press('Enter');
  await expect(dialog).toHaveCount(0);
  await expect(view.locator('.insights-status')).toHaveText('2 packages, 0 out');
  const benRow = view.locator(`tr[data-package="${ROUND}-Ben"]`);
  await expect(benRow.locator('.package-marks')).toHaveText(`${result.verified} verified · 1 flagged`);

  const [pair] = await ws.call('getPackageAgreement');
  expect(pair).toBeDefined();
  expect(pair!.reviewers).toEqual(['Ana', 'Ben']);
  // Six letters shared: Ben flagged one Ana verified, so five statuses of six agree, and values compare on five.
  expect([pair!.statusCompared, pair!.statusAgreed, pair!.letters]).toEqual([shared.length, shared.length - 1, shared.length - 1]);
  const table = view.getByRole('region', { name: 'Ana and Ben' });
  await expect(table.getByRole('heading', { level: 4 })).toHaveText(`Ana and Ben (${shared.length} letters both decided, ${pair!.letters} both verified)`);
  await expect(table.getByRole('table', { name: `Letter values, on the ${pair!.letters} letters both verified` })).toBeVisible();
  const statusCells = table.locator('tr.status-row td');
  await expect(statusCells.nth(0)).toHaveText(`${shared.length} letters`);
  await expect(statusCells.nth(1)).toHaveText(String(shared.length - 1));
  await expect(statusCells.nth(2)).toHaveText(percent((shared.length - 1) / shared.length));
  await expect(statusCells.nth(3)).toHaveText(intervalText(pair!.statusInterval!));
  const kappa = pair!.kappas.find((k) => k.field === 'decision')!;
  expect(kappa.kappa).toBeLessThan(1);
  const kappaCells = table.locator('tr.kappa-row td');
  await expect(kappaCells.nth(2)).toHaveText(decimal(kappa.kappa));
  await expect(kappaCells.nth(3)).toHaveText(kappa.interval ? `${decimal(kappa.interval.low)}–${decimal(kappa.interval.high)}` : '-');
  const decision = pair!.fields.find((field) => field.field === 'decision')!;
  expect(decision.agreed).toBe(decision.compared - 1);
  const decisionRow = table.locator('tbody tr.disagree', { has: page.getByRole('rowheader', { name: 'Decision', exact: true }) });
  await expect(decisionRow.locator('td').nth(3)).toHaveText(intervalText(decision.interval!));

  expect(await axeViolations(page, testInfo, 'team-1440')).toEqual([]);
  await snap(page, 'team-1440x900', testInfo);
  await view.locator('.team-body').evaluate((body) => body.scrollTo(0, body.scrollHeight));
  await snap(page, 'team-1440x900-end', testInfo);
  await page.setViewportSize({ width: 1280, height: 720 });
  await view.locator('.team-body').evaluate((body) => body.scrollTo(0, 0));
  expect(await axeViolations(page, testInfo, 'team-1280')).toEqual([]);
  await snap(page, 'team-1280x720', testInfo);
  await view.locator('.team-body').evaluate((body) => body.scrollTo(0, body.scrollHeight));
  await snap(page, 'team-1280x720-end', testInfo);
  await page.setViewportSize({ width: 1440, height: 900 });

  // Shift+T closes the view again; the merges are undoable changes like any other.
  await page.keyboard.press('Shift+T');
  await expect(view).toHaveCount(0);
  expect((await ws.call('getUndoState')).undo).not.toBeNull();
});

test('a reviewer opening their package sees in the Team view that it is one', async () => {
  const reviewer = await startWorkstation({ libraryFile: files.Ana, reviewer: 'Ana' });
  try {
    await page.goto(reviewer.url);
    await expect(page.locator('.queue-count')).toHaveText(`${packageLetterIds(files.Ana).length} letters`);
    await page.keyboard.press('Shift+T');
    await expect(teamView().getByRole('note')).toHaveText(
      `This file is the work package ${ROUND}-Ana for Ana, made from ${path.basename(ws.libraryFile)}. Review its letters here and send the file back: it is merged in the library it came from.`,
    );
  } finally {
    await reviewer.stop();
  }
});

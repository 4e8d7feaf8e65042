/**
 * The reviewer's licensure as a fact (issue 27): the queue filters by it, the insights count it
 * and a row opens its letters; no ◆ finding until the library turns one on in Rule checks,
 * saying why. Generated letters, whose reviewers nearly all list California: four are corrected
 * to reviewers licensed elsewhere, as MAXIMUS assigns them.
 */
import type { Page } from '@playwright/test';
import { expect, test } from '@playwright/test';
import { countText, queueCount, snap } from './helpers.ts';
import { buildLibrary } from './library.ts';
import type { Workstation } from './server.ts';
import { startWorkstation } from './server.ts';

test.describe.configure({ mode: 'serial' });

let ws: Workstation;
let page: Page;

const NOT_CALIFORNIA = { state: 'California', licensed: false } as const;
const licensureFilter = () => page.getByRole('navigation', { name: 'Review queue' }).getByRole('combobox', { name: 'Licensure', exact: true });

async function derivedDone(): Promise<void> {
  await expect.poll(async () => (await ws.call('getStats')).derivedUpdate, { timeout: 20_000 }).toBeNull();
}

test.beforeAll(async ({ browser }) => {
  const library = buildLibrary({ letters: 30 });
  ws = await startWorkstation({ libraryFile: library.file });
  await derivedDone();
  const rows = (await ws.call('queryQueue', { sort: 'import', offset: 0, limit: 100 })).rows;
  for (const [index, value] of ['Florida', 'Texas, New York', 'NJ', 'Florida, Ohio'].entries()) {
    const letter = (await ws.call('getLetter', rows[index * 7]!.id))!;
    await ws.call('updateLetterField', { letterId: letter.id, revision: letter.revision }, { field: 'reviewerLicensure', value });
  }
  page = await (await browser.newContext({ viewport: { width: 1440, height: 900 } })).newPage();
  page.on('pageerror', (error) => console.error('page error:', error.message));
  await page.goto(ws.url);
  await expect(queueCount(page)).toHaveText(countText(30));
});

test.afterAll(async () => {
  await page?.context().close();
  await ws?.stop();
});

test('no letter carries a licensure finding by default, and the queue filters by licensure', async ({}, testInfo) => {
  const elsewhere = (await ws.call('queryQueue', { licensure: NOT_CALIFORNIA, sort: 'import', offset: 0, limit: 100 })).total;
  expect(elsewhere).toBeGreaterThanOrEqual(4);
  const withChecks = (await ws.call('queryQueue', { hasChecks: true, sort: 'import', offset: 0, limit: 100 })).total;
  for (const row of (await ws.call('queryQueue', { licensure: NOT_CALIFORNIA, sort: 'import', offset: 0, limit: 100 })).rows) {
    const letter = await ws.call('getLetter', row.id);
    expect(letter?.checks.map((check) => check.code)).not.toContain('reviewer-licensure-state');
  }
  await licensureFilter().selectOption({ label: 'Not licensed in California' });
  await expect(queueCount(page)).toHaveText(countText(elsewhere));
  await snap(page, 'licensure-queue-1440x900', testInfo);
  await page.setViewportSize({ width: 1280, height: 720 });
  await snap(page, 'licensure-queue-1280x720', testInfo);
  await page.setViewportSize({ width: 1440, height: 900 });
  await licensureFilter().selectOption({ label: 'Licensed in California' });
  await expect(queueCount(page)).toHaveText(countText(30 - elsewhere));
  await licensureFilter().selectOption({ label: 'Any licensure' });
  await expect(queueCount(page)).toHaveText(countText(30));
  expect(withChecks).toBe((await ws.call('queryQueue', { hasChecks: true, sort: 'import', offset: 0, limit: 100 })).total);
});

test('the insights count the letters per state, and a row opens them', async ({}, testInfo) => {
  const insights = await ws.call('getInsights', { filter: {}, scope: 'all' });
  const states = insights.breakdowns.find((breakdown) => breakdown.id === 'licensure-state')!;
  const elsewhere = states.rows.find((row) => row.key !== 'California')!;
  await page.keyboard.press('Shift+I');
  await page.getByText('All letters', { exact: true }).click();
  const card = page.locator('#insights-licensure-state');
  await card.scrollIntoViewIfNeeded();
  await expect(card).toContainText("By reviewer's state of licensure");
  await snap(page, 'licensure-insights-1440x900', testInfo);
  await page.setViewportSize({ width: 1280, height: 720 });
  await card.scrollIntoViewIfNeeded();
  await snap(page, 'licensure-insights-1280x720', testInfo);
  await page.setViewportSize({ width: 1440, height: 900 });
  await card.locator('summary').click();
  await card.getByRole('button', { name: elsewhere.label, exact: true }).click();
  await expect(queueCount(page)).toHaveText(countText(elsewhere.letters));
  await expect(licensureFilter()).toHaveValue(`yes:${elsewhere.label}`);
  await licensureFilter().selectOption({ label: 'Any licensure' });
});

test('Rule checks turns the licensure finding on only with a reason, and every letter is checked again', async ({}, testInfo) => {
  await page.getByRole('button', { name: 'Rule checks…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Rule checks' });
  await dialog.getByLabel('Flag a reviewer not licensed in a state').check();
  await expect(dialog.getByRole('button', { name: 'Save' })).toBeDisabled();
  await dialog.getByLabel('Why (shown with every finding)').fill('Our contract asks for reviewers licensed in California.');
  await snap(page, 'check-settings-1440x900', testInfo);
  await page.setViewportSize({ width: 1280, height: 720 });
  await snap(page, 'check-settings-1280x720', testInfo);
  await page.setViewportSize({ width: 1440, height: 900 });
  await dialog.getByRole('button', { name: 'Save' }).click();
  await expect(dialog).toHaveCount(0);
  await derivedDone();
  const elsewhere = (await ws.call('queryQueue', { licensure: NOT_CALIFORNIA, sort: 'import', offset: 0, limit: 100 })).rows;
  for (const row of elsewhere) {
    const letter = await ws.call('getLetter', row.id);
    const finding = letter?.checks.find((check) => check.code === 'reviewer-licensure-state');
    expect(finding?.message).toContain('Our contract asks for reviewers licensed in California.');
  }
  expect((await ws.call('getCheckSettings')).licensureFinding).toEqual({ state: 'California', why: 'Our contract asks for reviewers licensed in California.' });
});

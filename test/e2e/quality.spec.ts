/**
 * The Quality view in Chromium over the real bridge: a sample drawn in the view, its letters
 * verified in the queue (one decision corrected on the way), the estimates moving with them, a
 * blind pass entered in blind mode with a decision that disagrees, and that disagreement decided
 * in the adjudication list. Screenshots of the view and of blind mode at 1440x900 and 1280x720,
 * and axe on the view.
 */
import type { Locator, Page } from '@playwright/test';
import { expect, test } from '@playwright/test';
import { percent, rateText } from '../../src/shared/qualityFormat.ts';
import type { Decision } from '../../src/shared/letter.ts';
import type { AuditSample, MeasureEstimate } from '../../src/shared/quality.ts';
import { axeViolations, getLetter, snap } from './helpers.ts';
import { buildLibrary } from './library.ts';
import type { Workstation } from './server.ts';
import { startWorkstation } from './server.ts';

test.describe.configure({ mode: 'serial' });

const LETTERS = 30;
const SAMPLE_SIZE = 6;
const SEED = 4242;

let ws: Workstation;
let page: Page;
let sample: AuditSample;
/** The letter the blind pass enters first, and the decision it gives its first item. */
let entered: { id: number; blindDecision: Decision };

const other = (decision: Decision): Decision => (decision === 'Upheld' ? 'Overturned' : 'Upheld');
const keyFor = (decision: Decision): string => (decision === 'Upheld' ? 'u' : 'o');

function qualityView(): Locator {
  return page.getByRole('dialog', { name: 'Quality' });
}

async function openQuality(): Promise<Locator> {
  await page.keyboard.press('Shift+Q');
  await expect(page.getByRole('heading', { name: 'Quality', level: 2 })).toBeFocused();
  await expect(qualityView().locator('.insights-status')).not.toHaveText('Working out the figures…');
  return qualityView();
}

async function decisionEstimate(): Promise<MeasureEstimate> {
  const report = await ws.call('getQuality');
  return report.samples.find((s) => s.sample.id === sample.id)!.estimates.find((e) => e.measure === 'decision')!;
}

/** The estimates table's Decision row shows the server's figures for it. */
async function expectDecisionRow(estimate: MeasureEstimate): Promise<void> {
  const cells = qualityView().locator('tr[data-measure="decision"] td');
  await expect(cells.nth(0)).toHaveText(String(estimate.checked));
  await expect(cells.nth(1)).toHaveText(String(estimate.errors));
  await expect(cells.nth(2)).toHaveText(estimate.rate === null ? '-' : percent(estimate.rate));
}

async function sampleLetterIds(): Promise<number[]> {
  return (await ws.call('queryQueue', { sampleId: sample.id, sort: 'import', offset: 0, limit: 100 })).rows.map((row) => row.id);
}

test.beforeAll(async ({ browser }) => {
  const { file } = buildLibrary({ letters: LETTERS });
  ws = await startWorkstation({ libraryFile: file });
  // axe runs its frames through the page's own context, which browser.newPage does not give it.
  page = await (await browser.newContext({ viewport: { width: 1440, height: 900 } })).newPage();
  await page.goto(ws.url);
  await expect(page.locator('.queue-count')).toHaveText(`${LETTERS} letters`);
});

test.afterAll(async () => {
  await page?.context().close();
  await ws?.stop();
});

test('a sample is drawn in the Quality view, seeded and stratified', async () => {
  const view = await openQuality();
  await expect(view.getByText('No sample yet')).toBeVisible();
  await view.getByLabel('format', { exact: true }).check();
  await view.getByRole('spinbutton', { name: 'Sample size' }).fill(String(SAMPLE_SIZE));
  await view.getByRole('spinbutton', { name: 'Seed' }).fill(String(SEED));
  await view.getByRole('button', { name: 'Draw sample' }).click();
  const [drawn] = await ws.call('listSamples');
  sample = drawn!;
  expect(sample).toMatchObject({ seed: SEED, size: SAMPLE_SIZE, frameLetters: LETTERS, strata: ['format'], checked: 0 });
  const row = view.locator('.sample-list tbody tr');
  await expect(row).toHaveCount(1);
  await expect(row).toContainText(sample.name);
  await expect(row).toContainText(`seed ${SEED} · from ${LETTERS} letters · by format`);
  await expect(row.locator('.progress-figure')).toHaveText(`0 / ${SAMPLE_SIZE}`);
  await expect(view.getByRole('heading', { name: `Error rates: ${sample.name}` })).toBeVisible();
  await expectDecisionRow(await decisionEstimate());
  const unread = view.locator('tr[data-measure="decision"] .unread');
  await expect(unread).toHaveText('-');
  await expect(unread).toHaveAttribute('title', `of ${LETTERS} unread letters: no evidence yet`);
  await expect(view.locator('.unread-headline')).toHaveCount(0);
});

test('a bad request says why, without a stack', async () => {
  const view = qualityView();
  await view.getByRole('spinbutton', { name: 'Seed' }).fill(String(2 ** 32));
  await view.getByRole('button', { name: 'Draw sample' }).click();
  const alert = view.getByRole('alert');
  await expect(alert).toBeVisible();
  await expect(alert).not.toContainText(/\bat \S+:\d+/);
  await view.getByRole('spinbutton', { name: 'Seed' }).fill('');
  expect(await ws.call('listSamples')).toHaveLength(1);
});

test('the sample’s letters are verified in the queue, and the estimates move', async () => {
  await qualityView().getByRole('button', { name: 'Review in queue' }).click();
  await expect(qualityView()).toHaveCount(0);
  await expect(page.locator('.queue-count')).toHaveText(`${SAMPLE_SIZE} letters`);
  const banner = page.locator('.quality-banner');
  await expect(banner).toContainText(`Audit sample “${sample.name}”`);
  await expect(banner.locator('.progress-figure')).toHaveText(`0 / ${SAMPLE_SIZE}`);

  // The first letter: its first decision corrected (o or u), then done (d).
  const ids = await sampleLetterIds();
  const first = await getLetter(ws, ids[0]!);
  const parserDecision = first.items[0]?.decision;
  if (!parserDecision) throw new Error(`${first.caseNumber} has no first decision to correct`);
  await expect(page.locator('.letter-title h2')).toHaveText(first.caseNumber!);
  await page.keyboard.press('[');
  await page.keyboard.press(keyFor(other(parserDecision)));
  await expect.poll(async () => (await getLetter(ws, first.id)).items[0]!.decision).toBe(other(parserDecision));
  await page.keyboard.press('d');
  await expect.poll(async () => (await getLetter(ws, first.id)).status).toBe('verified');
  // The second as the parser read it.
  const second = await getLetter(ws, ids[1]!);
  await expect(page.locator('.letter-title h2')).toHaveText(second.caseNumber!);
  await page.keyboard.press('d');
  await expect.poll(async () => (await getLetter(ws, second.id)).status).toBe('verified');
  await expect(banner.locator('.progress-figure')).toHaveText(`2 / ${SAMPLE_SIZE}`);

  const afterTwo = await decisionEstimate();
  expect(afterTwo.checked).toBe(2);
  expect(afterTwo.errors).toBeGreaterThanOrEqual(1);
  let view = await openQuality();
  await expectDecisionRow(afterTwo);
  await expect(view.locator('.sample-list .progress-figure')).toHaveText(`2 / ${SAMPLE_SIZE}`);
  await page.keyboard.press('Escape');

  // The rest through the API the page uses, as a second reviewer's window would.
  for (const id of ids.slice(2)) {
    const letter = await getLetter(ws, id);
    await ws.call('confirmAndVerify', { letterId: id, revision: letter.revision });
  }
  const afterAll = await decisionEstimate();
  expect(afterAll.checked).toBe(SAMPLE_SIZE);
  expect(afterAll.errors).toBe(afterTwo.errors);
  expect(afterAll.rate).toBeLessThan(afterTwo.rate!);
  view = await openQuality();
  await expectDecisionRow(afterAll);
  await expect(view.locator('tr[data-measure="decision"] .unread')).toHaveText(rateText(afterAll.unread.rate!, afterAll.unread.interval));
  await expect(view.locator('.unread-headline')).toHaveText(`Of ${LETTERS - SAMPLE_SIZE} unread letters, about ${rateText(afterAll.unread.rate!, afterAll.unread.interval)} have a wrong Decision.`);
  await expect(view.locator('.sample-list .progress-figure')).toHaveText(`${SAMPLE_SIZE} / ${SAMPLE_SIZE}`);
});

test('the Quality view has no axe violations, at 1440x900 and 1280x720', async ({}, testInfo) => {
  const view = qualityView();
  expect(await axeViolations(page, testInfo, 'quality-1440')).toEqual([]);
  await snap(page, 'quality-1440x900', testInfo);
  await page.setViewportSize({ width: 1280, height: 720 });
  await expect(view).toBeVisible();
  expect(await axeViolations(page, testInfo, 'quality-1280')).toEqual([]);
  await snap(page, 'quality-1280x720', testInfo);
  await view.locator('.quality-body').evaluate((body) => body.scrollTo(0, body.scrollHeight));
  await snap(page, 'quality-1280x720-end', testInfo);
  await page.setViewportSize({ width: 1440, height: 900 });
});

test('a blind pass hides the decisions; a disagreeing entry goes to adjudication', async ({}, testInfo) => {
  const view = qualityView();
  await view.getByText('Decisions hidden').click();
  await view.getByRole('button', { name: `Start a blind pass over ${sample.name}` }).click();
  const passRow = view.locator('tr', { hasText: 'Blind pass' }).filter({ has: page.getByRole('button', { name: 'Enter letters' }) });
  await expect(passRow).toHaveCount(1);
  await expect(passRow.locator('.progress-figure')).toHaveText(`0 / ${SAMPLE_SIZE}`);
  const [pass] = (await ws.call('getQuality')).blindPasses;
  await passRow.getByRole('button', { name: 'Enter letters' }).click();
  await expect(qualityView()).toHaveCount(0);

  const banner = page.locator('.quality-banner');
  await expect(banner).toContainText(`Blind mode: blind pass ${pass!.id}`);
  const pane = page.getByRole('complementary', { name: 'Blind entry' });
  // The letter on screen stays open where the pass holds it, as with any filter.
  const rows = (await ws.call('queryQueue', { blindPassId: pass!.id, sort: 'import', offset: 0, limit: 100 })).rows;
  await expect(pane.getByRole('heading', { level: 2 })).toHaveText(new RegExp(`^(${rows.map((row) => row.caseNumber).join('|')})$`));
  const shownLabel = await pane.getByRole('heading', { level: 2 }).textContent();
  const firstId = rows.find((row) => row.caseNumber === shownLabel)!.id;
  const blind = (await ws.call('getBlindLetter', pass!.id, firstId))!;
  const verified = await getLetter(ws, firstId);
  expect(blind.label).toBe(shownLabel);
  // The decisions are hidden: the services are shown, no value is highlighted in the source.
  const items = pane.getByRole('group', { name: /^Item \d+:/ });
  await expect(items).toHaveCount(blind.itemCount);
  await expect(items.first()).toHaveAccessibleName(`Item 1: ${blind.services![0]}`);
  await expect(items.first().getByRole('radio', { checked: true })).toHaveCount(0);
  await expect(page.locator('.source mark')).toHaveCount(0);
  await snap(page, 'blind-1440x900', testInfo);

  // The first item against the verified decision, the others with it; u / o move on by themselves.
  await expect(items.first()).toBeFocused();
  const decisions = verified.items.map((item, index) => (index === 0 ? other(item.decision!) : item.decision!));
  for (const decision of decisions) await page.keyboard.press(keyFor(decision));
  await expect(items.first().getByRole('radio', { name: decisions[0]!, checked: true })).toBeVisible();
  entered = { id: firstId, blindDecision: decisions[0]! };
  await page.setViewportSize({ width: 1280, height: 720 });
  await snap(page, 'blind-1280x720', testInfo);
  await page.setViewportSize({ width: 1440, height: 900 });
  await page.keyboard.press('Control+Enter');

  const result = `${blind.label}: ${blind.itemCount - 1} of ${blind.itemCount} agree; 1 waits for adjudication`;
  await expect(pane.locator('.blind-result')).toHaveText(result);
  await expect(pane.getByRole('heading', { level: 2 })).not.toHaveText(blind.label);
  await expect(banner.locator('.progress-figure')).toHaveText(`1 / ${SAMPLE_SIZE}`);
  await expect(page.locator('.queue-count')).toHaveText(`${SAMPLE_SIZE - 1} letters`);
  // The verified letter is untouched until someone decides.
  expect((await getLetter(ws, firstId)).items[0]!.decision).toBe(verified.items[0]!.decision);
});

test('blind mode in fields mode asks every value from empty', async ({}, testInfo) => {
  const pass = await ws.call('startBlindPass', { mode: 'fields', sampleId: sample.id });
  await page.getByRole('button', { name: 'Leave blind mode' }).click();
  await expect(page.locator('.quality-banner')).toHaveCount(0);
  const view = await openQuality();
  await view.locator('tr', { hasText: `Blind pass ${pass.id}` }).getByRole('button', { name: 'Enter letters' }).click();
  const pane = page.getByRole('complementary', { name: 'Blind entry' });
  await expect(pane.getByLabel('Case number')).toHaveValue('');
  await expect(pane.getByLabel('Format')).toBeFocused();
  await expect(pane.locator('.blind-result')).toHaveCount(0);
  await expect(pane.locator('#blind-0-category')).toHaveValue('');
  await snap(page, 'blind-fields-1440x900', testInfo);
  await page.setViewportSize({ width: 1280, height: 720 });
  await snap(page, 'blind-fields-1280x720', testInfo);
  await page.setViewportSize({ width: 1440, height: 900 });
  await page.getByRole('button', { name: 'Leave blind mode' }).click();
  await expect(page.locator('.quality-banner')).toHaveCount(0);
  await expect(page.locator('.queue-count')).toHaveText(`${LETTERS} letters`);
});

test('the disagreement is decided in the adjudication list, by keyboard, and the letter changes', async ({}, testInfo) => {
  const view = await openQuality();
  await expect(view.locator('#adjudication-title + p')).toHaveText('1 open, 0 resolved.');
  await view.getByRole('button', { name: 'Open the adjudication list' }).click();
  const list = page.getByRole('dialog', { name: 'Adjudication' });
  const row = list.locator('tbody tr');
  await expect(row).toHaveCount(1);
  await expect(row.locator('td').nth(1)).toHaveText('Item 1 decision');
  await expect(row.locator('td').nth(2)).toHaveText(`Verified${other(entered.blindDecision)}`);
  await expect(row.locator('td').nth(3)).toContainText(`Blind pass`);
  await expect(row.locator('td').nth(3)).toContainText(entered.blindDecision);
  await snap(page, 'adjudication-1440x900', testInfo);
  expect(await axeViolations(page, testInfo, 'adjudication')).toEqual([]);
  await row.getByRole('button', { name: /^Take blind/ }).focus();
  await page.keyboard.press('Enter');
  await expect(list.getByText('Nothing to decide')).toBeVisible();
  await expect.poll(async () => (await getLetter(ws, entered.id)).items[0]!.decision).toBe(entered.blindDecision);
  // Escape closes the list alone; the view counts the decision.
  await page.keyboard.press('Escape');
  await expect(list).toHaveCount(0);
  await expect(view.locator('#adjudication-title + p')).toHaveText('0 open, 1 resolved.');
  // Taking the blind value is an undoable change like any other.
  expect((await ws.call('getUndoState')).undo).not.toBeNull();
});

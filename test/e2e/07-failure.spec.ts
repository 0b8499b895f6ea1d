// Failure: the demo simulator is told (through its admin endpoint, found in the SIM Fleet log) to
// fail with 500s, then to answer slowly, then to reject the credentials as expired. Each time the
// tree and the card panel say what is wrong and recover when the simulator does; and a stop whose
// answer is lost on the way back is reported, not sent again (the simulator counts what it got).
import type { Page } from '@playwright/test';
import { expect, test } from './lib/fixtures';
import {
  cardRow,
  cardsTree,
  collapseGroup,
  contextMenuChoose,
  demoEndpoint,
  dialogChoose,
  expandGroup,
  groupCounts,
  openCardFromTree,
  openFleetView,
  readDialog,
  readRows,
  sidebar,
  simAdmin,
  simStats,
  type Counts,
  waitForCounts,
  waitForGroups,
  waitForNotification,
  webviewElement,
  webviewFrame,
} from './lib/workbench';

test.use({ demo: true });

const refreshButton = (page: Page) => sidebar(page).locator('.action-label[aria-label^="Refresh"]').first();
const errorRow = (page: Page) => cardsTree(page).locator('[role=treeitem]').filter({ has: page.locator('.codicon-error') }).first();

async function treeError(page: Page) {
  const row = errorRow(page);
  await row.waitFor({ timeout: 45_000 });
  return {
    label: (await row.locator('.label-name').innerText()).trim(),
    description: (await row.locator('.label-description').innerText().catch(() => '')).trim(),
  };
}

async function detailError(page: Page) {
  const box = webviewFrame(page).locator('[role=alert], .status-box.error, .status.error').first();
  await box.waitFor({ timeout: 45_000 });
  return (await box.innerText()).trim();
}

test('failure: 500s, slow answers, expired sign-in; errors shown, recovery, no mutation sent twice', async ({ page, journey }) => {
  let admin = '';
  let before: Counts = {};
  let label = '';
  await test.step('demo fleet up; its simulator found from the SIM Fleet log', async () => {
    await openFleetView(page);
    before = await waitForGroups(page);
    admin = await demoEndpoint(journey.userDataDir);
    journey.log(`simulator at ${admin}`);
    const info = await simAdmin<{ cards: number }>(admin, 'GET', 'info');
    expect(info.cards, 'the admin endpoint answers for the demo fleet').toBe(1000);
    await expandGroup(page, 'In use');
    label = (await readRows(page)).find((r) => r.level === 2 && r.name.startsWith('Card '))?.label ?? '';
    expect(label, 'a card in "In use"').not.toBe('');
    await openCardFromTree(page, label);
    await webviewFrame(page).getByRole('heading', { level: 1 }).waitFor();
  });

  await test.step('500s: the tree and the panel say the service is busy', async () => {
    await simAdmin(admin, 'POST', 'faults', { errorRate: 1, errorStatus: 500 });
    await refreshButton(page).click();
    const err = await treeError(page);
    journey.log(`tree: ${err.label} [${err.description}]`);
    expect(err.label, "the tree's error row explains").toMatch(/service is busy/i);
    expect(err.description, 'the error row offers Retry').toBe('Retry');
    await webviewFrame(page).getByRole('button', { name: 'Refresh' }).click();
    const panel = await detailError(page);
    journey.log(`panel: ${panel}`);
    expect(panel, 'the panel explains').toMatch(/busy/i);
    await page.mouse.move(900, 450);
    await journey.docShot('error-node', [sidebar(page), webviewElement(page)]);
  });

  await test.step('the simulator recovers: Retry brings the fleet and the panel back', async () => {
    await simAdmin(admin, 'DELETE', 'faults');
    await errorRow(page).click();
    // A refresh keeps the view's place: "In use" stays expanded with its loaded page, and the
    // notice above the groups goes once the fleet is read again.
    await expect(errorRow(page), 'the notice is gone').toHaveCount(0, { timeout: 30_000 });
    const counts = await waitForCounts(page, (c) => c['In use'] === before['In use'], 'the "In use" count back');
    expect(counts['In use'], 'the counts are back').toBe(before['In use']);
    expect((await readRows(page)).some((r) => r.level === 2 && r.label === label), 'the expanded group still lists its cards').toBe(true);
    // Refreshing the fleet also refreshes open panels; if the panel still shows its error, Retry there.
    const retry = webviewFrame(page).getByRole('button', { name: 'Retry' });
    if (await retry.isVisible().catch(() => false)) await retry.click().catch(() => undefined);
    await expect(async () => {
      await expect(webviewFrame(page).locator('.badge').first()).toBeAttached({ timeout: 1_000 });
      await expect(webviewFrame(page).locator('[role=alert]')).toHaveCount(0, { timeout: 1_000 });
    }, 'the panel to show the card again').toPass();
    await collapseGroup(page, 'In use');
  });

  await test.step('slow answers: the view and the panel show progress, then the fleet', async () => {
    await simAdmin(admin, 'POST', 'stats/reset');
    await simAdmin(admin, 'POST', 'faults', { latencyMs: 2500 });
    await refreshButton(page).click();
    // While the answer is on its way the view shows progress, and no error.
    const progress = sidebar(page).locator('.monaco-progress-container.active').first();
    await progress.waitFor({ timeout: 10_000 });
    await journey.screenshot('slow-progress', sidebar(page));
    await progress.waitFor({ state: 'hidden', timeout: 60_000 });
    const counts = await waitForGroups(page);
    expect(counts['In use'], 'the fleet arrives').toBe(before['In use']);
    await expect(errorRow(page), 'no error row').toHaveCount(0);
    const asked = (await simStats(admin)).requests;
    expect(asked, 'the refresh reached the simulator').toBeGreaterThan(0);
    // The panel keeps showing the card while its refresh is on the way, and shows no error after.
    await webviewFrame(page).getByRole('button', { name: 'Refresh' }).click();
    await expect.poll(async () => (await simStats(admin)).requests, { message: 'the panel to ask again' }).toBeGreaterThan(asked);
    await expect(webviewFrame(page).locator('#app'), 'the panel to settle').toHaveAttribute('aria-busy', 'false', { timeout: 60_000 });
    await expect(webviewFrame(page).locator('[role=alert]'), 'the panel shows no error').toHaveCount(0);
    await expect(webviewFrame(page).getByRole('heading', { level: 1 }), 'the panel shows the card').toContainText(label);
    await simAdmin(admin, 'DELETE', 'faults');
  });

  await test.step('expired sign-in: the tree says to sign in again, and recovers', async () => {
    await simAdmin(admin, 'POST', 'faults', { errorRate: 1, errorStatus: 401, errorCode: 'APIGW.0307' });
    await refreshButton(page).click();
    const err = await treeError(page);
    journey.log(`tree: ${err.label}`);
    expect(err.label, 'the error row says the sign-in expired').toMatch(/sign-in has expired; sign in again/i);
    await journey.screenshot('expired', sidebar(page));
    await simAdmin(admin, 'DELETE', 'faults');
    await errorRow(page).click();
    await waitForGroups(page);
  });

  await test.step('a stop whose answer is lost is reported once and never sent again', async () => {
    await simAdmin(admin, 'POST', 'stats/reset');
    // The simulator performs the stop, then drops the connection before the answer is complete.
    await simAdmin(admin, 'POST', 'faults', { resetRate: 1, method: 'POST', pathPattern: '/stop$', times: 1 });
    await expandGroup(page, 'In use');
    await contextMenuChoose(page, cardRow(page, label), 'Stop Card');
    await readDialog(page);
    await dialogChoose(page, 'Stop');
    const summary = await waitForNotification(page, /Stopped 0 of 1 cards|failed/);
    journey.log(summary);
    // Not "failed": the stop may well have been carried out, and the summary says so.
    expect(summary, 'the summary names the card and says it may have been carried out').toMatch(new RegExp(`1 may have been carried out, but the answer was lost .*: ${label}`));
    await simAdmin(admin, 'GET', 'faults');
    await expect.poll(async () => (await simStats(admin)).requests, { message: 'stats' }).toBeGreaterThan(0);
    // Give a would-be retry every chance to happen before counting: here the wait is the test.
    await page.waitForTimeout(3_000);
    const stats = await simStats(admin);
    const stops = Object.entries(stats.operations)
      .filter(([k]) => /\/stop$/.test(k))
      .reduce((a, [, n]) => a + n, 0);
    const mutations = Object.values(stats.cardMutations).reduce((a, n) => a + n, 0);
    journey.log(`stop requests ${stops}, card mutations ${mutations}, resets ${stats.faults.resets}`);
    expect(stats.faults.resets, 'the answer was lost once').toBe(1);
    expect({ stops, mutations }, 'exactly one stop reached the simulator').toEqual({ stops: 1, mutations: 1 });
    const counts = await groupCounts(page);
    expect(counts['In use'], 'the tree is still there').toBeDefined();
  });
});

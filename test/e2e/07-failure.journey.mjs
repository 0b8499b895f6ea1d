// Failure: the demo simulator is told (through its admin endpoint, found in the SIM Fleet log) to
// fail with 500s, then to answer slowly, then to reject the credentials as expired. Each time the
// tree and the card panel say what is wrong and recover when the simulator does; and a stop whose
// answer is lost on the way back is reported, not sent again (the simulator counts what it got).
import {
  cardRow,
  cardsTree,
  check,
  contextMenuChoose,
  demoEndpoint,
  dialogChoose,
  expandGroup,
  groupCounts,
  openFleetView,
  readDialog,
  readRows,
  sidebar,
  simAdmin,
  until,
  waitForGroups,
  waitForNotification,
  waitForWebview,
  webviewElement,
  webviewFrame,
} from './lib/workbench.mjs';

export const journey = {
  title: 'failure: 500s, slow answers, expired sign-in; errors shown, recovery, no mutation sent twice',
  demo: true,
};

const refreshButton = (page) => sidebar(page).locator('.action-label[aria-label^="Refresh"]').first();
const errorRow = (page) => cardsTree(page).locator('[role=treeitem]').filter({ has: page.locator('.codicon-error') }).first();

async function treeError(page) {
  const row = errorRow(page);
  await row.waitFor({ timeout: 45_000 });
  return {
    label: (await row.locator('.label-name').innerText()).trim(),
    description: (await row.locator('.label-description').innerText().catch(() => '')).trim(),
  };
}

async function detailError(page) {
  const frame = webviewFrame(page);
  const box = frame.locator('[role=alert], .status-box.error, .status.error').first();
  await box.waitFor({ timeout: 45_000 });
  return (await box.innerText()).trim();
}

export async function run(fx) {
  const { page } = fx;
  let admin;
  let before;
  let label;
  await fx.step('demo fleet up; its simulator found from the SIM Fleet log', async () => {
    await openFleetView(page);
    before = await waitForGroups(page);
    admin = await demoEndpoint(fx.userDataDir);
    fx.log(`simulator at ${admin}`);
    const info = await simAdmin(admin, 'GET', 'info');
    check(info.cards === 1000, `the admin endpoint answers for the demo fleet (${JSON.stringify(info.cards)})`);
    await expandGroup(page, 'In use');
    label = (await readRows(page)).find((r) => r.level === 2 && r.name.startsWith('Card ')).label;
    await cardRow(page, label).click();
    await waitForWebview(page, new RegExp(label));
    await webviewFrame(page).getByRole('heading', { level: 1 }).waitFor();
  });

  await fx.step('500s: the tree and the panel say the service is busy', async () => {
    await simAdmin(admin, 'POST', 'faults', { errorRate: 1, errorStatus: 500 });
    await refreshButton(page).click();
    const err = await treeError(page);
    fx.log(`tree: ${err.label} [${err.description}]`);
    check(/service is busy/i.test(err.label), `the tree's error row explains (got "${err.label}")`);
    check(err.description === 'Retry', `the error row offers Retry (got "${err.description}")`);
    await webviewFrame(page).getByRole('button', { name: 'Refresh' }).click();
    const panel = await detailError(page);
    fx.log(`panel: ${panel}`);
    check(/busy/i.test(panel), `the panel explains (got "${panel}")`);
    await page.mouse.move(900, 450);
    await fx.docShot('error-node', [sidebar(page), webviewElement(page)]);
  });

  await fx.step('the simulator recovers: Retry brings the fleet and the panel back', async () => {
    await simAdmin(admin, 'DELETE', 'faults');
    await errorRow(page).click();
    const counts = await waitForGroups(page);
    check(counts['In use'] === before['In use'], 'the counts are back');
    // Refreshing the fleet also refreshes open panels; if the panel still shows its error, Retry there.
    const retry = webviewFrame(page).getByRole('button', { name: 'Retry' });
    if (await retry.isVisible().catch(() => false)) await retry.click().catch(() => undefined);
    await until(async () => (await webviewFrame(page).locator('.badge').count()) > 0 && (await webviewFrame(page).locator('[role=alert]').count()) === 0, { message: 'the panel to show the card again' });
  });

  await fx.step('slow answers: the view and the panel show progress, then the fleet', async () => {
    await simAdmin(admin, 'POST', 'stats/reset');
    await simAdmin(admin, 'POST', 'faults', { latencyMs: 2500 });
    await refreshButton(page).click();
    // While the answer is on its way the view shows progress, and no error.
    const progress = sidebar(page).locator('.monaco-progress-container.active').first();
    await progress.waitFor({ timeout: 10_000 });
    await fx.screenshot('slow-progress', sidebar(page));
    await progress.waitFor({ state: 'hidden', timeout: 60_000 });
    const counts = await waitForGroups(page);
    check(counts['In use'] === before['In use'], 'the fleet arrives');
    check((await errorRow(page).count()) === 0, 'no error row');
    check((await simAdmin(admin, 'GET', 'stats')).requests > 0, 'the refresh reached the simulator');
    // The panel keeps showing the card while its refresh is on the way, and shows no error after.
    const asked = (await simAdmin(admin, 'GET', 'stats')).requests;
    await webviewFrame(page).getByRole('button', { name: 'Refresh' }).click();
    await until(async () => (await simAdmin(admin, 'GET', 'stats')).requests > asked, { message: 'the panel to ask again' });
    await until(async () => (await webviewFrame(page).locator('#app').getAttribute('aria-busy')) === 'false', { timeout: 60_000, message: 'the panel to settle' });
    check((await webviewFrame(page).locator('[role=alert]').count()) === 0, 'the panel shows no error');
    check((await webviewFrame(page).getByRole('heading', { level: 1 }).innerText()).includes(label), 'the panel shows the card');
    await simAdmin(admin, 'DELETE', 'faults');
  });

  await fx.step('expired sign-in: the tree says to sign in again, and recovers', async () => {
    await simAdmin(admin, 'POST', 'faults', { errorRate: 1, errorStatus: 401, errorCode: 'APIGW.0307' });
    await refreshButton(page).click();
    const err = await treeError(page);
    fx.log(`tree: ${err.label}`);
    check(/sign-in has expired; sign in again/i.test(err.label), `the error row says the sign-in expired (got "${err.label}")`);
    await fx.screenshot('expired', sidebar(page));
    await simAdmin(admin, 'DELETE', 'faults');
    await errorRow(page).click();
    await waitForGroups(page);
  });

  await fx.step('a stop whose answer is lost is reported once and never sent again', async () => {
    await simAdmin(admin, 'POST', 'stats/reset');
    // The simulator performs the stop, then drops the connection before the answer is complete.
    await simAdmin(admin, 'POST', 'faults', { resetRate: 1, method: 'POST', pathPattern: '/stop$', times: 1 });
    await expandGroup(page, 'In use');
    await contextMenuChoose(page, cardRow(page, label), 'Stop Card');
    await readDialog(page);
    await dialogChoose(page, 'Stop');
    const summary = await waitForNotification(page, /Stopped 0 of 1 cards|failed/);
    fx.log(summary);
    check(new RegExp(`1 failed: ${label} — `).test(summary), `the summary names the card and the failure (got: ${summary})`);
    // Give a would-be retry every chance to happen before counting.
    await simAdmin(admin, 'GET', 'faults');
    await until(async () => (await simAdmin(admin, 'GET', 'stats')).requests > 0, { message: 'stats' });
    await new Promise((r) => setTimeout(r, 3_000));
    const stats = await simAdmin(admin, 'GET', 'stats');
    const stops = Object.entries(stats.operations).filter(([k]) => /\/stop$/.test(k)).reduce((a, [, n]) => a + n, 0);
    const mutations = Object.values(stats.cardMutations).reduce((a, n) => a + n, 0);
    fx.log(`stop requests ${stops}, card mutations ${mutations}, resets ${stats.faults.resets}`);
    check(stats.faults.resets === 1, 'the answer was lost once');
    check(stops === 1 && mutations === 1, `exactly one stop reached the simulator (stops ${stops}, mutations ${mutations})`);
    const counts = await groupCounts(page);
    check(counts['In use'] !== undefined, 'the tree is still there');
  });
}

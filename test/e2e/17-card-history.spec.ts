// Card history: a person looks at the account's work orders (every origin, newest first), then
// finds a card by its ICCID and reads its whole history in its detail panel: every work order
// that touched it, whoever started it, with its status and, for the one that failed, why.
import { expect, test } from './lib/fixtures';
import {
  collapseViewPane,
  answer,
  demoEndpoint,
  editorPart,
  findRow,
  openCardFromTree,
  openFleetView,
  openViewPane,
  readTreeRows,
  runCommand,
  sidebar,
  simAdmin,
  waitForGroups,
  waitForQuickInput,
  webviewFrame,
} from './lib/workbench';
import type { PlantedTruth } from '../../src/simulator/planted';

test.use({ demo: true });

test('card history: the account\'s work orders, then one card\'s whole history in its detail panel', async ({ page, journey }) => {
  let planted: NonNullable<PlantedTruth['history']> | null = null;
  await test.step('the account\'s work orders: newest first, from every origin', async () => {
    await openFleetView(page);
    await waitForGroups(page);
    const admin = await demoEndpoint(journey.userDataDir);
    planted = (await simAdmin<PlantedTruth>(admin, 'GET', 'planted')).history;
    expect(planted, 'the demo fleet has a card with a planted history').not.toBeNull();
    await collapseViewPane(page, 'Cards');
    const tree = await openViewPane(page, 'Work Orders');
    await expect.poll(async () => (await readTreeRows(tree)).length, { message: 'work orders to be listed' }).toBeGreaterThan(5);
    const rows = await readTreeRows(tree);
    journey.log(rows.slice(0, 5).map((r) => `${r.label} — ${r.description}`).join('\n'));
    // "Completed · 2026-11-29 20:14 · Console": status, when, who started it.
    expect(rows[0].description, 'each order says its status, when and who started it').toMatch(/^(Completed|Failed|Cancelled|Processing|Review rejected) · \d{4}-\d\d-\d\d \d\d:\d\d · /);
    const dates = rows.map((r) => /\d{4}-\d\d-\d\d \d\d:\d\d/.exec(r.description)?.[0] ?? '').filter(Boolean);
    expect(dates, 'newest first').toEqual([...dates].sort().reverse());
    await journey.docShot('work-orders', sidebar(page));
  });

  await test.step('find the card by its ICCID', async () => {
    await openViewPane(page, 'Cards');
    await runCommand(page, 'SIM Fleet: Find Card…');
    await waitForQuickInput(page, /Find Card/);
    await answer(page, planted!.iccid);
    await expect.poll(async () => (await findRow(page, planted!.iccid))?.selected, { timeout: 30_000, message: 'the card revealed and selected' }).toBe(true);
  });

  await test.step('its detail panel lists every work order that touched it, with who started it and why one failed', async () => {
    const frame = await openCardFromTree(page, planted!.iccid);
    const history = frame.locator('section[aria-labelledby="section-history"]');
    await expect(history.locator('caption'), 'the history table').toHaveText('Every work order that touched this card, newest first', { timeout: 45_000 });
    const rows = history.locator('tbody tr');
    await expect.poll(() => rows.count(), { message: 'every planted order is listed' }).toBeGreaterThanOrEqual(planted!.orders);
    const text = await history.innerText();
    for (const origin of ['Console', 'Operations staff', 'Automation rule', 'API', 'Scheduled stop: expired']) expect(text, `an order started by ${origin}`).toContain(origin);
    expect(text, 'the failed order says why').toContain('The device did not answer the rebind request');
    await history.scrollIntoViewIfNeeded();
    await journey.docShot('card-history', editorPart(page));
  });

  await test.step('the history is read from the API, not only this window: a fresh panel shows the same', async () => {
    await runCommand(page, 'View: Close All Editors');
    const frame = await openCardFromTree(page, planted!.iccid);
    await expect.poll(() => frame.locator('section[aria-labelledby="section-history"] tbody tr').count(), { message: 'the history again' }).toBeGreaterThanOrEqual(planted!.orders);
    await expect(webviewFrame(page).locator('section[aria-labelledby="section-work-orders"]'), 'none of it was started from this window').toContainText('No work orders were started for this card in this window.');
  });
});

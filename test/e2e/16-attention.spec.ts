// Needs attention: the view opens with the cards that need attention at the top, each reason with
// its count; a card that will run out shows "runs out ~…" in the tree and its forecast chart in
// its detail panel; the person dismisses a card with a reason; after a window reload the
// dismissal is still there.
import { expect, test } from './lib/fixtures';
import {
  answer,
  cardsTree,
  contextMenuChoose,
  editorPart,
  escapeRe,
  openCardFromTree,
  openFleetView,
  pick,
  readRows,
  reloadWindow,
  runCommand,
  sidebar,
  waitForGroups,
  waitForNotification,
} from './lib/workbench';

test.use({ demo: true, settings: { 'simFleet.attention.enabled': true } });

const attentionRow = (page: Parameters<typeof cardsTree>[0]) => cardsTree(page).getByRole('treeitem', { name: /^Needs attention, [\d,]+ cards, as of \d{2}:\d{2}/ });
const reasonRow = (page: Parameters<typeof cardsTree>[0], word: string) => cardsTree(page).getByRole('treeitem', { name: new RegExp(`^${escapeRe(word)}, [\\d,]+ cards$`) });
const dismissedRow = (page: Parameters<typeof cardsTree>[0]) => cardsTree(page).getByRole('treeitem', { name: /^Dismissed, \d+ cards$/ });

test('attention: the view opens with Needs attention, a card\'s forecast chart, dismiss, kept across a reload', async ({ page, journey }) => {
  let card = '';

  await test.step('the view opens with Needs attention above the status groups, one row per reason', async () => {
    await openFleetView(page);
    await waitForGroups(page);
    await expect(attentionRow(page), 'the Needs attention group once its run is done').toBeVisible({ timeout: 60_000 });
    for (const word of ['Will run out', 'Over plan', 'Expires soon', 'Silent', 'Spike', 'Suspended by the carrier']) await expect(reasonRow(page, word)).toBeVisible();
    const rows = await readRows(page);
    const top = rows.find((r) => r.name.startsWith('Needs attention'))!;
    const firstGroup = rows.find((r) => /^In use: /.test(r.name));
    expect(firstGroup === undefined || top.index < firstGroup.index, 'Needs attention comes before the status groups').toBe(true);
    // Away from the activity bar, and wait for its tooltip to go: the picture is of the view.
    await page.mouse.move(900, 500);
    await expect(page.locator('.workbench-hover, .monaco-hover').first()).toBeHidden();
    await journey.docShot('needs-attention', sidebar(page));
    await reasonRow(page, 'Will run out').click();
    await expect.poll(async () => (await readRows(page)).filter((r) => r.name.startsWith('Card ') && /runs out ~/.test(r.description)).length, { message: 'cards labelled "runs out ~…"' }).toBeGreaterThan(0);
    card = (await readRows(page)).find((r) => r.name.startsWith('Card ') && /runs out ~/.test(r.description))!.label;
    journey.log(`card ${card}`);
    await journey.screenshot('will-run-out', sidebar(page));
  });

  await test.step('open the card: its detail panel draws the forecast for this cycle', async () => {
    const frame = await openCardFromTree(page, card);
    const forecast = frame.locator('[data-section=forecast]');
    await expect(forecast.getByRole('heading', { name: 'Forecast for this cycle' })).toBeVisible({ timeout: 45_000 });
    await expect(forecast, 'the outcome in words').toContainText(/At this pace the data runs out ~/);
    await expect(forecast, 'the days left at the current pace').toContainText(/Days left at the current pace: [\d.]+\./);
    await expect(forecast.locator('svg.forecast-chart path.forecast-projection'), 'the projection as its own series').toHaveCount(1);
    await forecast.scrollIntoViewIfNeeded();
    await journey.docShot('card-forecast', editorPart(page));
  });

  await test.step('dismiss the card from Needs attention with a reason', async () => {
    await contextMenuChoose(page, cardsTree(page).getByRole('treeitem', { name: new RegExp(`^Card ${escapeRe(card)},`) }).first(), 'Dismiss from Needs Attention…');
    await pick(page, 'For 7 days', { title: /Dismiss from Needs Attention/ });
    await answer(page, 'waiting for a bigger plan', { title: /Dismiss from Needs Attention/ });
    await waitForNotification(page, /Dismissed .+ from Needs attention\./);
    await expect(attentionRow(page).locator('.label-description'), 'the group counts it as dismissed').toContainText('1 dismissed');
    // Fold the reason's cards away: the Dismissed row is the group's last.
    await reasonRow(page, 'Will run out').click();
    await expect(dismissedRow(page), 'a Dismissed row under Needs attention').toBeVisible();
  });

  await test.step('reload the window: the card is still dismissed', async () => {
    await reloadWindow(page);
    await openFleetView(page);
    await expect(attentionRow(page)).toBeVisible({ timeout: 90_000 });
    await expect(dismissedRow(page), 'the dismissal is kept per account').toBeVisible({ timeout: 30_000 });
    await dismissedRow(page).click();
    await expect.poll(async () => (await readRows(page)).some((r) => r.label === card && /dismissed until \d{4}-\d{2}-\d{2} \d{2}:\d{2}: waiting for a bigger plan/.test(r.description)), { message: `${card} listed as dismissed, with its reason` }).toBe(true);
    await journey.screenshot('after-reload', sidebar(page));
  });

  await test.step('What Changed since the snapshot taken before the reload: nothing changed', async () => {
    await runCommand(page, 'SIM Fleet: What Changed Since…');
    // The day's snapshot was kept before the reload; the fleet now is compared with it.
    await pick(page, new Date().toISOString().slice(0, 10), { title: /What Changed in the Fleet/ });
    const changes = sidebar(page).locator('[role=tree][aria-label="What Changed"]');
    await expect(changes.getByRole('treeitem', { name: /^Status changed \(0\)/ })).toBeVisible({ timeout: 30_000 });
    await expect(changes.getByRole('treeitem', { name: /^Cards added \(0\)/ })).toBeVisible();
    await expect(changes.getByRole('treeitem', { name: /^Cards removed \(0\)/ })).toBeVisible();
    const day = new Date().toISOString().slice(0, 10);
    await expect(sidebar(page).locator('.pane-header', { hasText: 'What Changed' }), 'the view names the two days compared').toContainText(`demo: ${day} → ${day}`);
    await journey.screenshot('what-changed', sidebar(page));
  });
});

// Working habits: the demo fleet beside an account on a simulator run as its own process, each its
// own root with its own groups, counts and status bar item; a card pinned from the tree; a filter
// saved as a view; then a window reload, after which the pin and the saved view are still there.
import type { Page } from '@playwright/test';
import { expect, test } from './lib/fixtures';
import { signInAkSk, startSimulatorProcess } from './lib/simulator';
import {
  answer,
  cardsTree,
  contextMenuChoose,
  openFleetView,
  pick,
  readRows,
  reloadWindow,
  runCommand,
  sidebar,
  statusBar,
  waitForGroups,
  waitForNotification,
} from './lib/workbench';

test.use({ demo: true });

const accountRow = (page: Page, name: RegExp) => cardsTree(page).getByRole('treeitem', { name });
const pinnedRow = (page: Page) => cardsTree(page).getByRole('treeitem', { name: /^Pinned: \d+ cards$/ }).first();

test('habits: two accounts side by side, a pinned card and a saved view, kept across a window reload', async ({ page, journey }) => {
  let pinned = '';

  await test.step('the demo fleet, then an account on a second server beside it', async () => {
    await openFleetView(page);
    await waitForGroups(page);
    const sim = await startSimulatorProcess(journey, { cards: 300, seed: 3 });
    await runCommand(page, 'SIM Fleet: Sign In…');
    await signInAkSk(page, sim);
    await waitForNotification(page, /Signed in to GSL as AK /);
    await expect(accountRow(page, /^Account demo: 1,000 cards$/), 'the demo is a root of its own').toBeVisible({ timeout: 30_000 });
    await expect(accountRow(page, /^Account AK .+: 300 cards$/), 'the account is a root of its own').toBeVisible({ timeout: 30_000 });
    await expect(statusBar(page), 'one status bar item per account').toContainText(/SIM Fleet demo · 1,000 cards/, { useInnerText: true });
    await expect(statusBar(page)).toContainText(/AK .+ · 300 cards/, { useInnerText: true });
  });

  await test.step('pin a card of the demo from the tree', async () => {
    // The demo's groups come first (it was added first); its "In use" is the first one on screen.
    const inUse = cardsTree(page).getByRole('treeitem', { name: /^In use: [\d,]+ cards$/ }).first();
    await inUse.click();
    await expect.poll(async () => (await readRows(page)).filter((r) => r.level === 3).length, { message: 'the cards of "In use"' }).toBeGreaterThan(0);
    const card = (await readRows(page)).find((r) => r.level === 3 && r.name.startsWith('Card '))!;
    pinned = card.label;
    journey.log(`pinning ${pinned}`);
    await contextMenuChoose(page, cardsTree(page).getByRole('treeitem', { name: new RegExp(`^Card ${pinned},`) }).first(), 'Pin Card');
    await expect(pinnedRow(page), 'a Pinned group under the demo').toBeVisible();
    await expect.poll(async () => (await readRows(page)).some((r) => r.label === pinned && r.level === 3 && r.index < 8), { message: 'the pinned card at the top' }).toBe(true);
    await inUse.click();
  });

  await test.step('save the demo filtered to physical cards as a view', async () => {
    await runCommand(page, 'SIM Fleet: Filter Cards…');
    await pick(page, 'demo', { title: /Filter Cards/ });
    await pick(page, 'Card type', { title: /Filter Cards/ });
    await pick(page, 'Physical card', { title: /Card type/ });
    await runCommand(page, 'SIM Fleet: Save View…');
    await pick(page, 'demo', { title: /Save View/ });
    await answer(page, 'Physical cards', { title: /Save View/ });
    await waitForNotification(page, /View "Physical cards" saved/);
    await expect(accountRow(page, /^Account demo: /), 'the demo row names its view').toBeVisible();
    await expect(cardsTree(page).locator('[role=treeitem]').filter({ hasText: 'Physical cards' }).first()).toBeVisible();
    await page.mouse.move(900, 500);
    await journey.docShot('accounts-pinned', sidebar(page));
  });

  await test.step('reload the window: both accounts, the pin and the saved view are kept', async () => {
    await reloadWindow(page);
    await openFleetView(page);
    // The account comes back from the keychain, the demo restarts on the same seed.
    await expect(accountRow(page, /^Account AK .+: 300 cards$/), 'the account is restored').toBeVisible({ timeout: 60_000 });
    await expect(pinnedRow(page), 'the Pinned group is back').toBeVisible({ timeout: 60_000 });
    await expect.poll(async () => (await readRows(page)).some((r) => r.label === pinned), { message: `the pinned card ${pinned}` }).toBe(true);
    await runCommand(page, 'SIM Fleet: Saved Views…');
    await pick(page, 'demo', { title: /Saved Views/ });
    await pick(page, 'Physical cards', { title: /Saved Views/ });
    await expect(cardsTree(page).locator('[role=treeitem]').filter({ hasText: 'Physical cards' }).first().or(sidebar(page).locator('.title-description, .description', { hasText: 'Physical cards' }).first())).toBeVisible();
    await journey.screenshot('after-reload', sidebar(page));
  });
});

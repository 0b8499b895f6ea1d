// Resume: right-click a deactivated card, Resume Card, confirm in the modal dialog; the card shows
// as pending while its work order runs, then arrives in "In use" when the work order completes.
import { expect, test } from './lib/fixtures';
import {
  cardRow,
  checkNoErrorToasts,
  collapseGroup,
  contextMenu,
  contextMenuChoose,
  dialog,
  dialogChoose,
  expandGroup,
  findRow,
  loadMoreRow,
  openFleetView,
  readDialog,
  readRows,
  scrollTreeUntil,
  sidebar,
  waitForCounts,
  waitForGroups,
  waitForNotification,
  type Counts,
  type Row,
} from './lib/workbench';

test.use({ demo: true });

test('resume: context menu, modal confirmation, pending, arrives in "In use"', async ({ page, journey }) => {
  let before: Counts = {};
  await test.step('open the demo fleet and expand "Deactivated"', async () => {
    await openFleetView(page);
    before = await waitForGroups(page);
    await expandGroup(page, 'Deactivated');
  });

  let label = '';
  await test.step('right-click a deactivated card that can be resumed', async () => {
    // A card's spoken name may carry what Needs attention says of it after its status.
    const rows = (await readRows(page)).filter((r) => r.level === 2 && /, Deactivated(, .+)?$/.test(r.name));
    expect(rows.length, 'the Deactivated group lists cards').toBeGreaterThan(0);
    // Some deactivated cards cannot be resumed (suspended for a violation); the menu says which can.
    for (const r of rows.slice(0, 10)) {
      await cardRow(page, r.label).click({ button: 'right' });
      const items = await contextMenu(page).getByRole('menuitem').allInnerTexts();
      await page.keyboard.press('Escape');
      if (items.some((i) => i.trim() === 'Resume Card')) {
        label = r.label;
        break;
      }
    }
    expect(label, 'a resumable card among the first deactivated ones').not.toBe('');
    journey.log(`card ${label}`);
    await cardRow(page, label).click({ button: 'right' });
    await contextMenu(page).getByRole('menuitem', { name: 'Resume Card' }).waitFor();
    await journey.docShot('context-menu', [sidebar(page), contextMenu(page)]);
    await page.keyboard.press('Escape');
  });

  await test.step('Resume Card, read the confirmation, confirm', async () => {
    await contextMenuChoose(page, cardRow(page, label), 'Resume Card');
    expect(await readDialog(page), 'the dialog names the card').toContain(`Resume card ${label}?`);
    await journey.screenshot('resume-confirm', dialog(page));
    await dialogChoose(page, 'Resume');
  });

  await test.step('see the card pending while its work order runs', async () => {
    let pending: Row | undefined;
    await expect(async () => {
      await checkNoErrorToasts(page);
      pending = await findRow(page, label);
      expect(pending?.name, 'the card to show as pending').toMatch(/pending: resume/i);
    }).toPass({ timeout: 15_000 });
    expect(pending?.description, "the row's description says pending").toMatch(/pending: resume/i);
    await journey.screenshot('pending', sidebar(page));
    await waitForNotification(page, new RegExp(`Resume requested for card ${label}`));
  });

  await test.step('see it arrive in "In use" when the work order completes', async () => {
    await waitForNotification(page, new RegExp(`Card ${label}: resume completed`), 45_000);
    await checkNoErrorToasts(page);
    await expect.poll(() => findRow(page, label), { timeout: 20_000, message: `card ${label} to leave "Deactivated"` }).toBeUndefined();
    await collapseGroup(page, 'Deactivated');
    const after = await waitForCounts(
      page,
      (c) => c['In use'] === before['In use'] + 1 && c.Deactivated === before.Deactivated - 1,
      'the group counts to move one card from Deactivated to In use',
      20_000,
    );
    journey.log(`In use ${before['In use']} → ${after['In use']}, Deactivated ${before.Deactivated} → ${after.Deactivated}`);
    await expandGroup(page, 'In use');
    // Scroll down "In use" (loading more pages if need be) until the card's row is in view.
    let moved: Row | undefined;
    for (let more = 0; more < 8 && !moved; more++) {
      moved = await scrollTreeUntil(page, (r) => r.label === label);
      if (moved) break;
      if (!(await loadMoreRow(page).count())) break;
      await loadMoreRow(page).click();
    }
    expect(moved, `card ${label} is listed in "In use"`).toBeDefined();
    expect(moved?.name, 'its row says it is in use').toMatch(/, In use(, .+)?$/);
    const rows = await readRows(page);
    const at = rows.findIndex((r) => r.label === label);
    // The nearest group row above it is "In use" (or, scrolled past it, only "In use" cards are above).
    const above = rows.slice(0, at).reverse();
    const parent = above.find((r) => r.level === 1);
    expect(parent ? parent.name.startsWith('In use:') : above.every((r) => /, In use(, .+)?$/.test(r.name)), `the card sits under "In use" (under ${parent?.name})`).toBe(true);
    await checkNoErrorToasts(page);
    await journey.screenshot('arrived-in-use', sidebar(page));
  });
});

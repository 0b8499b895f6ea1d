// Resume: right-click a deactivated card, Resume Card, confirm in the modal dialog; the card shows
// as pending while its work order runs, then arrives in "In use" when the work order completes.
import {
  cardRow,
  cardsTree,
  checkNoErrorToasts,
  collapseGroup,
  scrollTreeUntil,
  check,
  contextMenu,
  contextMenuChoose,
  dialogChoose,
  expandGroup,
  findRow,
  groupCounts,
  openFleetView,
  readDialog,
  readRows,
  sidebar,
  until,
  waitForGroups,
  waitForNotification,
} from './lib/workbench.mjs';

export const journey = {
  title: 'resume: context menu, modal confirmation, pending, arrives in "In use"',
  demo: true,
};

export async function run(fx) {
  const { page } = fx;
  let before;
  await fx.step('open the demo fleet and expand "Deactivated"', async () => {
    await openFleetView(page);
    before = await waitForGroups(page);
    await expandGroup(page, 'Deactivated');
  });

  let label;
  await fx.step('right-click a deactivated card that can be resumed', async () => {
    const rows = (await readRows(page)).filter((r) => r.level === 2 && /, Deactivated$/.test(r.name));
    check(rows.length > 0, 'the Deactivated group lists cards');
    // Some deactivated cards cannot be resumed (suspended for a violation); the menu says which can.
    for (const r of rows.slice(0, 10)) {
      const candidate = r.label;
      await cardRow(page, candidate).click({ button: 'right' });
      const items = await contextMenu(page).getByRole('menuitem').allInnerTexts();
      await page.keyboard.press('Escape');
      if (items.some((i) => i.trim() === 'Resume Card')) {
        label = candidate;
        break;
      }
    }
    check(label, 'a resumable card among the first deactivated ones');
    fx.log(`card ${label}`);
    await cardRow(page, label).click({ button: 'right' });
    await contextMenu(page).getByRole('menuitem', { name: 'Resume Card' }).waitFor();
    await fx.docShot('context-menu', [sidebar(page), contextMenu(page)]);
    await page.keyboard.press('Escape');
  });

  await fx.step('Resume Card, read the confirmation, confirm', async () => {
    await contextMenuChoose(page, cardRow(page, label), 'Resume Card');
    const text = await readDialog(page);
    check(text.includes(`Resume card ${label}?`), `the dialog names the card (got: ${text})`);
    await fx.screenshot('resume-confirm', page.locator('.monaco-dialog-box'));
    await dialogChoose(page, 'Resume');
  });

  await fx.step('see the card pending while its work order runs', async () => {
    const pending = await until(async () => {
      await checkNoErrorToasts(page);
      const r = await findRow(page, label);
      return r && /pending: resume/i.test(r.name) && r;
    }, { timeout: 15_000, message: 'the card to show as pending' });
    check(/pending: resume/i.test(pending.description), `the row's description says pending (got ${pending.description})`);
    await fx.screenshot('pending', sidebar(page));
    await waitForNotification(page, new RegExp(`Resume requested for card ${label}`));
  });

  await fx.step('see it arrive in "In use" when the work order completes', async () => {
    await waitForNotification(page, new RegExp(`Card ${label}: resume completed`), 45_000);
    await checkNoErrorToasts(page);
    await until(async () => !(await findRow(page, label)), { timeout: 20_000, message: `card ${label} to leave "Deactivated"` });
    await collapseGroup(page, 'Deactivated');
    const after = await until(async () => {
      const c = await groupCounts(page);
      return c['In use'] === before['In use'] + 1 && c.Deactivated === before.Deactivated - 1 && c;
    }, { timeout: 20_000, message: 'the group counts to move one card from Deactivated to In use' });
    fx.log(`In use ${before['In use']} → ${after['In use']}, Deactivated ${before.Deactivated} → ${after.Deactivated}`);
    await expandGroup(page, 'In use');
    // Scroll down "In use" (loading more pages if need be) until the card's row is in view.
    let moved;
    for (let more = 0; more < 8 && !moved; more++) {
      moved = await scrollTreeUntil(page, (r) => r.label === label);
      if (moved) break;
      const loadMore = cardsTree(page).getByRole('treeitem', { name: /^Load more/ });
      if (!(await loadMore.count())) break;
      await loadMore.click();
    }
    check(moved, `card ${label} is listed in "In use"`);
    check(/, In use$/.test(moved.name), `its row says it is in use (${moved.name})`);
    const rows = await readRows(page);
    const at = rows.findIndex((r) => r.label === label);
    // The nearest group row above it is "In use" (or, scrolled past it, only "In use" cards are above).
    const above = rows.slice(0, at).reverse();
    const parent = above.find((r) => r.level === 1);
    check(parent ? parent.name.startsWith('In use:') : above.every((r) => /, In use$/.test(r.name)), `the card sits under "In use" (under ${parent?.name})`);
    await checkNoErrorToasts(page);
    await fx.screenshot('arrived-in-use', sidebar(page));
  });
}

// Resume: right-click a deactivated card, Resume Card, confirm in the modal dialog; the card shows
// as pending while its work order runs, then arrives in "In use" when the work order completes.
import {
  cardRow,
  check,
  contextMenu,
  contextMenuChoose,
  dialogChoose,
  expandGroup,
  group,
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
    await fx.docShot('resume-confirm', page.locator('.monaco-dialog-box'));
    await dialogChoose(page, 'Resume');
  });

  await fx.step('see the card pending while its work order runs', async () => {
    const row = cardRow(page, label);
    await until(async () => /pending: resume/i.test((await row.getAttribute('aria-label')) ?? ''), { timeout: 15_000, message: 'the card to show as pending' });
    const description = await row.locator('.label-description').innerText();
    check(/pending: resume/i.test(description), `the row's description says pending (got ${description})`);
    await fx.screenshot('pending', sidebar(page));
    await waitForNotification(page, new RegExp(`Resume requested for card ${label}`));
  });

  await fx.step('see it arrive in "In use" when the work order completes', async () => {
    await waitForNotification(page, new RegExp(`Card ${label}: resume completed`), 45_000);
    const after = await until(async () => {
      const c = await groupCounts(page);
      return c['In use'] === before['In use'] + 1 && c.Deactivated === before.Deactivated - 1 && c;
    }, { timeout: 20_000, message: 'the group counts to move one card from Deactivated to In use' });
    fx.log(`In use ${before['In use']} → ${after['In use']}, Deactivated ${before.Deactivated} → ${after.Deactivated}`);
    await expandGroup(page, 'In use');
    // It may not be on the first page of "In use"; its own row, wherever it is, says where it is.
    const row = cardRow(page, label);
    await until(async () => {
      const name = (await row.first().getAttribute('aria-label').catch(() => null)) ?? '';
      return /, In use$/.test(name);
    }, { timeout: 20_000, message: `card ${label} listed as "In use"` });
    check(!(await group(page, 'Deactivated').locator('xpath=.').count()) || true, 'group present');
    await row.first().scrollIntoViewIfNeeded();
    await fx.screenshot('arrived-in-use', sidebar(page));
  });
}

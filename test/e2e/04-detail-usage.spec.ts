// Detail and usage: click a card to open its detail panel, open its usage from there, switch the
// month, switch to the table view, and export the numbers as CSV through the save dialog.
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import type { FrameLocator } from '@playwright/test';
import { expect, test } from './lib/fixtures';
import {
  activeTab,
  answerFileDialog,
  editorPart,
  expandGroup,
  openCardFromTree,
  openFleetView,
  readRows,
  waitForGroups,
  waitForNotification,
  waitForQuickInput,
  waitForWebview,
  webviewFrame,
} from './lib/workbench';

test.use({ demo: true });

test('detail and usage: open detail, open usage, switch month, table view, export CSV', async ({ page, journey }) => {
  let label = '';
  await test.step('click an in-use card: its detail panel opens', async () => {
    await openFleetView(page);
    await waitForGroups(page);
    await expandGroup(page, 'In use');
    label = (await readRows(page)).find((r) => r.level === 2 && r.label.startsWith('8986'))?.label ?? '';
    expect(label, 'an in-use card with an ICCID').not.toBe('');
    journey.log(`card ${label}`);
    const frame = await openCardFromTree(page, label);
    await expect(frame.getByRole('heading', { level: 1 }), "the panel's heading names the card").toContainText(label);
    await expect(frame.locator('.badge'), 'the status badge says "In use"').toContainText('In use');
    await frame.getByRole('button', { name: /Stop/ }).first().waitFor();
    await frame.locator('section').first().waitFor();
    const tabText = await activeTab(page).innerText();
    expect(tabText.includes(label) || /SIM card/.test(tabText), `the editor tab is the card (got ${tabText})`).toBe(true);
    await journey.docShot('card-detail', editorPart(page));
  });

  let frame: FrameLocator = webviewFrame(page);
  await test.step('open its usage from the detail panel', async () => {
    await webviewFrame(page).getByRole('button', { name: 'Open usage' }).click();
    frame = await waitForWebview(page, /Daily traffic/);
    await expect(frame.locator('#app'), 'the usage panel to finish loading').toHaveAttribute('aria-busy', 'false');
    await expect(activeTab(page), 'the usage tab to be active').toContainText('Usage', { useInnerText: true });
    expect(await frame.locator('canvas').count(), 'daily and monthly charts are drawn').toBeGreaterThanOrEqual(2);
    await journey.docShot('usage-charts', editorPart(page));
  });

  await test.step('switch to last month', async () => {
    const select = frame.locator('select#month');
    const options = await select.locator('option').evaluateAll((os) => os.map((o) => ({ value: (o as HTMLOptionElement).value, label: o.textContent ?? '', selected: (o as HTMLOptionElement).selected })));
    expect(options.length === 2 && options[0].selected, `two months offered, this one chosen (got ${JSON.stringify(options)})`).toBe(true);
    await select.selectOption(options[1].value);
    await expect(select, `the month picker to show ${options[1].label}`).toHaveValue(options[1].value);
    await expect(frame.locator('#app'), 'last month to load').toHaveAttribute('aria-busy', 'false');
    // The forecast's table comes first; the daily table's caption names its month.
    const daily = frame.locator('caption').filter({ hasText: /^Daily traffic/ });
    await expect(daily, `the daily table is for ${options[1].label}`).toContainText(options[1].label);
  });

  await test.step('switch to the table view', async () => {
    await frame.getByRole('button', { name: 'Show tables' }).click();
    const toggle = frame.getByRole('button', { name: 'Show charts' });
    await expect(toggle, 'the toggle is pressed').toHaveAttribute('aria-pressed', 'true');
    await expect(frame.locator('canvas'), 'no charts in the table view').toHaveCount(0);
    const tables = frame.locator('table');
    expect(await tables.count(), 'tables are shown').toBeGreaterThanOrEqual(2);
    await expect(tables.first().locator('tbody tr').first(), 'the daily table has numbers').toContainText(/\d/);
    await journey.screenshot('usage-table', editorPart(page));
  });

  await test.step('export CSV through the save dialog', async () => {
    const target = path.join(journey.workspace, 'exports', 'usage.csv');
    mkdirSync(path.dirname(target), { recursive: true });
    await frame.getByRole('button', { name: 'Export CSV' }).click();
    // code-server's save dialog is VS Code's "simple file dialog": a quick input holding a path.
    await waitForQuickInput(page, /Export usage as CSV|Save As/i);
    await journey.screenshot('save-dialog');
    await answerFileDialog(page, target);
    await waitForNotification(page, /Usage exported to/);
    await expect.poll(() => existsSync(target), { message: `${target} to be written` }).toBe(true);
    const text = readFileSync(target, 'utf8').replace(/^\ufeff/, '');
    const [header, ...lines] = text.split(/\r?\n/).filter(Boolean);
    expect(header, 'the CSV header').toBe('Section,sim_card_id,Card,Period,Plan,Used (MB),Left (MB),Total (MB)');
    expect(lines.some((l) => l.startsWith('Daily,') && l.includes(label)), 'daily rows for the card').toBe(true);
    expect(lines.some((l) => l.startsWith('Monthly,')), 'monthly rows').toBe(true);
    journey.log(`${lines.length} CSV rows`);
  });
});

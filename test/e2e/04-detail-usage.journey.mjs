// Detail and usage: click a card to open its detail panel, open its usage from there, switch the
// month, switch to the table view, and export the numbers as CSV through the save dialog.
import { existsSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import {
  activeTab,
  cardRow,
  check,
  expandGroup,
  openFleetView,
  readRows,
  answerFileDialog,
  until,
  waitForGroups,
  waitForNotification,
  waitForQuickInput,
  waitForWebview,
  webviewFrame,
} from './lib/workbench.mjs';

export const journey = {
  title: 'detail and usage: open detail, open usage, switch month, table view, export CSV',
  demo: true,
};

export async function run(fx) {
  const { page } = fx;
  let label;
  await fx.step('click an in-use card: its detail panel opens', async () => {
    await openFleetView(page);
    await waitForGroups(page);
    await expandGroup(page, 'In use');
    label = (await readRows(page)).find((r) => r.level === 2 && r.label.startsWith('8986')).label;
    fx.log(`card ${label}`);
    await cardRow(page, label).click();
    const frame = await waitForWebview(page, new RegExp(label));
    await frame.getByRole('heading', { level: 1 }).waitFor();
    const title = await frame.getByRole('heading', { level: 1 }).innerText();
    check(title.includes(label), `the panel's heading names the card (got ${title})`);
    check(/In use/.test(await frame.locator('.badge').innerText()), 'the status badge says "In use"');
    await frame.getByRole('button', { name: /Stop/ }).first().waitFor();
    await frame.locator('section').first().waitFor();
    const tabText = await activeTab(page).innerText();
    check(tabText.includes(label) || /SIM card/.test(tabText), `the editor tab is the card (got ${tabText})`);
    await fx.docShot('card-detail', page.locator('#workbench\\.parts\\.editor'));
  });

  let frame;
  await fx.step('open its usage from the detail panel', async () => {
    await webviewFrame(page).getByRole('button', { name: 'Open usage' }).click();
    frame = await waitForWebview(page, /Daily traffic/);
    await until(async () => (await frame.locator('#app').getAttribute('aria-busy')) === 'false', { message: 'the usage panel to finish loading' });
    await until(async () => (await activeTab(page).innerText()).includes('Usage'), { message: 'the usage tab to be active' });
    check(await frame.locator('canvas').count() >= 2, 'daily and monthly charts are drawn');
    await fx.docShot('usage-charts', page.locator('#workbench\\.parts\\.editor'));
  });

  await fx.step('switch to last month', async () => {
    const select = frame.locator('select#month');
    const options = await select.locator('option').evaluateAll((os) => os.map((o) => ({ value: o.value, label: o.textContent, selected: o.selected })));
    check(options.length === 2 && options[0].selected, `two months offered, this one chosen (got ${JSON.stringify(options)})`);
    await select.selectOption(options[1].value);
    await until(async () => (await frame.locator('caption').first().innerText().catch(() => '')).includes(options[1].label) || (await frame.locator('select#month').inputValue()) === options[1].value && (await frame.locator('#app').getAttribute('aria-busy')) === 'false', { message: 'last month to load' });
    await until(async () => (await frame.locator('select#month').inputValue()) === options[1].value && (await frame.locator('#app').getAttribute('aria-busy')) === 'false', {
      message: `the month picker to show ${options[1].label}`,
    });
    const caption = await frame.locator('caption').first().textContent();
    check(caption.includes(options[1].label), `the daily table is for ${options[1].label} (caption: ${caption})`);
  });

  await fx.step('switch to the table view', async () => {
    await frame.getByRole('button', { name: 'Show tables' }).click();
    await frame.getByRole('button', { name: 'Show charts' }).waitFor();
    check((await frame.getByRole('button', { name: 'Show charts' }).getAttribute('aria-pressed')) === 'true', 'the toggle is pressed');
    check((await frame.locator('canvas').count()) === 0, 'no charts in the table view');
    const tables = frame.locator('table');
    check((await tables.count()) >= 2, 'tables are shown');
    const firstRow = await tables.first().locator('tbody tr').first().innerText();
    check(/\d/.test(firstRow), `the daily table has numbers (first row: ${firstRow})`);
    await fx.screenshot('usage-table', page.locator('#workbench\\.parts\\.editor'));
  });

  await fx.step('export CSV through the save dialog', async () => {
    const target = path.join(fx.workspace, 'exports', 'usage.csv');
    await import('node:fs').then((fs) => fs.mkdirSync(path.dirname(target), { recursive: true }));
    await frame.getByRole('button', { name: 'Export CSV' }).click();
    // code-server's save dialog is VS Code's "simple file dialog": a quick input holding a path.
    await waitForQuickInput(page, /Export usage as CSV|Save As/i);
    await fx.screenshot('save-dialog');
    await answerFileDialog(page, target);
    await waitForNotification(page, /Usage exported to/);
    await until(() => existsSync(target), { message: `${target} to be written` });
    const text = readFileSync(target, 'utf8').replace(/^\ufeff/, '');
    const [header, ...lines] = text.split(/\r?\n/).filter(Boolean);
    check(header === 'Section,sim_card_id,Card,Period,Plan,Used (MB),Left (MB),Total (MB)', `the CSV header (got ${header})`);
    check(lines.some((l) => l.startsWith('Daily,') && l.includes(label)), 'daily rows for the card');
    check(lines.some((l) => l.startsWith('Monthly,')), 'monthly rows');
    fx.log(`${lines.length} CSV rows`);
  });
}

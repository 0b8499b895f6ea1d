// Themes: the tree and both panels in Default Light Modern, Default Dark Modern and Default High
// Contrast, switched from the command palette as a person does; the panels follow the theme.
import {
  cardRow,
  check,
  expandGroup,
  openFleetView,
  pick,
  readRows,
  runCommand,
  tab,
  until,
  waitForGroups,
  waitForQuickInput,
  waitForWebview,
  webviewFrame,
} from './lib/workbench.mjs';

export const journey = {
  title: 'themes: tree, card detail and usage in light, dark and high contrast',
  demo: true,
  // Small enough for README-sized screenshots of the whole window.
  viewport: { width: 1120, height: 700 },
  sidebarWidth: 400,
};

const THEMES = [
  { name: 'Default Dark Modern', slug: 'dark', workbench: 'vs-dark', webview: 'vscode-dark' },
  { name: 'Default Light Modern', slug: 'light', workbench: 'vs', webview: 'vscode-light' },
  { name: 'Default High Contrast', slug: 'high-contrast', workbench: 'hc-black', webview: 'vscode-high-contrast' },
];

export async function run(fx) {
  const { page } = fx;
  let label;
  await fx.step('open a card and its usage side by side with the tree', async () => {
    await openFleetView(page);
    await waitForGroups(page);
    await expandGroup(page, 'In use');
    label = (await readRows(page)).find((r) => r.level === 2 && r.label.startsWith('8986')).label;
    await cardRow(page, label).click();
    const frame = await waitForWebview(page, new RegExp(label));
    await frame.getByRole('button', { name: 'Open usage' }).click();
    await waitForWebview(page, /Daily traffic/);
    await until(async () => (await webviewFrame(page).locator('#app').getAttribute('aria-busy')) === 'false', { message: 'usage loaded' });
    await page.mouse.move(600, 690);
  });

  for (const theme of THEMES) {
    await fx.step(`${theme.name}: tree, detail and usage`, async () => {
      await runCommand(page, 'Preferences: Color Theme');
      await waitForQuickInput(page, /Select Color Theme/);
      await pick(page, theme.name, { match: new RegExp(theme.name) });
      await until(async () => (await page.locator('.monaco-workbench').getAttribute('class')).split(/\s+/).includes(theme.workbench), { message: `the workbench in ${theme.name}` });
      await until(async () => (await webviewFrame(page).locator('body').getAttribute('class'))?.split(/\s+/).includes(theme.webview), { message: `the usage panel in ${theme.name}` });
      // Chart colours come from the theme: the panel redraws on the body class change.
      const axis = await webviewFrame(page).locator('body').evaluate((b) => getComputedStyle(b).getPropertyValue('--vscode-foreground').trim());
      check(axis !== '', 'theme colours reach the webview');
      await page.mouse.move(600, 690);
      await fx.screenshot(`usage-${theme.slug}`);
      if (theme.slug === 'dark') await fx.docShot('usage-dark', page.locator('#workbench\\.parts\\.editor'));
      await tab(page, new RegExp(`^${label}`)).first().click();
      await until(async () => (await webviewFrame(page).locator('body').getAttribute('class'))?.split(/\s+/).includes(theme.webview), { message: `the detail panel in ${theme.name}` });
      await webviewFrame(page).getByRole('heading', { level: 1 }).waitFor();
      await page.mouse.move(600, 690);
      await fx.screenshot(`detail-${theme.slug}`);
      if (theme.slug === 'dark') await fx.docShot('detail-dark', page.locator('#workbench\\.parts\\.editor'));
      await tab(page, /^Usage/).first().click();
      await waitForWebview(page, /Daily traffic/);
    });
  }
}

// Themes: the tree and both panels in Default Light Modern, Default Dark Modern and Default High
// Contrast, switched from the command palette as a person does; the panels follow the theme.
import { expect, test } from './lib/fixtures';
import {
  editorPart,
  expandGroup,
  openCardFromTree,
  openFleetView,
  pick,
  readRows,
  runCommand,
  tab,
  waitForGroups,
  waitForQuickInput,
  waitForWebview,
  webviewFrame,
} from './lib/workbench';

// Small enough for README-sized screenshots of the whole window.
test.use({ demo: true, viewport: { width: 1120, height: 700 }, sidebarWidth: 400 });

const THEMES = [
  { name: 'Default Dark Modern', slug: 'dark', workbench: 'vs-dark', webview: 'vscode-dark' },
  { name: 'Default Light Modern', slug: 'light', workbench: 'vs', webview: 'vscode-light' },
  { name: 'Default High Contrast', slug: 'high-contrast', workbench: 'hc-black', webview: 'vscode-high-contrast' },
];

test('themes: tree, card detail and usage in light, dark and high contrast', async ({ page, journey }) => {
  let label = '';
  await test.step('open a card and its usage side by side with the tree', async () => {
    await openFleetView(page);
    await waitForGroups(page);
    await expandGroup(page, 'In use');
    label = (await readRows(page)).find((r) => r.level === 2 && r.label.startsWith('8986'))?.label ?? '';
    expect(label, 'an in-use card with an ICCID').not.toBe('');
    const frame = await openCardFromTree(page, label);
    await frame.getByRole('button', { name: 'Open usage' }).click();
    await waitForWebview(page, /Daily traffic/);
    await expect(webviewFrame(page).locator('#app'), 'usage loaded').toHaveAttribute('aria-busy', 'false');
    await page.mouse.move(600, 690);
  });

  for (const theme of THEMES) {
    await test.step(`${theme.name}: tree, detail and usage`, async () => {
      await runCommand(page, 'Preferences: Color Theme');
      await waitForQuickInput(page, /Select Color Theme/);
      await pick(page, theme.name, { match: new RegExp(theme.name) });
      await expect(page.locator('.monaco-workbench'), `the workbench in ${theme.name}`).toContainClass(theme.workbench);
      const body = webviewFrame(page).locator('body');
      await expect(body, `the usage panel in ${theme.name}`).toContainClass(theme.webview);
      // Chart colours come from the theme: the panel redraws on the body class change.
      const axis = await body.evaluate((b) => getComputedStyle(b).getPropertyValue('--vscode-foreground').trim());
      expect(axis, 'theme colours reach the webview').not.toBe('');
      await page.mouse.move(600, 690);
      await journey.screenshot(`usage-${theme.slug}`);
      if (theme.slug === 'dark') await journey.docShot('usage-dark', editorPart(page));
      await tab(page, new RegExp(`^${label}`)).first().click();
      await expect(body, `the detail panel in ${theme.name}`).toContainClass(theme.webview);
      await webviewFrame(page).getByRole('heading', { level: 1 }).waitFor();
      await page.mouse.move(600, 690);
      await journey.screenshot(`detail-${theme.slug}`);
      if (theme.slug === 'dark') await journey.docShot('detail-dark', editorPart(page));
      await tab(page, /^Usage/).first().click();
      await waitForWebview(page, /Daily traffic/);
    });
  }
});

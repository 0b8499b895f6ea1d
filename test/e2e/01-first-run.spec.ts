// First run: no credentials kept, so the Cards view greets with its welcome; the person starts the
// demo fleet from the welcome button and sees the fleet as six status groups with their counts.
import { expect, test } from './lib/fixtures';
import { group, openFleetView, sidebar, statusBar, waitForGroups, welcome, type Counts } from './lib/workbench';

test.use({ demo: false });

test('first run: welcome, Try the Demo Fleet, status groups with counts', async ({ page, journey }) => {
  await test.step('open the SIM Fleet view and see the welcome', async () => {
    await openFleetView(page);
    await expect(welcome(page).getByRole('button', { name: 'Try the Demo Fleet' })).toBeVisible();
    await expect(welcome(page), 'welcome explains sign-in').toContainText(/Sign in to a Huawei Cloud Global SIM Link/, { useInnerText: true });
    await expect(welcome(page).getByRole('button', { name: 'Sign In' }), 'welcome offers Sign In').toBeVisible();
    await expect(statusBar(page)).toContainText('SIM Fleet: sign in', { useInnerText: true });
    await journey.docShot('welcome', sidebar(page));
  });

  let counts: Counts = {};
  await test.step('click "Try the Demo Fleet" and see the status groups', async () => {
    await welcome(page).getByRole('button', { name: 'Try the Demo Fleet' }).click();
    counts = await waitForGroups(page);
    journey.log(JSON.stringify(counts));
    await expect(welcome(page), 'the welcome is gone').toBeHidden();
  });

  await test.step('check the counts: numbers, adding up to the fleet, "In use" the largest', async () => {
    const words = ['Testable', 'Inactive', 'Activatable', 'Deactivated', 'In use', 'Dismantled'];
    expect(Object.keys(counts), 'groups in status order').toEqual(words);
    for (const w of words) expect(Number.isInteger(counts[w]) && counts[w] >= 0, `${w} count is a number (got ${counts[w]})`).toBe(true);
    const total = words.reduce((a, w) => a + counts[w], 0);
    expect(total, 'the groups add up to the 1,000 demo cards').toBe(1000);
    const largest = words.reduce((a, w) => (counts[w] > counts[a] ? w : a));
    expect(largest, '"In use" is the largest group').toBe('In use');
    // The visible labels carry the same numbers as the accessible names.
    await expect(group(page, 'In use').locator('.label-name'), 'row label').toHaveText(`In use (${counts['In use'].toLocaleString('en-US')})`);
    await expect(statusBar(page), 'the status bar shows the demo fleet size').toContainText(/SIM Fleet demo · 1,000 cards/, { useInnerText: true });
    await journey.docShot('status-groups', sidebar(page));
  });
});

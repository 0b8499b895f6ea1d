// First run: no credentials kept, so the Cards view greets with its welcome; the person starts the
// demo fleet from the welcome button and sees the fleet as six status groups with their counts.
import { check, group, openFleetView, sidebar, until, waitForGroups, welcome } from './lib/workbench.mjs';

export const journey = {
  title: 'first run: welcome, Try the Demo Fleet, status groups with counts',
  demo: false,
};

export async function run(fx) {
  const { page } = fx;

  await fx.step('open the SIM Fleet view and see the welcome', async () => {
    await openFleetView(page);
    await welcome(page).getByRole('button', { name: 'Try the Demo Fleet' }).waitFor();
    const text = await welcome(page).innerText();
    check(/Sign in to a Huawei Cloud Global SIM Link/.test(text), `welcome explains sign-in (got: ${text})`);
    check(await welcome(page).getByRole('button', { name: 'Sign In' }).isVisible(), 'welcome offers Sign In');
    await until(async () => (await page.locator('.statusbar').innerText()).includes('SIM Fleet: sign in'), { message: 'the status bar to say "SIM Fleet: sign in"' });
    await fx.docShot('welcome', sidebar(page));
  });

  let counts;
  await fx.step('click "Try the Demo Fleet" and see the status groups', async () => {
    await welcome(page).getByRole('button', { name: 'Try the Demo Fleet' }).click();
    counts = await waitForGroups(page);
    fx.log(JSON.stringify(counts));
    check(await welcome(page).count() === 0 || !(await welcome(page).isVisible()), 'the welcome is gone');
  });

  await fx.step('check the counts: numbers, adding up to the fleet, "In use" the largest', async () => {
    const words = ['Testable', 'Inactive', 'Activatable', 'Deactivated', 'In use', 'Dismantled'];
    check(JSON.stringify(Object.keys(counts)) === JSON.stringify(words), `groups in status order (got ${Object.keys(counts)})`);
    for (const w of words) check(Number.isInteger(counts[w]) && counts[w] >= 0, `${w} count is a number (got ${counts[w]})`);
    const total = words.reduce((a, w) => a + counts[w], 0);
    check(total === 1000, `the groups add up to the 1,000 demo cards (got ${total})`);
    const largest = words.reduce((a, w) => (counts[w] > counts[a] ? w : a));
    check(largest === 'In use', `"In use" is the largest group (largest: ${largest})`);
    // The visible labels carry the same numbers as the accessible names.
    const label = await group(page, 'In use').locator('.label-name').innerText();
    check(label === `In use (${counts['In use'].toLocaleString('en-US')})`, `row label "${label}"`);
    const status = await until(async () => {
      const text = await page.locator('.statusbar').innerText();
      return /SIM Fleet demo · 1,000 cards/.test(text) && text;
    }, { message: 'the status bar to show the demo fleet size' });
    check(status, 'status bar');
    await fx.docShot('status-groups', sidebar(page));
  });
}

// A batch from a list, in place of the console's template upload: paste 50 ICCIDs into an editor
// (3 of them not in the fleet), run "Run a Batch from a List…" on it, read which entries are
// unknown, choose an action for the 47 cards found and confirm it once.
import { createRequire } from 'node:module';
import * as path from 'node:path';
import { repoRoot } from '../../scripts/vscode-host.mjs';
import type * as DemoFleet from '../../src/host/demoFleet';
import type * as Generator from '../../src/simulator/generator';
import { expect, test } from './lib/fixtures';
import {
  answer,
  checkNoErrorToasts,
  dialog,
  dialogChoose,
  editorPart,
  openFleetView,
  pick,
  pickMany,
  quickInput,
  readDialog,
  runCommand,
  toasts,
  waitForGroups,
  waitForNotification,
  waitForQuickInput,
} from './lib/workbench';

test.use({ demo: true });

const UNKNOWN = ['89860399999999990011', '89860399999999990012', '89860399999999990013'];

// The simulator's own generator, as built for the tests (out/), tells which ICCIDs the demo has.
const require = createRequire(import.meta.url);
const { generateFleet } = require(path.join(repoRoot, 'out', 'src', 'simulator', 'generator.js')) as typeof Generator;
const { DEMO_SEED } = require(path.join(repoRoot, 'out', 'src', 'host', 'demoFleet.js')) as typeof DemoFleet;

test('list batch: 50 pasted ICCIDs, 3 unknown named, an action on the 47 found', async ({ page, journey }) => {
  // The demo fleet is generated from a fixed seed (1,000 cards in the journeys): the same cards every run.
  const known = generateFleet(DEMO_SEED, 1000, Date.now())
    .cards.filter((c) => c.vo.sim_type === 3 && c.vo.sim_status === 20)
    .slice(0, 47)
    .map((c) => c.vo.iccid);
  const list = [...known.slice(0, 20), UNKNOWN[0], ...known.slice(20, 35), UNKNOWN[1], ...known.slice(35), UNKNOWN[2]];
  expect(list.length).toBe(50);

  await test.step('paste the list into a new editor', async () => {
    await openFleetView(page);
    await waitForGroups(page);
    await runCommand(page, 'File: New Untitled Text File');
    await editorPart(page).locator('.monaco-editor .view-lines').first().click();
    await page.keyboard.insertText(list.join('\n'));
    // The editor follows the cursor to the end of the list.
    await expect(editorPart(page).locator('.view-line', { hasText: list[49] }), 'the list is in the editor').toBeVisible();
  });

  await test.step('Run a Batch from a List…, from the active editor', async () => {
    await runCommand(page, 'SIM Fleet: Run a Batch from a List…');
    await pick(page, 'From the Active Editor', { title: /Run a Batch from a List/ });
  });

  await test.step('read which entries are not in the fleet', async () => {
    const report = await waitForNotification(page, /of 50 entries are cards of this fleet/);
    journey.log(report);
    expect(report, '47 found').toMatch(/^47 of 50 entries are cards of this fleet\./);
    expect(report, 'the three unknown ones named with their lines').toContain(`3 not in the fleet: ${UNKNOWN[0]} (line 21), ${UNKNOWN[1]} (line 37), ${UNKNOWN[2]} (line 50)`);
    const toast = toasts(page).filter({ hasText: /of 50 entries are cards/ });
    await expect(toast).toHaveCSS('opacity', '1', { timeout: 5_000 }).catch(() => undefined);
    await journey.docShot('list-batch-report', [toast, quickInput(page)]);
  });

  await test.step('choose the action for the 47 cards: every operation that applies, with its count', async () => {
    await waitForQuickInput(page, /47 cards found — choose the action/);
    await expect(quickInput(page).getByRole('option', { name: /Add Tags/ })).toContainText('47 of 47 cards');
    await journey.screenshot('list-batch-actions', quickInput(page));
    await pick(page, 'Add Tags');
    await pickMany(page, ['New tag…'], { title: /Add Tags: choose the tags/ });
    await answer(page, 'from-list', { title: /Add Tags: new tags/ });
  });

  await test.step('confirm once, and read the summary', async () => {
    expect(await readDialog(page), 'the question counts the cards').toContain('Add "from-list" to 47 cards?');
    await journey.screenshot('list-batch-confirm', dialog(page));
    await dialogChoose(page, 'Add Tags');
    const summary = await waitForNotification(page, /Tags added to \d+ of 47 cards/);
    expect(summary).toMatch(/^Tags added to 47 of 47 cards\./);
    const toast = toasts(page).filter({ hasText: /Tags added to 47 of 47/ });
    // Toasts slide in; shoot once it has settled where it stays.
    await expect(toast).toHaveCSS('opacity', '1', { timeout: 5_000 }).catch(() => undefined);
    await expect(toast.locator('.notification-list-item-message')).toBeVisible();
    await journey.docShot('list-batch-summary', toast);
    await checkNoErrorToasts(page);
  });
});

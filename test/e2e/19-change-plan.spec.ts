// Change plan: a reviewable file of changes in the workspace, `fleet-changes.simplan.csv`, with
// one line that cannot run (it stops a card that is not in use). Opened in the editor, that line
// is marked and the CodeLens count it; "Dry Run" checks every line against the fleet and changes
// nothing (the simulator's counters say so); "Apply…" asks once, sends the four other changes and
// writes the results file next to the plan; applying again sends nothing and says why.
import { createRequire } from 'node:module';
import { writeFileSync } from 'node:fs';
import * as path from 'node:path';
import type { Page } from '@playwright/test';
import { repoRoot } from '../../scripts/vscode-host.mjs';
import type * as DemoFleet from '../../src/host/demoFleet';
import type * as Generator from '../../src/simulator/generator';
import { expect, test } from './lib/fixtures';
import {
  activeTab,
  checkNoErrorToasts,
  clearNotifications,
  demoEndpoint,
  dialog,
  dialogChoose,
  editorPart,
  openFleetView,
  quickOpen,
  readDialog,
  simStats,
  toasts,
  waitForGroups,
  waitForNotification,
} from './lib/workbench';

test.use({ demo: true });

const PLAN = 'fleet-changes.simplan.csv';
const RESULTS = 'fleet-changes.simplan.results.csv';

// The demo fleet is generated from a fixed seed (1,000 cards in the journeys): the same cards every run.
const require = createRequire(import.meta.url);
const { generateFleet } = require(path.join(repoRoot, 'out', 'src', 'simulator', 'generator.js')) as typeof Generator;
const { DEMO_SEED } = require(path.join(repoRoot, 'out', 'src', 'host', 'demoFleet.js')) as typeof DemoFleet;

/** A CodeLens above the plan's first line, by its words. */
const lens = (page: Page, text: RegExp) => editorPart(page).locator('.codelens-decoration a').filter({ hasText: text }).first();

/** Requests that change something: every non-GET operation but signing in. */
const mutations = (ops: Record<string, number>) => Object.entries(ops).reduce((n, [op, count]) => (op.startsWith('GET ') || op.includes('/auth/') ? n : n + count), 0);

test('change plan: dry run and apply a plan with one failing line', async ({ page, journey }) => {
  const cards = generateFleet(DEMO_SEED, 1000, Date.now()).cards.map((c) => c.vo);
  const inUse = cards.filter((c) => c.sim_type === 3 && c.sim_status === 20 && !(c.tag_names ?? '').includes('pilot'));
  const testable = cards.find((c) => c.sim_type === 3 && c.sim_status === 10);
  expect(inUse.length).toBeGreaterThan(4);
  expect(testable).toBeDefined();
  const [stop1, stop2, tag1, tag2] = inUse.map((c) => c.iccid ?? '');
  const failing = testable?.iccid ?? '';

  await test.step('write the plan into the workspace (as a pull request would bring it)', async () => {
    writeFileSync(
      path.join(journey.workspace, PLAN),
      [
        '# Stop two trackers back from the field; tag two meters for the pilot.',
        'card,action,value,note',
        `${stop1},stop,,tracker T-104 returned`,
        `${stop2},stop,,tracker T-221 returned`,
        `${tag1},addTags,pilot,meter M-7`,
        `${tag2},addTags,pilot,meter M-9`,
        `${failing},stop,,spare card`,
        '',
      ].join('\n'),
    );
    await openFleetView(page);
    await waitForGroups(page);
  });

  await test.step('open it: the line that cannot run is marked, and the CodeLens count it', async () => {
    await quickOpen(page, PLAN);
    await expect(lens(page, /Dry Run/), 'a "Dry Run" CodeLens').toBeVisible({ timeout: 30_000 });
    await expect(lens(page, /Apply…/), 'an "Apply…" CodeLens').toBeVisible();
    await expect(lens(page, /4 ready · 1 with problems · 0 done/), 'the counts, once checked against the fleet').toBeVisible({ timeout: 30_000 });
    await expect(editorPart(page).locator('.squiggly-error').first(), 'the failing line is underlined').toBeVisible();
    await journey.docShot('change-plan', editorPart(page));
  });

  let endpoint = '';
  await test.step('Dry Run: every line checked against the fleet, nothing changed', async () => {
    endpoint = await demoEndpoint(journey.userDataDir);
    const before = mutations((await simStats(endpoint)).operations);
    await lens(page, /Dry Run/).click();
    const summary = await waitForNotification(page, /Dry run of fleet-changes\.simplan\.csv: .*Nothing was changed/);
    journey.log(summary);
    expect(summary).toContain('4 of 5 changes would be sent (Stop 2, Add Tags 2).');
    expect(summary).toContain('With problems: 1 (see Problems).');
    expect(summary).toContain('Nothing was changed.');
    expect(mutations((await simStats(endpoint)).operations), 'no change reached the service').toBe(before);
    // The Problems panel says what is wrong with the failing line.
    await page.keyboard.press('Control+Shift+M');
    const problem = page.locator('.markers-panel .monaco-list-row').filter({ hasText: /Stop applies to cards that are In use; this card is Testable/ });
    await expect(problem.first(), 'the problem, in words').toBeVisible();
    await journey.screenshot('change-plan-dry-run', page.locator('.monaco-workbench'));
  });

  await test.step('Apply…: one question, in the words of the commands', async () => {
    await clearNotifications(page);
    await lens(page, /Apply…/).click();
    const text = await readDialog(page);
    expect(text).toContain('Apply fleet-changes.simplan.csv? Changes to send: 4.');
    expect(text).toContain('Stop 2 cards?');
    expect(text).toContain('Add "pilot" to 2 cards?');
    expect(text).toContain('Not sent, with problems: 1 (see Problems).');
    await journey.screenshot('change-plan-confirm', dialog(page));
    await dialogChoose(page, 'Apply');
  });

  await test.step('read the outcome: four sent, the failing line not sent, work orders followed', async () => {
    const summary = await waitForNotification(page, /Applied fleet-changes\.simplan\.csv/);
    journey.log(summary);
    expect(summary).toMatch(/2 succeeded, 2 work orders running, 0 refused, 0 may have been carried out, 1 not sent, 0 skipped/);
    const ended = await waitForNotification(page, /fleet-changes\.simplan\.csv: work orders ended/, 60_000);
    journey.log(ended);
    expect(ended).toMatch(/4 succeeded, 0 failed, 0 not followed to the end/);
    const stats = await simStats(endpoint);
    expect(stats.operations['POST /v1/sim-cards/{id}/stop'], 'one stop request per card').toBe(2);
    // Tags go out in one request per tag list the cards will have (each keeps its own tags), never more than one per card.
    expect(stats.operations['POST /v1/sim-tags/batch-set'], 'the tags sent once').toBeGreaterThanOrEqual(1);
    expect(stats.operations['POST /v1/sim-tags/batch-set'], 'the tags sent once').toBeLessThanOrEqual(2);
  });

  await test.step('open the results file next to the plan', async () => {
    const toast = toasts(page).filter({ hasText: /work orders ended/ }).first();
    await toast.getByRole('button', { name: 'Open Results' }).click();
    await expect(activeTab(page), 'the results file open').toContainText(RESULTS);
    const results = editorPart(page).locator('.view-lines');
    await expect(results).toContainText('work_order_id');
    await expect(results).toContainText('not-sent');
    await expect(results.getByText(/succeeded/)).toHaveCount(4);
    await journey.screenshot('change-plan-results', editorPart(page));
  });

  await test.step('apply again: what is done is skipped, and nothing is sent', async () => {
    await page.locator('.tabs-container .tab').filter({ hasText: new RegExp(`^${PLAN.replace(/\./g, '\\.')}`) }).first().click();
    await expect(activeTab(page)).toContainText(PLAN);
    // The tab's tooltip would cover the CodeLens: the pointer leaves it.
    await page.mouse.move(700, 400);
    await page.locator('.monaco-workbench .context-view .hover-contents').waitFor({ state: 'hidden' });
    await clearNotifications(page);
    const before = mutations((await simStats(endpoint)).operations);
    await lens(page, /Apply…/).click();
    const summary = await waitForNotification(page, /Nothing to apply in fleet-changes\.simplan\.csv/);
    journey.log(summary);
    expect(summary).toContain('Done already, skipped: 4.');
    expect(mutations((await simStats(endpoint)).operations), 'nothing sent again').toBe(before);
    await expect(lens(page, /0 ready · 1 with problems · 4 done/)).toBeVisible();
    await journey.screenshot('change-plan-reapply', page.locator('.monaco-workbench'));
    await checkNoErrorToasts(page);
  });
});

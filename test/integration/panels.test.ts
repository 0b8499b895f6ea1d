/// <reference types="mocha" />
// The card detail and usage panels in a real VS Code, against the demo fleet (the simulator over
// real HTTP). What the pages render is read back through the panels' test-only snapshot round trip.
import * as assert from 'node:assert/strict';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { DemoFleet } from '../../src/host/demoFleet';
import type { UiBackend } from '../../src/host/ui';
import type { GslApi } from '../../src/gsl/api';
import type { SimDeviceVO } from '../../src/gsl/models';
import type { CardDetailPanel, UsagePanel } from '../../src/panels/index';
import type { Snapshot } from '../../src/panels/panelHost';
import { MARKUP_ATTRIBUTE, MARKUP_TAG } from '../../src/simulator/catalog';
import type { SimFleetTestApi } from '../../src/testApi';
import { getApi, until } from './helpers';

/** Asks the page what it shows (test runs only) until `ok` holds; the suite timeout bounds the wait. */
async function waitForPage(panel: CardDetailPanel | UsagePanel, ok: (s: Snapshot) => boolean): Promise<Snapshot> {
  for (;;) {
    const snap = await panel.snapshot();
    if (ok(snap)) return snap;
    await new Promise((r) => setTimeout(r, 100));
  }
}

describe('card panels', function () {
  this.timeout(90_000);
  let api: SimFleetTestApi;
  let demo: DemoFleet;
  let client: GslApi;
  let cards: SimDeviceVO[];
  let savedPrompts: Partial<UiBackend>;

  before(async () => {
    api = await getApi();
    const started = await vscode.commands.executeCommand<DemoFleet | undefined>('simFleet.account.startDemo', { cards: 60, workOrderMs: 300 });
    assert.ok(started, 'the demo fleet started');
    demo = started;
    client = api.fleet().account.currentClient()!;
    cards = (await client.listSimCards({ limit: 100, offset: 1 })).sim_cards;
    savedPrompts = api.ui.current;
  });

  afterEach(() => {
    api.ui.current = savedPrompts;
    demo.simulator.setFaults(undefined);
  });

  after(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('the card command opens a card detail webview tab', async () => {
    const card = cards.find((c) => c.sim_status === 20) ?? cards[0];
    await vscode.commands.executeCommand('simFleet.card.openDetail', { card });
    // The workbench reports the new tab a moment after the panel is created.
    await until(() =>
      vscode.window.tabGroups.all
        .flatMap((g) => g.tabs)
        .some((t) => t.input instanceof vscode.TabInputWebview && t.input.viewType.endsWith('simFleet.cardDetail') && t.label === (card.cid || card.iccid)),
    );
  });

  it('shows every section of a card, with words and raw values, and offers only the applicable action', async () => {
    const card = cards.find((c) => c.sim_status === 20 && c.iccid);
    assert.ok(card);
    const panel = api.panels.openCardDetail(api.fleet().account.id, card);
    const snap = await waitForPage(panel, (s) => s.text.includes('Lifecycle') && !s.text.includes('Loading…'));
    for (const heading of ['Basic information', 'Plan', 'Device', 'Lifecycle', 'Work orders']) assert.ok(snap.text.includes(heading), heading);
    assert.ok(snap.text.includes(card.iccid ?? ''), 'ICCID shown');
    assert.ok(snap.text.includes('In use'), 'status as a word');
    assert.match(snap.html, /title="In use \(20\)"/, 'raw value kept next to the word');
    assert.match(snap.html, /aria-label="Copy ICCID"/, 'copy buttons are labelled for screen readers');
    assert.match(snap.html, /<button[^>]*>Stop<\/button>/);
    assert.doesNotMatch(snap.html, /<button[^>]*>Resume<\/button>/);
    assert.doesNotMatch(snap.html, /<button[^>]*>Activate<\/button>/);
    assert.match(snap.html, /role="progressbar"/, 'plan traffic bar');
    // Opening the same card again reveals the same panel instead of a second one.
    assert.equal(api.panels.openCardDetail(api.fleet().account.id, card), panel);
    panel.dispose();
  });

  it('shows markup and script in tags and custom attributes as plain text', async () => {
    const card = cards.find((c) => (c.tag_names ?? '').includes(MARKUP_TAG) || c.customer_attribute1 === MARKUP_ATTRIBUTE);
    assert.ok(card, 'the demo fleet has a card with markup in user-typed values');
    const panel = api.panels.openCardDetail(api.fleet().account.id, card);
    const snap = await waitForPage(panel, (s) => s.text.includes('Custom attribute') || s.text.includes('Site'));
    assert.ok(snap.text.includes(MARKUP_ATTRIBUTE), 'the attribute text is shown literally');
    assert.ok(snap.text.includes(MARKUP_TAG), 'the tag text is shown literally');
    assert.ok(snap.html.includes('&lt;img src=x onerror=alert(1)&gt;'), 'escaped in the markup');
    assert.doesNotMatch(snap.html, /<img/i, 'no element was created from card data');
    assert.ok(!snap.html.includes('<script>alert'), 'no script element was created from card data');
    assert.ok(snap.text.includes('Site'), 'custom attribute names come from ListAttributes');
    panel.dispose();
  });

  it('ignores malformed messages and requests for another card', async () => {
    const [a, b] = cards;
    const panel = api.panels.openCardDetail(api.fleet().account.id, a);
    await waitForPage(panel, (s) => s.text.includes('Lifecycle'));
    panel.handleMessage({ type: 'runAction', action: 'stop', cardId: b.sim_card_id });
    panel.handleMessage({ type: 'runCommand', command: 'workbench.action.terminal.new' });
    panel.handleMessage({ type: 'copy', text: 'not a shown id' });
    const log = api.recentLog().join('\n');
    assert.match(log, new RegExp(`Ignored "runAction" from the card detail panel of ${a.sim_card_id}: another card`));
    assert.match(log, /Ignored a malformed message \(runCommand\)/);
    assert.match(log, /Ignored "copy" from the card detail panel/);
    panel.dispose();
  });

  it('runs an action from the panel and follows its work order to the end', async () => {
    const card = cards.filter((c) => c.sim_status === 20 && !api.fleet().tracker.isPending(c.sim_card_id)).at(-1);
    assert.ok(card);
    api.ui.current = { ...savedPrompts, confirm: async () => true };
    const panel = api.panels.openCardDetail(api.fleet().account.id, card);
    await waitForPage(panel, (s) => /<button[^>]*>Stop<\/button>/.test(s.html));
    // The same path a click on the page's Stop button takes.
    panel.handleMessage({ type: 'runAction', action: 'stop', cardId: card.sim_card_id });
    await until(() => api.fleet().tracker.forCard(card.sim_card_id).length > 0);
    const snap = await waitForPage(panel, (s) => s.text.includes('Completed') && s.text.includes('Deactivated'));
    assert.equal(panel.currentCard?.sim_status, 14);
    assert.match(snap.html, /<button[^>]*>Resume<\/button>/, 'a stopped card offers Resume');
    assert.doesNotMatch(snap.html, /<button[^>]*>Stop<\/button>/);
    const [order] = api.fleet().tracker.forCard(card.sim_card_id);
    assert.ok(snap.text.includes(order.workOrderId), 'the work order is listed');
    panel.dispose();
  });

  it('comes back after a reload from the saved card id alone', async () => {
    const card = cards[5];
    for (const p of api.panels.detailPanels()) p.dispose();
    const webviewPanel = vscode.window.createWebviewPanel('simFleet.cardDetail', 'restored', vscode.ViewColumn.Active, {});
    await api.panels.restoreDetail(webviewPanel, { cardId: card.sim_card_id });
    const panel = api.panels.detailPanel(api.fleet().account.id, card.sim_card_id);
    assert.ok(panel, 'the restored panel is tracked');
    const snap = await waitForPage(panel, (s) => s.text.includes('Lifecycle'));
    assert.ok(snap.text.includes(card.iccid ?? card.sim_card_id));
    assert.equal(panel.panel.title, card.cid || card.iccid);
    panel.dispose();
  });

  it('drops a restored panel whose saved state is not a card id', async () => {
    const webviewPanel = vscode.window.createWebviewPanel('simFleet.cardDetail', 'bad', vscode.ViewColumn.Active, {});
    let disposed = false;
    webviewPanel.onDidDispose(() => (disposed = true));
    await api.panels.restoreDetail(webviewPanel, { cardId: '<script>', view: {} });
    assert.equal(disposed, true);
  });

  it('compares several cards: one daily series per card, monthly and plan usage, tables with captions', async () => {
    const some = cards.filter((c) => c.sim_type === 3).slice(0, 3);
    assert.equal(some.length, 3);
    const panel = api.panels.openUsage(api.fleet().account.id, some);
    const snap = await waitForPage(panel, () => ['daily', 'monthly', 'plans'].every((s) => panel.view[s as 'daily'].status !== 'loading'));
    const view = panel.view;
    assert.equal(view.daily.status, 'ready');
    assert.equal(view.monthly.status, 'ready');
    assert.equal(view.plans.status, 'ready');
    if (view.daily.status === 'ready') assert.deepEqual(view.daily.data.series.map((s) => s.cardId), some.map((c) => c.sim_card_id));
    if (view.monthly.status === 'ready') assert.equal(view.monthly.data.periods.length, 6);
    const page = await waitForPage(panel, (s) => s.text.includes('Monthly traffic'));
    for (const c of some) assert.ok(page.text.includes(c.cid ?? c.sim_card_id), `card ${c.cid} is named`);
    assert.match(page.html, /<canvas[^>]*role="img"/, 'a chart is drawn');
    assert.match(page.html, /<caption>Daily traffic in \d{4}-\d{2}, MB<\/caption>/);
    assert.match(page.html, /<th scope="col">/);
    assert.match(page.html, /<select id="month"/);
    assert.ok(snap.html.length > 0);

    // The month picker offers this month and last month only.
    const [current, previous] = view.months.map((m) => m.value);
    panel.handleMessage({ type: 'selectMonth', month: '190001' });
    assert.equal(panel.currentMonth, current);
    panel.handleMessage({ type: 'selectMonth', month: previous });
    await until(() => panel.currentMonth === previous && panel.view.daily.status === 'ready');
    await waitForPage(panel, (s) => s.html.includes(`Daily traffic in ${previous.slice(0, 4)}-${previous.slice(4)}, MB`));

    // Export writes the shown numbers.
    const target = vscode.Uri.file(path.join(mkdtempSync(path.join(tmpdir(), 'sim-usage-')), 'usage.csv'));
    await panel.exportCsv(target);
    const csv = readFileSync(target.fsPath, 'utf8');
    assert.ok(csv.startsWith('\ufeffSection,sim_card_id,Card,Period,Plan,Used (MB),Left (MB),Total (MB)\r\n'));
    const lines = csv.trimEnd().split('\r\n');
    const daily = panel.view.daily.status === 'ready' ? panel.view.daily.data.periods.length : -1;
    assert.equal(lines.filter((l) => l.startsWith('Daily,')).length, 3 * daily);
    assert.equal(lines.filter((l) => l.startsWith('Monthly,')).length, 3 * 6);
    assert.ok(lines.some((l) => l.startsWith(`Plan,${some[0].sim_card_id},`)));
    panel.dispose();
  });

  it('a failing monthly request shows its explanation and Retry while daily usage still shows', async () => {
    demo.simulator.setFaults({ errorRate: 1, errorStatus: 403, errorCode: 'GSL.00011004', pathPattern: 'month-usages' });
    const panel = api.panels.openUsage(api.fleet().account.id, [cards[10]]);
    const snap = await waitForPage(panel, (s) => panel.view.monthly.status === 'error' && panel.view.daily.status === 'ready' && s.html.includes('role="alert"'));
    assert.match(snap.html, /Daily traffic in/);
    assert.match(snap.html, /<button[^>]*>Retry<\/button>/);
    const message = panel.view.monthly.status === 'error' ? panel.view.monthly.message : '';
    assert.ok(message.length > 0 && snap.text.includes(message), 'the plain explanation is shown');
    demo.simulator.setFaults(undefined);
    panel.handleMessage({ type: 'retry', section: 'monthly' });
    await waitForPage(panel, (s) => panel.view.monthly.status === 'ready' && !s.html.includes('role="alert"'));
    panel.dispose();
  });
});

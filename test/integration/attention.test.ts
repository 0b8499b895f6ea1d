/// <reference types="mocha" />
// Needs attention in a real VS Code against a 20,000-card demo fleet: the group and its reasons
// scored against what the simulator planted, the "only" filter, dismissing (kept across a
// restart of the fleet), the forecast in both panels, the daily snapshot, a second snapshot after
// cards changed, and What changed listing exactly those changes.
import * as assert from 'node:assert/strict';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { SnapshotChanges } from '../../src/core/attention/compare';
import type { CardReason } from '../../src/core/attention/settings';
import { reasonShort } from '../../src/core/attentionWords';
import type { AccountAttention } from '../../src/fleet/attention';
import type { SnapshotEntry } from '../../src/fleet/fleetHistory';
import type { AttentionGroupNode } from '../../src/fleet/nodes/attentionGroupNode';
import type { AttentionReasonNode } from '../../src/fleet/nodes/attentionReasonNode';
import type { FleetNode } from '../../src/fleet/nodes/fleetNode';
import type { CardActionResult } from '../../src/commands/runCardAction';
import { actionOffered } from '../../src/core/cardRules';
import type { DemoFleet } from '../../src/host/demoFleet';
import type { Dismissal } from '../../src/core/dismissals';
import type { UiBackend } from '../../src/host/ui';
import type { Snapshot } from '../../src/panels/panelHost';
import type { CardDetailPanel, UsagePanel } from '../../src/panels/index';
import type { SimFleetTestApi } from '../../src/testApi';
import { parseJson } from '../../src/gsl/json';
import { cardsOf, getApi, label, scripted, until } from './helpers';

const CARDS = 20_000;
const REASONS: readonly CardReason[] = ['willRunOut', 'overPlan', 'expiresSoon', 'silent', 'spike', 'suspended'];

async function waitForPage(panel: CardDetailPanel | UsagePanel, ok: (s: Snapshot) => boolean): Promise<Snapshot> {
  for (;;) {
    const snap = await panel.snapshot();
    if (ok(snap)) return snap;
    await new Promise((r) => setTimeout(r, 100));
  }
}

async function startDemo(cards: number): Promise<DemoFleet> {
  const demo = await vscode.commands.executeCommand<DemoFleet | undefined>('simFleet.account.startDemo', { cards, workOrderMs: 200 });
  assert.ok(demo, 'the demo fleet started');
  return demo;
}

/** The account's Needs attention once its run is done. */
async function settled(api: SimFleetTestApi): Promise<AccountAttention> {
  await until(() => api.attention.get(api.fleet().account.id)?.state.kind === 'done');
  return api.attention.get(api.fleet().account.id)!;
}

async function attentionGroup(api: SimFleetTestApi): Promise<AttentionGroupNode> {
  const roots = await api.tree.getChildren();
  const group = roots.find((n) => (n as { key?: string }).key === 'attention') as AttentionGroupNode | undefined;
  assert.ok(group, `a Needs attention group among ${roots.map(label).join(', ')}`);
  return group;
}

describe('needs attention', function () {
  this.timeout(240_000);
  let api: SimFleetTestApi;
  let demo: DemoFleet;
  let attention: AccountAttention;
  let savedPrompts: Partial<UiBackend>;

  before(async () => {
    api = await getApi();
    savedPrompts = api.ui.current;
    demo = await startDemo(CARDS);
    attention = await settled(api);
  });

  afterEach(() => {
    api.ui.current = savedPrompts;
  });

  after(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await vscode.commands.executeCommand('simFleet.attention.showAll');
    await api.accounts.signOut('demo');
    await api.attention.history.delete();
  });

  it('shows a Needs attention group at the top, one row per reason with its count, matching the planted truth', async function () {
    const roots = await api.tree.getChildren();
    assert.equal((roots[0] as { key?: string }).key, 'attention', 'above the status groups');
    const group = await attentionGroup(api);
    const total = attention.cards().length;
    assert.equal(label(group), `Needs attention (${total.toLocaleString()})`);
    const counts = attention.counts();
    const rows = (await group.getChildren()) as AttentionReasonNode[];
    assert.deepEqual(
      rows.map(label),
      ['Will run out', 'Over plan', 'Expires soon', 'Silent', 'Spike', 'Suspended by the carrier', 'Pool at risk'].map((w, i) => `${w} (${counts[rows[i].reason].toLocaleString()})`),
    );
    // Scored against the simulator's planted truth, reason by reason.
    const planted = demo.simulator.planted();
    assert.equal(planted.cards, CARDS);
    const figures: string[] = [];
    for (const reason of [...REASONS, 'poolAtRisk' as const]) {
      const found = reason === 'poolAtRisk' ? attention.pools().map((p) => p.poolId) : attention.cards(reason).map((c) => c.sim_card_id);
      const want = new Set(reason === 'poolAtRisk' ? planted.poolAtRisk.map((p) => p.pool_id) : planted.reasons[reason]);
      const hits = found.filter((id) => want.has(id)).length;
      const precision = found.length ? hits / found.length : 1;
      const recall = want.size ? hits / want.size : 1;
      figures.push(`${reason} ${found.length}/${want.size} P ${precision.toFixed(3)} R ${recall.toFixed(3)}`);
      assert.ok(want.size > 0, `${reason}: the simulator planted some`);
      assert.ok(precision >= 0.95 && recall >= 0.95, `${reason}: precision ${precision}, recall ${recall}`);
      assert.equal(counts[reason], found.length, `${reason}: the row counts what it lists`);
    }
    // The runner prints each finished test's title: the figures the issue asks for go with it.
    this.test!.title += ` [${CARDS.toLocaleString()} cards: ${figures.join('; ')}]`;
    console.log(`Needs attention vs planted, ${CARDS} cards:\n  ${figures.join('\n  ')}`);

    // A reason lists its cards a page at a time, each labelled with its reasons in a few words.
    const willRunOut = rows.find((r) => r.reason === 'willRunOut')!;
    const page = await willRunOut.getChildren();
    const cards = cardsOf(page);
    assert.equal(cards.length, Math.min(50, counts.willRunOut));
    if (counts.willRunOut > 50) assert.equal(label(page.at(-1)!), 'Load more');
    for (const node of cards) {
      const item = node.getTreeItem();
      assert.match(String(item.description), /runs out ~[A-Z][a-z]{2} \d{1,2}/);
      assert.match(item.contextValue ?? '', /\battention\b/);
      // The tooltip is escaped markdown: the words are data.
      assert.match(node.tooltip().value, /Needs attention\\: Will run out \\~/);
    }
  });

  it('"Needs attention only" keeps only those cards in the status groups, and Show All brings back the rest', async () => {
    await vscode.commands.executeCommand('simFleet.attention.showOnly');
    const groups = (await api.tree.getChildren()).filter((n) => (n as { status?: number }).status !== undefined);
    const inUse = groups.find((n) => (n as { status?: number }).status === 20)!;
    assert.equal(label(inUse), `In use (${attention.cardsInStatus(20).length.toLocaleString()})`);
    const listed = groups.reduce((sum, g) => sum + Number(/\(([\d,]+)\)$/.exec(label(g))![1].replace(/,/g, '')), 0);
    assert.equal(listed, attention.cards().length);
    await vscode.commands.executeCommand('simFleet.attention.showAll');
    const all = (await api.tree.getChildren()).find((n) => (n as { status?: number }).status === 20)!;
    assert.equal(label(all), `In use (${(api.fleet().model.group(20).count ?? 0).toLocaleString()})`);
  });

  it('dismisses a card with a reason: it leaves its reason and the count, is listed as dismissed, and comes back when restored', async () => {
    const group = await attentionGroup(api);
    const silent = group.reasonNode('silent');
    const before = attention.counts().silent;
    const node = cardsOf(await silent.getChildren())[0];
    api.ui.current = scripted(['month', 'parked in a depot']);
    const made = await vscode.commands.executeCommand<Dismissal[]>('simFleet.attention.dismiss', node);
    assert.equal(made.length, 1);
    assert.equal(attention.counts().silent, before - 1);
    assert.equal(label(silent), `Silent (${(before - 1).toLocaleString()})`);
    assert.ok(!cardsOf(await silent.getChildren()).some((c) => c.card.sim_card_id === node.card.sim_card_id));
    const rows = await group.getChildren();
    const dismissed = rows.at(-1)!;
    assert.equal(label(dismissed), 'Dismissed (1)');
    const [shown] = cardsOf(await dismissed.getChildren());
    assert.equal(shown.card.sim_card_id, node.card.sim_card_id);
    assert.match(String(shown.getTreeItem().description), /dismissed until \d{4}-\d{2}-\d{2} \d{2}:\d{2}: parked in a depot/);
    assert.match(shown.getTreeItem().contextValue ?? '', /\bdismissed\b/);
    assert.ok(JSON.stringify(api.storedState()['global:simFleet.attention.dismissed.demo']).includes('parked in a depot'), 'kept in global state per account');
    const restored = await vscode.commands.executeCommand<Dismissal[]>('simFleet.attention.restore', shown);
    assert.equal(restored.length, 1);
    assert.equal(attention.counts().silent, before);
    assert.equal((await group.getChildren()).some((n) => label(n).startsWith('Dismissed')), false);
  });

  it('a card dismissed until restored still says so, and offers Restore, once its problem went away', async () => {
    const card = attention.cards('expiresSoon').find((c) => c.reasons.length === 1 && attention.dismissal(c.sim_card_id) === undefined);
    assert.ok(card, 'a card that only expires soon');
    api.ui.current = scripted(['forever', 'renewal ordered']);
    await vscode.commands.executeCommand('simFleet.attention.dismiss', { card: { sim_card_id: card.sim_card_id, iccid: card.label }, accountId: 'demo' });
    // Its plan renewed: the next run no longer flags the card, and the dismissal holds until restored.
    const { store } = demo.simulator;
    const renewed = store.edit(store.byCardId(card.sim_card_id)!);
    const expiry = renewed.vo.expire_time;
    renewed.vo.expire_time = new Date(Date.now() + 365 * 86_400_000).toISOString();
    store.touch(renewed);
    try {
      await vscode.commands.executeCommand('simFleet.attention.run');
    } finally {
      // What changed counts every new reason since a snapshot a later test takes: the card expires soon again.
      renewed.vo.expire_time = expiry;
      store.touch(renewed);
    }
    assert.equal(attention.card(card.sim_card_id), undefined, 'no longer flagged');
    assert.ok(attention.dismissal(card.sim_card_id), 'still dismissed');
    const dismissed = (await (await attentionGroup(api)).getChildren()).at(-1)!;
    assert.equal(label(dismissed), 'Dismissed (1)');
    const [shown] = cardsOf(await dismissed.getChildren());
    assert.equal(shown.card.sim_card_id, card.sim_card_id);
    const item = shown.getTreeItem();
    assert.match(String(item.description), /^dismissed until restored: renewal ordered/);
    assert.match(item.contextValue ?? '', /\bdismissed\b/, 'its menu offers Restore');
    assert.match(shown.tooltip().value, /Dismissed from Needs attention until restored/);
    const restored = await vscode.commands.executeCommand<Dismissal[]>('simFleet.attention.restore', shown);
    assert.equal(restored.length, 1);
    assert.equal(attention.dismissal(card.sim_card_id), undefined);
  });

  it('a work order on a card shown under Needs attention refreshes its rows there, not only in its status group', async () => {
    // Otherwise its rows under its reasons and in Dismissed keep no spinner and still offer Stop
    // while the order is pending. The cards are loaded in In use, whose refresh alone was sent.
    const group = await attentionGroup(api);
    const { tracker } = api.fleet();
    const loaded = cardsOf(await api.tree.groupNode(20).getChildren()).map((n) => n.card);
    const flagged = loaded.filter((c) => attention.card(c.sim_card_id) && !attention.dismissal(c.sim_card_id) && actionOffered('stop', c, tracker.isPending(c.sim_card_id)));
    assert.ok(flagged.length >= 2, 'the first page of In use has cards needing attention');
    const [listed, dismissedCard] = flagged;
    api.ui.current = scripted(['day', '']);
    await vscode.commands.executeCommand('simFleet.attention.dismiss', api.tree.cardNode(dismissedCard));
    const rows = await group.getChildren();
    const dismissedList = rows.at(-1)!;
    assert.equal(label(dismissedList), 'Dismissed (1)');
    const reasonLists = attention.card(listed.sim_card_id)!.reasons.map((r) => group.reasonNode(r.reason));

    // What the view was told to read again, up to the moment each order starts being followed.
    const fired: Array<FleetNode | undefined> = [];
    const atStart = new Map<string, Array<FleetNode | undefined>>();
    const watching = [
      api.tree.onDidChangeTreeData((n) => fired.push(n)),
      tracker.onDidChange((o) => {
        if (o.outcome === 'pending' && !atStart.has(o.cardId)) atStart.set(o.cardId, [...fired]);
      }),
    ];
    const before = attention.result;
    let result: CardActionResult;
    try {
      api.ui.current = scripted([true]);
      const nodes = [listed, dismissedCard].map((c) => api.tree.cardNode(c)!);
      result = (await vscode.commands.executeCommand('simFleet.card.stop', nodes[0], nodes)) as CardActionResult;
    } finally {
      for (const w of watching) w.dispose();
    }
    assert.equal(result.outcomes.filter((o) => o.ok).length, 2);
    for (const list of reasonLists) assert.ok(atStart.get(listed.sim_card_id)?.includes(list), `${label(list)} was refreshed`);
    assert.ok(atStart.get(dismissedCard.sim_card_id)?.includes(dismissedList), 'Dismissed was refreshed');

    // Clean up for the tests after: the orders end and the cards are in use again (What changed
    // counts every status change), the run the orders caused finishes, the dismissed card comes back.
    await result.finished;
    const client = api.fleet().account.currentClient()!;
    for (const c of [listed, dismissedCard]) await client.resetSimCard({ sim_card_id: c.sim_card_id });
    demo.simulator.settleWorkOrders();
    await until(() => attention.result !== before && attention.state.kind === 'done');
    await attention.restore([dismissedCard.sim_card_id]);
  });

  it('Undo in the notification brings the dismissed card back', async () => {
    const card = attention.cards('overPlan')[0];
    const before = attention.counts().overPlan;
    api.ui.current = { ...scripted(['day', '']), notify: async (_severity, message) => (/Dismissed .+ from Needs attention/.test(message) ? 'Undo' : undefined) };
    await vscode.commands.executeCommand('simFleet.attention.dismiss', { card: { sim_card_id: card.sim_card_id, iccid: card.label }, accountId: 'demo' });
    assert.ok(api.ui.notifications.some((n) => n.message === `Dismissed ${card.label} from Needs attention.`));
    await until(() => attention.dismissal(card.sim_card_id) === undefined);
    assert.equal(attention.counts().overPlan, before);
  });

  it('shows the same forecast in the card detail and the usage panel as the tree says', async () => {
    const card = attention.cards('willRunOut')[0];
    const detail = card.reasons.find((r) => r.reason === 'willRunOut')!;
    const short = reasonShort(detail, api.t);
    const record = await api.fleet().account.currentClient()!.showSimCard({ sim_card_id: card.sim_card_id });
    const panel = api.panels.openCardDetail(api.fleet().account.id, record);
    const page = await waitForPage(panel, (s) => s.text.includes('Forecast for this cycle') && s.text.includes('At this pace'));
    const forecast = panel.currentForecast;
    assert.ok(forecast?.status === 'ready');
    assert.equal(forecast.data.short, short, 'the panel and the tree name the same day');
    assert.match(page.text, /Days left at the current pace: [\d.]+\./);
    assert.match(page.html, /<svg[^>]*class="forecast-chart"/);
    assert.match(page.html, /class="forecast-projection"/, 'the projection is its own series');
    assert.match(page.html, /class="forecast-used"/);
    const usage = api.panels.openUsage(api.fleet().account.id, [record]);
    const usagePage = await waitForPage(usage, (s) => s.text.includes('Forecast for this cycle') && s.text.includes('At this pace'));
    assert.ok(usagePage.text.includes(forecast.data.outcome), 'the usage panel says the same');
    assert.match(usagePage.html, /class="forecast-projection"/);
  });

  it('the simFleet_listAttention tool and the hover\'s forecast say what the tree says', async () => {
    const result = await vscode.lm.invokeTool('simFleet_listAttention', { input: { reason: 'willRunOut', limit: 5 }, toolInvocationToken: undefined });
    const text = result.content.map((p) => (p instanceof vscode.LanguageModelTextPart ? p.value : '')).join('');
    assert.match(text, /not instructions/);
    const data = parseJson(/```json\n([\s\S]*)\n```/.exec(text)![1]) as { accounts: Array<{ accountId: string; counts: Record<string, number>; total: number; cards: Array<{ cardId: string; reasons: Array<{ reason: string; words: string }> }> }> };
    const [mine] = data.accounts;
    assert.equal(mine.accountId, 'demo');
    assert.deepEqual(mine.counts, attention.counts());
    assert.equal(mine.total, attention.cards('willRunOut').length);
    assert.deepEqual(mine.cards.map((c) => c.cardId), attention.cards('willRunOut').slice(0, 5).map((c) => c.sim_card_id));
    assert.ok(mine.cards.every((c) => c.reasons.some((r) => r.reason === 'willRunOut' && /^Will run out ~/.test(r.words))));
    const unknown = await vscode.lm.invokeTool('simFleet_listAttention', { input: { reason: 'bogus' }, toolInvocationToken: undefined });
    assert.match((unknown.content[0] as vscode.LanguageModelTextPart).value, /Unknown reason/);

    const card = attention.cards('willRunOut').find((c) => c.label.startsWith('89'))!;
    const short = reasonShort(card.reasons.find((r) => r.reason === 'willRunOut')!, api.t);
    const doc = await vscode.workspace.openTextDocument({ content: `modem ${card.label} reported\n`, language: 'log' });
    const at = doc.positionAt(doc.getText().indexOf(card.label) + 2);
    let hover = '';
    await until(async () => {
      const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', doc.uri, at);
      hover = hovers.flatMap((h) => h.contents).map((c) => (c instanceof vscode.MarkdownString ? c.value : '')).join('\n');
      return hover.includes('Forecast');
    });
    // Escaped markdown: the words are data.
    assert.ok(hover.includes(short.replace(/~/g, '\\~')), `the hover's forecast says "${short}": ${hover}`);
  });

  it('runs in the background without blocking the view, can be stopped, and shows an error row with Retry when a run fails', async () => {
    const earlier = attention.result;
    // Read afresh each time (the state changes under the test).
    const kind = (): string => attention.state.kind;
    // A run on its way: the view is there at once, the group says how far it is and offers Stop.
    const pending = vscode.commands.executeCommand('simFleet.attention.run');
    await until(() => attention.running);
    const group = await attentionGroup(api);
    assert.equal(group.getTreeItem().contextValue, 'simFleet.attention running');
    assert.match(String(group.getTreeItem().description), /starting…|reading cards|reading usage/);
    assert.ok((await api.tree.getChildren()).some((n) => /^In use \(/.test(label(n))), 'the status groups are there meanwhile');
    assert.equal(await vscode.commands.executeCommand('simFleet.attention.cancel'), 1);
    await pending;
    assert.equal(kind(), 'cancelled');
    assert.equal(attention.result, earlier, 'the earlier result stays');
    assert.match(String(group.getTreeItem().description), /stopped/);
    assert.match(group.getTreeItem().accessibilityInformation?.label ?? '', /^Needs attention, [\d,]+ cards, stopped/, 'a screen reader hears it too');

    demo.simulator.setFaults({ errorRate: 1, errorStatus: 500, pathPattern: '^/v1/sim-cards$' });
    try {
      await vscode.commands.executeCommand('simFleet.attention.run');
    } finally {
      demo.simulator.setFaults(undefined);
    }
    assert.equal(kind(), 'failed');
    assert.match(String(group.getTreeItem().description), /could not finish/);
    assert.match(group.getTreeItem().accessibilityInformation?.label ?? '', /could not finish/);
    const rows = await group.getChildren();
    const error = rows[0].getTreeItem();
    assert.match(String(error.label), /^The latest run did not finish: /);
    assert.equal(error.command?.command, 'simFleet.attention.run');
    assert.equal(error.command?.title, 'Retry');
    assert.ok(rows.some((n) => label(n).startsWith('Will run out (')), 'the earlier result is still listed below it');
    await vscode.commands.executeCommand(error.command.command, ...(error.command.arguments ?? []));
    assert.equal(kind(), 'done');
    assert.ok(!label((await group.getChildren())[0]).startsWith('The latest run'));
  });

  it('keeps daily snapshots that survive a restart; a second one after cards changed; What changed lists exactly those changes', async () => {
    const id = api.fleet().account.id;
    // The first run of the day kept one by itself; Take Snapshot Now keeps another.
    await until(async () => (await api.attention.history.list(id)).length >= 1);
    const first = await vscode.commands.executeCommand<SnapshotEntry>('simFleet.history.takeSnapshot');
    assert.ok(first && first.bytes > 0);
    // A dismissal and the snapshots outlive the fleet: stop it and start it again (the same seed), with 5 more cards.
    const kept = attention.cards('spike')[0];
    api.ui.current = scripted(['forever', '']);
    await vscode.commands.executeCommand('simFleet.attention.dismiss', { card: { sim_card_id: kept.sim_card_id, iccid: kept.label }, accountId: id });
    await api.accounts.signOut(id);
    assert.equal(api.attention.get(id), undefined);
    demo = await startDemo(CARDS + 5);
    attention = await settled(api);
    assert.equal(attention.dismissal(kept.sim_card_id)?.choice, 'forever', 'the dismissal came back with the account');
    assert.ok((await api.attention.history.list(id)).some((e) => e.takenAt === first.takenAt), 'the snapshot is still there');
    const files = await api.attention.history.list(id);
    assert.ok(files.length >= 2);
    // Change cards: stop three in use.
    const client = api.fleet().account.currentClient()!;
    const stopped = (await client.listSimCards({ sim_status: 20, limit: 10, offset: 1 })).sim_cards.slice(0, 3).map((c) => c.sim_card_id);
    for (const cardId of stopped) await client.stopSimCard({ sim_card_id: cardId });
    demo.simulator.settleWorkOrders();
    const after = await Promise.all(stopped.map((cardId) => client.showSimCard({ sim_card_id: cardId })));
    assert.ok(after.every((c) => c.sim_status !== 20));
    const second = await vscode.commands.executeCommand<SnapshotEntry>('simFleet.history.takeSnapshot');
    assert.ok(second && second.takenAt > first.takenAt);
    const changes = await vscode.commands.executeCommand<SnapshotChanges>('simFleet.history.whatChanged', { accountId: id, since: first.takenAt });
    assert.ok(changes);
    assert.deepEqual(
      changes.statusChanges.map((c) => [c.card.sim_card_id, c.from, c.to]).sort(),
      after.map((c) => [c.sim_card_id, 20, c.sim_status]).sort(),
      'exactly the cards stopped',
    );
    const planted = demo.simulator.planted();
    assert.equal(changes.added.length, 5, 'the five cards the fleet grew by');
    assert.deepEqual(changes.removed, []);
    assert.deepEqual(changes.usageGrowth, [], 'no usage was added between the two');
    const addedIds = new Set(changes.added.map((c) => c.sim_card_id));
    for (const n of changes.newReasons) assert.ok(addedIds.has(n.card.sim_card_id) || stopped.includes(n.card.sim_card_id), `new reasons only for cards that changed: ${n.card.sim_card_id}`);
    assert.ok(planted.cards === CARDS + 5);
    // The view lists them, each card linked to its detail; the CSV holds the same rows.
    const sections = api.changes.getChildren();
    assert.deepEqual(sections.map((s) => String(api.changes.getTreeItem(s).label)), [`Status changed (3)`, `Cards added (5)`, `Cards removed (0)`, `Largest usage growth (0)`, `New reasons for attention (${changes.newReasons.length})`]);
    const statusRows = api.changes.getChildren(sections[0]).map((n) => api.changes.getTreeItem(n));
    assert.ok(statusRows.every((r) => r.command?.command === 'simFleet.card.openDetail'));
    assert.match(String(statusRows[0].description), /^In use → /);
    const file = vscode.Uri.file(path.join(mkdtempSync(path.join(tmpdir(), 'sim-changes-')), 'changes.csv'));
    await vscode.commands.executeCommand('simFleet.history.exportChanges', file);
    const csv = readFileSync(file.fsPath, 'utf8').replace(/^\ufeff/, '').trim().split('\r\n');
    assert.equal(csv.length, 1 + 3 + 5 + changes.newReasons.length);
    for (const cardId of stopped) assert.ok(csv.some((l) => l.startsWith(`Status changed,${cardId},`)));
    // One card's document as the first snapshot kept it, beside the latest run's reading.
    const uris = await vscode.commands.executeCommand<[vscode.Uri, vscode.Uri]>('simFleet.card.compareWithSnapshot', { card: { sim_card_id: stopped[0] }, accountId: id }, { since: first.takenAt });
    const [then, now] = await Promise.all(uris.map(async (u) => JSON.parse((await vscode.workspace.openTextDocument(u)).getText()) as { card: { sim_card_id: string; sim_status: number; label: string } }));
    assert.deepEqual([then.card.sim_card_id, then.card.sim_status], [stopped[0], 20]);
    assert.deepEqual([now.card.sim_card_id, now.card.sim_status], [stopped[0], after[0].sim_status]);
    // With Hide identifiers on, both sides mask the card's identifier, the documents already open too.
    const whole = then.card.label;
    assert.match(whole, /^\d{11,}$/, 'the card is labelled by an identifier');
    await vscode.workspace.getConfiguration('simFleet').update('hideIdentifiers', true, vscode.ConfigurationTarget.Global);
    try {
      await until(async () => {
        const texts = await Promise.all(uris.map(async (u) => (await vscode.workspace.openTextDocument(u)).getText()));
        return texts.every((x) => !x.includes(whole) && x.includes(whole.slice(0, 4)));
      });
    } finally {
      await vscode.workspace.getConfiguration('simFleet').update('hideIdentifiers', undefined, vscode.ConfigurationTarget.Global);
    }
    // Clean up the kept dismissal for other suites.
    await attention.restore([kept.sim_card_id]);
  });

  it('Delete Fleet History asks first, then deletes every snapshot', async () => {
    const id = api.fleet().account.id;
    assert.ok((await api.attention.history.list(id)).length >= 2);
    api.ui.current = scripted([false]);
    assert.equal(await vscode.commands.executeCommand('simFleet.history.delete'), false);
    assert.ok((await api.attention.history.list(id)).length >= 2, 'declined: nothing deleted');
    api.ui.current = scripted([true]);
    assert.equal(await vscode.commands.executeCommand('simFleet.history.delete'), true);
    assert.deepEqual(await api.attention.history.list(id), []);
  });
});

/// <reference types="mocha" />
// The fleet explorer in a real VS Code against the demo fleet the extension starts: groups and
// their counts, paging with "Load more", filters and sort on the server, find and reveal.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { SimFleetTestApi } from '../../src/testApi';
import type { FleetNode } from '../../src/fleet/nodes/fleetNode';
import type { UiBackend } from '../../src/host/ui';
import { getApi, scripted, setPageSize, withoutAttention } from './helpers';
import { GslClient } from '../../src/gsl/client';
import type { SimDeviceVO, SimStatus } from '../../src/gsl/models';
import { SIM_STATUSES } from '../../src/gsl/models';

const label = (n: FleetNode): string => String(n.getTreeItem().label);

describe('fleet explorer', function () {
  this.timeout(60_000);
  let api: SimFleetTestApi;
  let client: GslClient;
  let originalPrompts: Partial<UiBackend>;
  const expected = new Map<SimStatus, SimDeviceVO[]>();

  before(async () => {
    api = await getApi();
    originalPrompts = api.ui.current;
    await api.accounts.signOutAll();
    await setPageSize(api, 10);
    const demo = await api.accounts.startDemo({ cards: 300, workOrderMs: 200 });
    client = new GslClient({ endpoints: demo.endpoints, credentials: { get: async () => demo.credentials } });
    // The expected grouping, read independently by walking the whole demo fleet once.
    for await (const page of client.iterateSimCards({})) {
      for (const c of page) expected.set(c.sim_status as SimStatus, [...(expected.get(c.sim_status as SimStatus) ?? []), c]);
    }
  });

  after(async () => {
    api.ui.current = originalPrompts;
    api.fleet().model.setFilter({});
    api.fleet().model.setSort(undefined);
    await client.dispose();
    await setPageSize(api, undefined);
  });

  it('activates with the Cards view, its commands and the status bar showing the demo', async () => {
    const commands = await vscode.commands.getCommands(true);
    for (const id of ['simFleet.fleet.refresh', 'simFleet.card.resume', 'simFleet.card.find', 'simFleet.account.signIn']) assert.ok(commands.includes(id), id);
    assert.equal(api.accounts.state, 'demo');
    assert.match(api.statusBarText(), /demo/);
  });

  it('shows one group per status, labelled with the server count', async () => {
    await api.refresh.refreshNow();
    const groups = withoutAttention(await api.tree.getChildren());
    assert.deepEqual(
      groups.map(label),
      SIM_STATUSES.map((s) => `${['Testable', 'Inactive', 'Activatable', 'Deactivated', 'In use', 'Dismantled'][SIM_STATUSES.indexOf(s)]} (${(expected.get(s)?.length ?? 0).toLocaleString()})`),
    );
    assert.equal(api.fleet().model.total(), 300);
  });

  it('loads a group one page at a time, with Load more while pages remain', async () => {
    const status = [...SIM_STATUSES].sort((a, b) => (expected.get(b)?.length ?? 0) - (expected.get(a)?.length ?? 0))[0];
    const total = expected.get(status)?.length ?? 0;
    assert.ok(total > 20);
    const group = api.tree.groupNode(status);
    let children = await api.tree.getChildren(group);
    assert.equal(children.filter((n) => 'card' in n).length, 10);
    const more = children.at(-1) as FleetNode;
    assert.equal(more.getTreeItem().contextValue, 'simFleet.loadMore');
    assert.equal(more.getTreeItem().description, `10 of ${total.toLocaleString()} shown`);
    await vscode.commands.executeCommand('simFleet.group.loadMore', more);
    children = await api.tree.getChildren(group);
    assert.equal(children.filter((n) => 'card' in n).length, 20);
    // Each card node carries the label, status words for screen readers and a regex-matchable context value.
    const item = children[0].getTreeItem();
    assert.equal(api.tree.getParent(children[0]), group);
    assert.match(String(item.accessibilityInformation?.label), /^Card .+, (Testable|Inactive|Activatable|Deactivated|In use|Dismantled)/);
    assert.match(String(item.contextValue), /^simFleet\.card\b/);
    const resolved = await api.tree.resolveTreeItem(item, children[0]);
    const tooltip = resolved?.tooltip as vscode.MarkdownString;
    assert.equal(tooltip.supportHtml, false);
    assert.match(tooltip.value, /ICCID/);
  });

  // An automatic refresh used to collapse every group back to its first page; it must keep the
  // pages the person loaded and show fresh data in them.
  it('an automatic refresh keeps three loaded pages in the tree, with fresh data', async () => {
    const status = 20;
    const total = expected.get(status)?.length ?? 0;
    assert.ok(total > 30, 'a group with more than three pages');
    api.refresh.resetNow();
    await api.fleet().model.loadCounts();
    const group = api.tree.groupNode(status);
    let children = await api.tree.getChildren(group);
    for (let i = 0; i < 2; i++) {
      await vscode.commands.executeCommand('simFleet.group.loadMore', children.at(-1));
      children = await api.tree.getChildren(group);
    }
    const cardsOf = (nodes: FleetNode[]) => nodes.flatMap((n) => ('card' in n ? [(n as unknown as { card: SimDeviceVO }).card] : []));
    const before = cardsOf(children);
    assert.equal(before.length, 30);
    // A colleague stops a card on the second page behind this window's back.
    const stopped = before[15];
    await client.stopSimCard({ sim_card_id: stopped.sim_card_id });
    api.accounts.demo?.simulator.settleWorkOrders();
    // The later tests compare counts with the fleet as read at the start: it has changed.
    const now = await client.showSimCard({ sim_card_id: stopped.sim_card_id });
    expected.set(20, (expected.get(20) ?? []).filter((c) => c.sim_card_id !== stopped.sim_card_id));
    expected.set(14, [...(expected.get(14) ?? []), now]);

    let refreshed = false;
    const watching = api.fleet().model.onDidChange((e) => (refreshed ||= e.status === status));
    await vscode.commands.executeCommand('simFleet.cards.focus');
    await vscode.workspace.getConfiguration('simFleet').update('autoRefreshSeconds', 10, vscode.ConfigurationTarget.Global);
    try {
      for (let i = 0; i < 150 && !refreshed; i++) await new Promise((r) => setTimeout(r, 100));
      assert.ok(refreshed, 'the interval refreshed the group');
    } finally {
      watching.dispose();
      await vscode.workspace.getConfiguration('simFleet').update('autoRefreshSeconds', undefined, vscode.ConfigurationTarget.Global);
    }
    children = await api.tree.getChildren(group);
    const after = cardsOf(children);
    assert.equal(after.length, 30, 'the three pages are still shown');
    assert.equal(String(children.at(-1)?.getTreeItem().description), `30 of ${(total - 1).toLocaleString()} shown`);
    assert.equal(after.some((c) => c.sim_card_id === stopped.sim_card_id), false, 'the stopped card has left: the data is fresh');
    assert.deepEqual(after.slice(0, 15).map((c) => c.sim_card_id), before.slice(0, 15).map((c) => c.sim_card_id), 'the cards before it keep their place');
  });

  it('filters on the server through the filter command, and shows the filter in the view', async () => {
    const seen: string[] = [];
    api.ui.current = scripted(['simType', 3], seen);
    await vscode.commands.executeCommand('simFleet.fleet.filter');
    assert.deepEqual(api.fleet().model.filter, { simType: 3 });
    await api.fleet().model.loadCounts();
    for (const s of SIM_STATUSES) {
      assert.equal(api.fleet().model.group(s).count, (expected.get(s) ?? []).filter((c) => c.sim_type === 3).length, `status ${s}`);
    }
    assert.equal(api.treeView.description, 'Physical card');
    await vscode.commands.executeCommand('simFleet.fleet.clearFilter');
    assert.deepEqual(api.fleet().model.filter, {});
    assert.equal(api.treeView.description, undefined);
  });

  it('refuses a bad MB bound with a message saying what to fix, and filters on a good one', async () => {
    let refusal: string | undefined;
    api.ui.current = scripted([
      'usedMb',
      (o: vscode.InputBoxOptions) => {
        refusal = o.validateInput?.('12.5') as string | undefined;
        return '100';
      },
      '',
    ]);
    await vscode.commands.executeCommand('simFleet.fleet.filter');
    assert.equal(refusal, 'Enter a whole number of MB from 0 to 2147483647');
    assert.deepEqual(api.fleet().model.query(), { min_used_flow: 100 });
    await api.fleet().model.loadCounts();
    const want = [...expected.values()].flat().filter((c) => (c.flow_used ?? 0) >= 100).length;
    assert.equal(api.fleet().model.total(), want);
    api.fleet().model.setFilter({});
  });

  it('sorts each group on the server', async () => {
    api.ui.current = scripted([{ key: 'flow_left', order: 'desc' }]);
    await vscode.commands.executeCommand('simFleet.fleet.sort');
    await api.fleet().model.loadCounts();
    const status = 20;
    const cards = (await api.tree.getChildren(api.tree.groupNode(status))).flatMap((n) => ('card' in n ? [(n as unknown as { card: SimDeviceVO }).card] : []));
    assert.ok(cards.length >= 2);
    const left = cards.map((c) => c.flow_left ?? 0);
    assert.deepEqual(left, [...left].sort((a, b) => b - a));
    assert.match(String(api.treeView.description), /Data left ↓/);
    await vscode.commands.executeCommand('simFleet.fleet.clearFilter');
  });

  it('finds a card by ICCID on a page not yet loaded and reveals it in the tree', async () => {
    api.refresh.resetNow();
    await api.fleet().model.loadCounts();
    const status = [...SIM_STATUSES].sort((a, b) => (expected.get(b)?.length ?? 0) - (expected.get(a)?.length ?? 0))[0];
    const target = (expected.get(status) ?? []).filter((c) => c.sim_type === 3 && c.iccid).at(-1) as SimDeviceVO;
    const found = (await vscode.commands.executeCommand('simFleet.card.find', target.iccid)) as SimDeviceVO | undefined;
    assert.equal(found?.sim_card_id, target.sim_card_id);
    // The selection reaches the extension host as an event after the reveal.
    for (let i = 0; i < 50 && api.treeView.selection.length === 0; i++) await new Promise((r) => setTimeout(r, 100));
    assert.equal(api.treeView.selection.length, 1, api.recentLog().filter((l) => l.includes('reveal')).join('\n'));
    assert.equal((api.treeView.selection[0] as unknown as { card: SimDeviceVO }).card.sim_card_id, target.sim_card_id);
    assert.equal(api.fleet().model.group(status).pagesLoaded, 1, 'only the first page was loaded');
  });

  it('refuses find input that is neither ICCID, IMEI nor MSISDN', async () => {
    let refusal: string | undefined;
    api.ui.current = scripted([
      (o: vscode.InputBoxOptions) => {
        refusal = o.validateInput?.('not a number') as string | undefined;
        return undefined;
      },
    ]);
    assert.equal(await vscode.commands.executeCommand('simFleet.card.find'), undefined);
    assert.match(String(refusal), /ICCID.*IMEI.*MSISDN/);
  });

  it('shows an error node with the plain message and a retry when counting fails', async () => {
    const demo = api.accounts.demo;
    assert.ok(demo);
    demo.simulator.setFaults({ errorRate: 1, errorStatus: 401, errorCode: 'APIGW.0301', pathPattern: '^/v1/sim-cards$' });
    try {
      // Nothing counted yet (a new session, say): the error is all there is to show.
      api.refresh.resetNow();
      const nodes = await api.tree.getChildren();
      assert.equal(nodes.length, 1);
      const item = nodes[0].getTreeItem();
      assert.match(String(item.label), /check your access key and secret key/);
      assert.equal(item.command?.command, 'simFleet.fleet.refresh');
    } finally {
      demo.simulator.setFaults(undefined);
    }
    await vscode.commands.executeCommand('simFleet.fleet.refresh');
    assert.equal(withoutAttention(await api.tree.getChildren()).length, 6);
  });

  it('keeps the fleet on screen when a refresh fails, and says so above it with a retry', async () => {
    const demo = api.accounts.demo;
    assert.ok(demo);
    await api.fleet().model.loadCounts();
    demo.simulator.setFaults({ errorRate: 1, errorStatus: 500, pathPattern: '^/v1/sim-cards$' });
    try {
      await api.refresh.refreshNow();
      const nodes = withoutAttention(await api.tree.getChildren());
      assert.equal(nodes.length, 7, 'a notice and the six groups');
      assert.match(String(nodes[0].getTreeItem().label), /^Could not refresh: The service is busy/);
      assert.equal(nodes[0].getTreeItem().command?.command, 'simFleet.fleet.refresh');
      assert.match(String(nodes[1].getTreeItem().label), /^Testable \(/);
    } finally {
      demo.simulator.setFaults(undefined);
    }
    await vscode.commands.executeCommand('simFleet.fleet.refresh');
    assert.equal(withoutAttention(await api.tree.getChildren()).length, 6);
  });
});

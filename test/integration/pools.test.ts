/// <reference types="mocha" />
// The Pools view in a real VS Code against the demo fleet: flow and back pools as the simulator
// lists them with this cycle's usage, the pool planted near its limit marked, a pool's members
// paged past the first page with their share, a member's card in the Cards view and its detail
// panel, a card's pool shown from the card, and an injected error shown as a node with Retry.
import * as assert from 'node:assert/strict';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { GslClient } from '../../src/gsl/client';
import type { SimDeviceVO } from '../../src/gsl/models';
import { errorMessage } from '../../src/core/errorWords';
import type { AnyPool } from '../../src/core/poolText';
import { poolDescription } from '../../src/core/poolText';
import type { FleetNode } from '../../src/fleet/nodes/fleetNode';
import type { PoolUsagePanel } from '../../src/panels/index';
import type { Snapshot } from '../../src/panels/panelHost';
import type { PoolKindNode, PoolMemberNode, PoolNode } from '../../src/fleet/nodes/poolNodes';
import type { DemoFleet } from '../../src/host/demoFleet';
import type { SimFleetTestApi } from '../../src/testApi';
import { getApi, isError, isMore, label, setPageSize, until } from './helpers';

const PAGE = 10;
// The view's nodes come from the extension's bundle, not from these modules: they are told apart by shape.
const poolsOf = (nodes: FleetNode[]): PoolNode[] => nodes.filter((n): n is PoolNode => 'pool' in n && !('member' in n));
const membersOf = (nodes: FleetNode[]): PoolMemberNode[] => nodes.filter((n): n is PoolMemberNode => 'member' in n);

describe('pools view', function () {
  this.timeout(60_000);
  let api: SimFleetTestApi;
  let demo: DemoFleet;
  let client: GslClient;

  const kinds = async (): Promise<PoolKindNode[]> => (await api.pools.getChildren()) as PoolKindNode[];
  const kind = async (k: 'flow' | 'back'): Promise<PoolKindNode> => (await kinds()).find((n) => n.kind === k)!;

  before(async () => {
    api = await getApi();
    await api.accounts.signOutAll();
    await setPageSize(api, PAGE);
    demo = await api.accounts.startDemo({ cards: 1000, workOrderMs: 200 });
    client = new GslClient({ endpoints: demo.endpoints, credentials: { get: async () => demo.credentials } });
  });
  afterEach(() => demo.simulator.setFaults(undefined));
  after(async () => {
    await client.dispose();
    await setPageSize(api, undefined);
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('lists flow and back pools as the API does, with this cycle\'s usage against the total, and marks the pool near its limit', async () => {
    await vscode.commands.executeCommand('simFleet.pools.refresh');
    assert.deepEqual((await kinds()).map((k) => label(k)), [api.t('Flow pools'), api.t('Back pools')]);
    const flow = poolsOf(await (await kind('flow')).getChildren());
    const back = poolsOf(await (await kind('back')).getChildren());
    const expectedFlow = await client.listSimPools({ limit: PAGE, offset: 1 });
    const expectedBack = await client.listBackPools({ limit: PAGE, offset: 1 });
    assert.deepEqual(flow.map((n) => n.pool.pool.id), expectedFlow.pools.map((p) => p.id));
    assert.deepEqual(back.map((n) => n.pool.pool.id), expectedBack.pools.map((p) => p.id));
    for (const n of flow) {
      const p = expectedFlow.pools.find((x) => x.id === n.pool.pool.id)!;
      assert.equal(label(n), p.pool_name);
      assert.equal(String(n.getTreeItem().description), poolDescription({ kind: 'flow', pool: p }, api.t));
    }
    const risky = demo.simulator.planted().poolAtRisk[0];
    const atRisk = flow.find((n) => n.pool.pool.id === risky.pool_id)!;
    assert.match(String(atRisk.getTreeItem().contextValue), /\bnearLimit\b/);
    assert.equal((atRisk.getTreeItem().iconPath as vscode.ThemeIcon).id, 'warning');
  });

  it('expands a pool into its members with their share, paged past the first page', async () => {
    const pool = poolsOf(await (await kind('flow')).getChildren()).find((n) => (n.pool.pool.quantity ?? 0) > PAGE)!;
    assert.ok(pool, 'a pool with more members than a page');
    let nodes = await pool.getChildren();
    const more = nodes.at(-1);
    assert.ok(isMore(more));
    await vscode.commands.executeCommand('simFleet.list.loadMore', more);
    nodes = await pool.getChildren();
    const cycle = pool.pool.pool.billing_cycle!;
    const [one, two] = await Promise.all([1, 2].map((offset) => client.listSimPoolMembers(pool.pool.pool.id, { billing_cycle: cycle, limit: PAGE, offset })));
    assert.deepEqual(membersOf(nodes).map((m) => m.member.cid), [...one.pool_members, ...two.pool_members].map((m) => m.cid));
    const first = membersOf(nodes)[0];
    const share = Math.round((first.member.flow_used / (pool.pool.pool.flow_used ?? 1)) * 1000) / 10;
    assert.match(String(first.getTreeItem().description), new RegExp(`${share}%`));
  });

  it('shows a member\'s card in the Cards view and its detail panel; from a card, its pool', async () => {
    const pool = poolsOf(await (await kind('flow')).getChildren())[0];
    const member = membersOf(await pool.getChildren())[0];
    const cmd = member.getTreeItem().command!;
    const card = (await vscode.commands.executeCommand(cmd.command, ...(cmd.arguments ?? []))) as SimDeviceVO;
    assert.equal(card.cid, member.member.cid);
    assert.equal(card.sim_pool_id, pool.pool.pool.id);
    await until(() => api.treeView.selection.some((n) => (n as { card?: SimDeviceVO }).card?.sim_card_id === card.sim_card_id));
    await vscode.commands.executeCommand('simFleet.poolMember.openDetail', member);
    const panel = api.panels.detailPanel(api.fleet().account.id, card.sim_card_id);
    assert.ok(panel, 'its detail panel is open');
    panel.dispose();

    const shown = (await vscode.commands.executeCommand('simFleet.card.showPool', { card, accountId: api.fleet().account.id })) as AnyPool;
    assert.equal(shown.pool.id, pool.pool.pool.id);
    await until(() => api.poolsView.selection.some((n) => (n as Partial<PoolNode>).pool?.pool.id === pool.pool.pool.id));
  });

  it('opens a pool\'s usage panel: the last six billing cycles as the simulator has them, in a chart and a table, exported as CSV', async () => {
    const waitForPage = async (panel: PoolUsagePanel, ok: (s: Snapshot) => boolean): Promise<Snapshot> => {
      for (;;) {
        const snap = await panel.snapshot();
        if (ok(snap)) return snap;
        await new Promise((r) => setTimeout(r, 100));
      }
    };
    for (const k of ['flow', 'back'] as const) {
      const pool = poolsOf(await (await kind(k)).getChildren())[0];
      const panel = (await vscode.commands.executeCommand('simFleet.pool.openUsage', pool)) as PoolUsagePanel;
      assert.ok(panel, 'the panel opened');
      await until(() => panel.view.monthly.status === 'ready');
      const view = panel.view.monthly.status === 'ready' ? panel.view.monthly.data : assert.fail('ready');
      // The simulator's own rows for this pool, all six cycles.
      const p = pool.pool.pool;
      const query = { pool_name: p.pool_name, all_billing_cycle: true, limit: 500, offset: 1 };
      const rows = (k === 'flow' ? (await client.listSimPools(query)).pools : (await client.listBackPools(query)).pools).filter((r) => r.id === p.id);
      assert.equal(rows.length, 6);
      const expected = rows.map((r) => ({ cycle: r.billing_cycle!, used: Math.round((r.flow_used ?? 0) * 100) / 100, total: (r as { flow_total?: number }).flow_total })).sort((a, b) => a.cycle.localeCompare(b.cycle));
      assert.deepEqual(view.periods, expected.map((e) => e.cycle));
      assert.deepEqual(view.series[0].values, expected.map((e) => e.used));
      assert.deepEqual(view.series.map((x) => x.label), k === 'flow' ? [api.t('Used'), api.t('Total')] : [api.t('Used')]);
      if (k === 'flow') assert.deepEqual(view.series[1].values, expected.map((e) => Math.round((e.total ?? 0) * 100) / 100));
      // The page: the pool's name as text, the chart, and the table of the same numbers; nothing else of the usage panel.
      const snap = await waitForPage(panel, (s) => s.html.includes('<canvas') && s.text.includes(p.pool_name));
      assert.ok(snap.html.includes(expected[5].cycle), 'the table lists the newest cycle');
      assert.ok(!snap.html.includes('id="month"'), 'no month picker');
      // Locked down like the other panels: nothing but our nonce'd script.
      assert.match(panel.panel.webview.html, /default-src 'none'/);
      assert.match(panel.panel.webview.html, /<script type="module" nonce="[A-Za-z0-9+/=]{16,}"/);
      // CSV: one line per cycle and series.
      const target = vscode.Uri.file(path.join(mkdtempSync(path.join(tmpdir(), 'sim-pool-')), 'pool.csv'));
      await panel.exportCsv(target);
      const lines = readFileSync(target.fsPath, 'utf8').trimEnd().split('\r\n');
      assert.equal(lines.filter((l) => l.startsWith('Monthly,')).length, 6 * view.series.length);
      assert.ok(lines.includes(`Monthly,${p.id},Used,${expected[0].cycle},,${expected[0].used},,`), lines.join('\n'));
      panel.dispose();
    }
  });

  it('brings a pool\'s usage panel back after a reload from the pool it saved, and drops a state that is not a pool', async () => {
    const node = poolsOf(await (await kind('flow')).getChildren())[0];
    const pool = node.pool;
    const opened = (await vscode.commands.executeCommand('simFleet.pool.openUsage', node)) as PoolUsagePanel;
    // What the page keeps is what the serializer is given after a reload.
    const saved = { accountId: api.fleet().account.id, poolKind: 'flow', poolId: pool.pool.id, poolName: pool.pool.pool_name };
    assert.deepEqual((opened as unknown as { identity(): unknown }).identity(), saved);
    opened.dispose();
    const webviewPanel = vscode.window.createWebviewPanel('simFleet.poolUsage', 'restored', vscode.ViewColumn.Active, {});
    await api.panels.restorePoolUsage(webviewPanel, saved);
    const restored = [...api.panels.poolUsagePanels()].find((p) => p.shows(api.fleet().account.id, pool));
    assert.ok(restored, 'the restored panel is tracked');
    await until(() => restored.view.monthly.status === 'ready');
    const view = restored.view.monthly.status === 'ready' ? restored.view.monthly.data : assert.fail('ready');
    assert.equal(view.periods.length, 6, 'six billing cycles read again');
    assert.equal(restored.panel.title, api.t('Pool usage: {0}', pool.pool.pool_name));
    restored.dispose();

    const bad = vscode.window.createWebviewPanel('simFleet.poolUsage', 'bad', vscode.ViewColumn.Active, {});
    let disposed = false;
    bad.onDidDispose(() => (disposed = true));
    await api.panels.restorePoolUsage(bad, { ...saved, poolName: '<img src=x>\n' });
    assert.equal(disposed, true);
  });

  it('shows an injected error as an error node with Retry, and Retry brings the pools back', async () => {
    demo.simulator.setFaults({ errorRate: 1, errorStatus: 403, errorCode: 'APIGW.0302', pathPattern: '^/v1/sim-pools' });
    await vscode.commands.executeCommand('simFleet.pools.refresh');
    const [node, ...rest] = await (await kind('flow')).getChildren();
    assert.equal(rest.length, 0);
    assert.ok(isError(node));
    const expected = await client.listSimPools({ limit: PAGE, offset: 1 }).then(
      () => assert.fail('the fault refuses the call'),
      (e: unknown) => errorMessage(e, api.t),
    );
    assert.equal(label(node), expected);
    // The back pools were read and are still shown.
    assert.ok(poolsOf(await (await kind('back')).getChildren()).length > 0);
    demo.simulator.setFaults(undefined);
    const retry = node.getTreeItem().command!;
    assert.equal(retry.title, api.t('Retry'));
    await vscode.commands.executeCommand(retry.command, ...(retry.arguments ?? []));
    assert.ok(poolsOf(await (await kind('flow')).getChildren()).length > 0);

    // A pool's members fail on their own, with a Retry that reads them again.
    const pool = poolsOf(await (await kind('flow')).getChildren())[0];
    demo.simulator.setFaults({ errorRate: 1, errorStatus: 403, errorCode: 'APIGW.0302', pathPattern: '/members' });
    const [failed] = await pool.getChildren();
    assert.ok(isError(failed));
    demo.simulator.setFaults(undefined);
    const again = failed.getTreeItem().command!;
    await vscode.commands.executeCommand(again.command, ...(again.arguments ?? []));
    assert.ok(membersOf(await pool.getChildren()).length > 0);
  });
});

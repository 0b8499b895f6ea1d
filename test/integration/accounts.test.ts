/// <reference types="mocha" />
// Several accounts at once, in a real VS Code: the demo fleet beside an account on a simulator run
// as its own process. Both fleets come from the same seed, so the same card ids exist in both: an
// action on one account's card must reach that account's server only (the servers' counters prove
// it), and every root, count and status bar summary belongs to its own account.
import * as assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import * as path from 'node:path';
import { createInterface } from 'node:readline';
import * as vscode from 'vscode';
import type { CardActionResult } from '../../src/commands/runCardAction';
import type { SimDeviceVO, WorkOrderVo } from '../../src/gsl/models';
import type { FleetNode } from '../../src/fleet/nodes/fleetNode';
import type { AccountNode } from '../../src/fleet/nodes/accountNode';
import type { CardNode } from '../../src/fleet/nodes/cardNode';
import { DEMO_SEED } from '../../src/host/demoFleet';
import type { UiBackend } from '../../src/host/ui';
import type { SimFleetTestApi } from '../../src/testApi';
import { cardsOf, getApi, label, scripted, withoutAttention } from './helpers';

interface ProcessInfo {
  endpoint: string;
  adminEndpoint: string;
  ak: string;
  sk: string;
  projectId: string;
}

const SIMULATOR_JS = path.join(__dirname, '..', '..', '..', 'dist', 'simulator.js');

async function startSimulatorProcess(cards: number): Promise<{ info: ProcessInfo; child: ChildProcess }> {
  const child = spawn(process.execPath, [SIMULATOR_JS, '--port', '0', '--cards', String(cards), '--seed', String(DEMO_SEED), '--work-order-ms', '200'], { stdio: ['ignore', 'pipe', 'inherit'] });
  const line = await new Promise<string>((resolve, reject) => {
    createInterface({ input: child.stdout! }).once('line', resolve);
    child.once('exit', (code) => reject(new Error(`simulator exited with code ${code}`)));
  });
  return { info: JSON.parse(line) as ProcessInfo, child };
}

async function stopsOn(adminEndpoint: string): Promise<Record<string, number>> {
  const stats = (await (await fetch(`${adminEndpoint}/stats`)).json()) as { cardOperations: Record<string, Record<string, number>> };
  return Object.fromEntries(Object.entries(stats.cardOperations).map(([id, ops]) => [id, ops['POST /v1/sim-cards/{id}/stop'] ?? 0]).filter(([, n]) => (n as number) > 0));
}


describe('several accounts at once', function () {
  this.timeout(90_000);
  let api: SimFleetTestApi;
  let saved: Partial<UiBackend>;
  let other: { info: ProcessInfo; child: ChildProcess };
  let otherId = '';

  before(async () => {
    api = await getApi();
    saved = api.ui.current;
    await api.accounts.signOutAll();
    other = await startSimulatorProcess(120);
    await api.accounts.startDemo({ cards: 120, workOrderMs: 200 });
    api.ui.current = scripted(['aksk', other.info.endpoint, other.info.ak, other.info.sk, other.info.projectId]);
    assert.equal(await vscode.commands.executeCommand('simFleet.account.signIn'), true);
    otherId = api.accounts.all().find((a) => a.kind === 'account')!.id;
  });

  after(async () => {
    api.ui.current = saved;
    await api.accounts.signOutAll();
    other.child.kill('SIGTERM');
    await vscode.workspace.getConfiguration('simFleet').update('endpoint', undefined, vscode.ConfigurationTarget.Global);
  });

  it('shows each account as its own root, with its own status groups and counts', async () => {
    const roots = (await api.tree.getChildren()) as AccountNode[];
    assert.deepEqual(roots.map((r) => r.accountId), ['demo', otherId]);
    assert.match(label(roots[0]), /^demo$/);
    assert.match(label(roots[1]), /^AK /);
    for (const root of roots) {
      const groups = withoutAttention(await api.tree.getChildren(root));
      assert.equal(groups.length, 6, `${label(root)} has its six groups`);
      assert.equal(api.tree.getParent(groups[0]), root, 'a group knows its account root, so reveal works');
      assert.equal(root.fleet.model.total(), 120);
      assert.match(String(root.getTreeItem().description), /120 cards/);
    }
  });

  const roots = () => api.fleets.all();

  it('gives each account its own root in the Work Orders and Pools views, with its own orders and pools', async () => {
    const woRoots = (await api.workOrders.getChildren()) as Array<FleetNode & { accountId: string }>;
    assert.deepEqual(woRoots.map((r) => r.accountId), ['demo', otherId]);
    assert.deepEqual(woRoots.map((r) => label(r)), roots().map((f) => f.account.label));
    for (const root of woRoots) {
      const client = api.fleets.get(root.accountId)!.account.currentClient()!;
      const orders = (await root.getChildren()).filter((n): n is FleetNode & { order: WorkOrderVo } => 'order' in n);
      const expected = await client.listWorkOrders({ limit: 500, offset: 1 });
      assert.ok(orders.length > 0);
      assert.deepEqual(orders.map((o) => o.order.id), expected.work_orders.slice(0, orders.length).map((o) => o.id), root.accountId);
    }
    const poolRoots = (await api.pools.getChildren()) as Array<FleetNode & { accountId: string }>;
    assert.deepEqual(poolRoots.map((r) => r.accountId), ['demo', otherId]);
    for (const root of poolRoots) {
      const kinds = (await root.getChildren()) as Array<FleetNode & { accountId: string }>;
      assert.deepEqual(kinds.map((k) => k.accountId), [root.accountId, root.accountId], 'each kind of pool belongs to its account');
      assert.deepEqual(kinds.map((k) => label(k)), [api.t('Flow pools'), api.t('Back pools')]);
    }
  });

  it('shows one status bar summary per account', async () => {
    for (let i = 0; i < 50 && (api.statusBarText().match(/120 cards/g) ?? []).length < 2; i++) await new Promise((r) => setTimeout(r, 100));
    const text = api.statusBarText();
    assert.match(text, /SIM Fleet demo · 120 cards/);
    assert.match(text, /AK .+ · 120 cards/);
  });

  it('stops the same card id in each account through that account only: each server counts one stop', async () => {
    const picks: CardNode[] = [];
    for (const root of (await api.tree.getChildren()) as AccountNode[]) {
      const inUse = (await api.tree.getChildren(root)).find((g) => label(g).startsWith('In use'))!;
      picks.push(cardsOf(await api.tree.getChildren(inUse))[0]);
    }
    assert.equal(picks[0].card.sim_card_id, picks[1].card.sim_card_id, 'the same seed gives both accounts the same card ids');
    const demoAdmin = api.accounts.demo!.simulator.info.adminEndpoint;
    const before = [await stopsOn(demoAdmin), await stopsOn(other.info.adminEndpoint)];
    api.ui.current = { ...saved, confirm: async () => true };
    const result = (await vscode.commands.executeCommand('simFleet.card.stop', picks[0], picks)) as CardActionResult;
    assert.equal(result.outcomes.filter((o) => o.ok).length, 2);
    await result.finished;
    const after = [await stopsOn(demoAdmin), await stopsOn(other.info.adminEndpoint)];
    const id = picks[0].card.sim_card_id;
    assert.equal((after[0][id] ?? 0) - (before[0][id] ?? 0), 1, 'the demo server got one stop');
    assert.equal((after[1][id] ?? 0) - (before[1][id] ?? 0), 1, "the other account's server got one stop");
    // Each account's own work-order tracker followed its own order.
    for (const root of (await api.tree.getChildren()) as AccountNode[]) assert.equal(root.fleet.tracker.forCard(id).length, 1, label(root));
  });

  it('opens one detail panel per account for the same card id', async () => {
    const card: SimDeviceVO = (await api.fleets.get('demo')!.account.currentClient()!.listSimCards({ limit: 10, offset: 1 })).sim_cards[0];
    const a = api.panels.openCardDetail('demo', card);
    const b = api.panels.openCardDetail(otherId, card);
    assert.notEqual(a, b);
    assert.equal(api.panels.detailPanel('demo', card.sim_card_id), a);
    assert.equal(api.panels.detailPanel(otherId, card.sim_card_id), b);
    a.dispose();
    b.dispose();
  });

  it('signing out of one account leaves the other, and its credentials go', async () => {
    await vscode.commands.executeCommand('simFleet.account.signOut', { accountId: otherId });
    assert.deepEqual(api.accounts.all().map((a) => a.id), ['demo']);
    assert.equal(await api.accounts.hasStoredCredentials(otherId), false);
    // One account left: its groups are the view's roots again.
    const roots = withoutAttention(await api.tree.getChildren());
    assert.equal(roots.length, 6);
    assert.match(label(roots[0]), /^Testable/);
    assert.doesNotMatch(api.statusBarText(), /AK /);
  });
});

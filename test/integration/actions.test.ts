/// <reference types="mocha" />
// Card actions in a real VS Code on the demo fleet: one confirmed request per card, the work
// order followed to its end with the card shown pending, the tree updated (the card changes
// group, counts change), mixed multi-select results summarised, and errors explained.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { CardActionResult } from '../../src/commands/runCardAction';
import type { SimFleetTestApi } from '../../src/testApi';
import type { UiBackend } from '../../src/host/ui';
import { getApi, withoutAttention } from './helpers';
import type { DemoFleet } from '../../src/host/demoFleet';
import { GslClient } from '../../src/gsl/client';
import type { SimDeviceVO } from '../../src/gsl/models';

/** Confirms every action and records the questions asked. */
function confirming(asked: string[]): Partial<UiBackend> {
  const never = async (): Promise<never> => assert.fail('no pick or input expected');
  return {
    confirm: async (message, detail) => {
      asked.push(`${message}\n${detail}`);
      return true;
    },
    pickOne: never,
    pickMany: never,
    input: never,
  };
}

const cardNode = (api: SimFleetTestApi, card: SimDeviceVO) => api.tree.cardNode(card) as NonNullable<ReturnType<SimFleetTestApi['tree']['cardNode']>>;
const ops = (demo: DemoFleet, card: SimDeviceVO, op: string): number => demo.simulator.stats().cardOperations[card.sim_card_id]?.[op] ?? 0;

describe('card actions', function () {
  this.timeout(60_000);
  let api: SimFleetTestApi;
  let demo: DemoFleet;
  let client: GslClient;
  let originalPrompts: Partial<UiBackend>;
  const asked: string[] = [];

  /** Cards the extension has not touched yet, read from the server. */
  async function fresh(status: number, n: number, where: (c: SimDeviceVO) => boolean = () => true): Promise<SimDeviceVO[]> {
    const page = await client.listSimCards({ sim_status: status as 20, limit: 500, offset: 1 });
    const cards = page.sim_cards.filter((c) => c.sim_type === 3 && where(c) && !used.has(c.sim_card_id)).slice(0, n);
    assert.equal(cards.length, n, `the demo fleet has ${n} unused cards in status ${status}`);
    for (const c of cards) used.add(c.sim_card_id);
    return cards;
  }
  const used = new Set<string>();

  before(async () => {
    api = await getApi();
    originalPrompts = api.ui.current;
    await api.accounts.signOutAll();
    demo = await api.accounts.startDemo({ cards: 400, workOrderMs: 200 });
    client = new GslClient({ endpoints: demo.endpoints, credentials: { get: async () => demo.credentials } });
    api.ui.current = confirming(asked);
  });

  after(async () => {
    api.ui.current = originalPrompts;
    await client.dispose();
    await api.accounts.signOutAll();
  });

  it('resumes a deactivated card: one request, pending until its work order ends, then the card moves to In use', async () => {
    const [card] = await fresh(14, 1, (c) => c.operator_status !== 6 && c.operator_status !== 7);
    await api.refresh.refreshNow();
    const before14 = api.fleet().model.group(14).count as number;
    const before20 = api.fleet().model.group(20).count as number;

    // How the card looks the moment its work order starts being followed.
    let pendingItem: vscode.TreeItem | undefined;
    const watching = api.fleet().tracker.onDidChange((o) => {
      if (o.cardId === card.sim_card_id && o.outcome === 'pending' && !pendingItem) pendingItem = cardNode(api, card).getTreeItem();
    });
    const result = (await vscode.commands.executeCommand('simFleet.card.resume', cardNode(api, card))) as CardActionResult;
    watching.dispose();
    assert.match(asked.at(-1) ?? '', new RegExp(`^Resume card ${card.iccid}\\?`));
    assert.equal(result.outcomes.length, 1);
    assert.equal(result.outcomes[0].ok, true);
    assert.ok(pendingItem, 'the card was tracked as pending');
    assert.match(String(pendingItem.contextValue), /\bpending\b/);
    assert.doesNotMatch(String(pendingItem.contextValue), /\bresumable\b/);
    assert.match(String(pendingItem.description), /^pending: Resume/);
    assert.equal((pendingItem.iconPath as vscode.ThemeIcon).id, 'sync~spin');

    const [order] = await result.finished;
    assert.equal(order.status, 4);
    assert.equal(order.outcome, 'succeeded');
    assert.equal(api.fleet().tracker.isPending(card.sim_card_id), false);
    assert.equal(ops(demo, card, 'POST /v1/sim-cards/{id}/reset'), 1);
    assert.equal((await client.showSimCard({ sim_card_id: card.sim_card_id })).sim_status, 20);

    const groups = withoutAttention(await api.tree.getChildren());
    assert.equal(api.fleet().model.group(14).count, before14 - 1);
    assert.equal(api.fleet().model.group(20).count, before20 + 1);
    assert.equal(String(groups[3].getTreeItem().label), `Deactivated (${(before14 - 1).toLocaleString()})`);
  });

  it('stops a multi-selection: skips cards it does not apply to, keeps going past a failure, and summarises', async () => {
    const inUse = await fresh(20, 5);
    const [deactivated] = await fresh(14, 1);
    // One card is stopped behind the extension's back (another console, say): the service then
    // refuses a second stop within 5 minutes, and the extension, which did not start that order,
    // can only say "in about 5 minutes".
    await client.stopSimCard({ sim_card_id: inUse[2].sim_card_id });
    demo.simulator.settleWorkOrders();
    const nodes = [...inUse, deactivated].map((c) => cardNode(api, c));

    const result = (await vscode.commands.executeCommand('simFleet.card.stop', nodes[0], nodes)) as CardActionResult;
    assert.match(asked.at(-1) ?? '', /^Stop 5 cards\?/);
    assert.match(asked.at(-1) ?? '', /1 selected cards are skipped/);
    assert.equal(result.skipped.length, 1);
    assert.equal(result.outcomes.filter((o) => o.ok).length, 4);
    const failed = result.outcomes.filter((o) => !o.ok);
    assert.equal(failed.length, 1);
    assert.equal(failed[0].card.sim_card_id, inUse[2].sim_card_id);
    assert.match(result.summary, new RegExp(`^Stopped 4 of 6 cards\\. 1 failed: ${inUse[2].iccid} — Same operation not allowed again within 5 minutes; try again in about 5 minutes\\.`));
    assert.match(result.summary, /1 skipped/);
    // Exactly one request per confirmed card, none for the skipped one.
    for (const c of inUse.filter((_, i) => i !== 2)) assert.equal(ops(demo, c, 'POST /v1/sim-cards/{id}/stop'), 1);
    assert.equal(ops(demo, deactivated, 'POST /v1/sim-cards/{id}/stop'), 0);
    const orders = await result.finished;
    assert.equal(orders.length, 4);
    assert.ok(orders.every((o) => o.status === 4));
  });

  it('explains the 5-minute rule with the time to try again, known from the tracked work order', async () => {
    const [card] = await fresh(20, 1);
    const first = (await vscode.commands.executeCommand('simFleet.card.stop', cardNode(api, card))) as CardActionResult;
    const [order] = await first.finished;
    const resumed = (await vscode.commands.executeCommand('simFleet.card.resume', cardNode(api, { ...card, sim_status: 14, operator_status: 5 }))) as CardActionResult;
    await resumed.finished;
    const again = (await vscode.commands.executeCommand('simFleet.card.stop', cardNode(api, { ...card, sim_status: 20 }))) as CardActionResult;
    const retryAt = new Date(order.startedAt + 5 * 60 * 1000);
    const hhmm = `${String(retryAt.getHours()).padStart(2, '0')}:${String(retryAt.getMinutes()).padStart(2, '0')}`;
    assert.equal(again.outcomes[0].message, `Same operation not allowed again within 5 minutes; try again after ${hhmm}.`);
    assert.equal(ops(demo, card, 'POST /v1/sim-cards/{id}/stop'), 2);
  });

  it('never retries a mutation: a lost answer is reported as possibly carried out, after one request', async () => {
    const [card] = await fresh(20, 1);
    demo.simulator.setFaults({ resetRate: 1, pathPattern: '/stop$', method: 'POST', times: 1 });
    try {
      const result = (await vscode.commands.executeCommand('simFleet.card.stop', cardNode(api, card))) as CardActionResult;
      assert.equal(result.outcomes[0].ok, false);
      assert.match(String(result.outcomes[0].message), /may have been carried out; refresh the card and check its work orders/);
      assert.equal(ops(demo, card, 'POST /v1/sim-cards/{id}/stop'), 1);
    } finally {
      demo.simulator.setFaults(undefined);
    }
  });

  it('explains documented refusals injected by the simulator (pending suspend order, throttling)', async () => {
    const [a, b] = await fresh(14, 2, (c) => c.operator_status !== 6 && c.operator_status !== 7);
    demo.simulator.setFaults({ errorRate: 1, errorStatus: 403, errorCode: 'GSL.00016010', pathPattern: '/reset$', method: 'POST', times: 1 });
    let result = (await vscode.commands.executeCommand('simFleet.card.resume', cardNode(api, a))) as CardActionResult;
    assert.match(String(result.outcomes[0].message), /unfinished suspend work order; wait until it ends/);
    demo.simulator.setFaults({ errorRate: 1, errorStatus: 429, errorCode: 'APIGW.0308', pathPattern: '/reset$', method: 'POST', times: 1 });
    result = (await vscode.commands.executeCommand('simFleet.card.resume', cardNode(api, b))) as CardActionResult;
    assert.match(String(result.outcomes[0].message), /Too many requests; slow down/);
    demo.simulator.setFaults(undefined);
  });

  it('runs only where the action applies: a resume on an in-use card sends nothing', async () => {
    const [card] = await fresh(20, 1);
    const before = asked.length;
    const result = await vscode.commands.executeCommand('simFleet.card.resume', cardNode(api, card));
    assert.equal(result, undefined);
    assert.equal(asked.length, before, 'no confirmation was asked');
    assert.equal(ops(demo, card, 'POST /v1/sim-cards/{id}/reset'), 0);
  });
});

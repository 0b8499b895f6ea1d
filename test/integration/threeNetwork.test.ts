/// <reference types="mocha" />
// Three-network cards in a real VS Code against the demo fleet: Switch Network and Apply Switch
// Policy go through the one card-action runner (one confirmed request per card, never resent, the
// work order followed, a summary), offered only on three-network cards and only for carriers they
// are not online with; the account's switch policies listed; and a new policy with a bad field
// refused before any request, a good one created with exactly one.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { CardActionResult } from '../../src/commands/runCardAction';
import { ACTION_COMMANDS } from '../../src/core/commandIds';
import { GslClient } from '../../src/gsl/client';
import type { NetworkSwitchPolicyDto, NetworkSwitchPolicyVo, SimDeviceMultiplyVo, SimDeviceVO } from '../../src/gsl/models';
import type { DemoFleet } from '../../src/host/demoFleet';
import type { PickItem, UiBackend } from '../../src/host/ui';
import type { SimFleetTestApi } from '../../src/testApi';
import { getApi, scripted, until } from './helpers';

const SWITCH = 'POST /v1/sim-cards-multiply/{id}/switch-network';
const SET_POLICY = 'POST /v1/sim-cards/{id}/network-switch-policy/set';
const ADD_POLICY = 'POST /v1/network-switch-policies';

describe('three-network cards', function () {
  this.timeout(60_000);
  let api: SimFleetTestApi;
  let demo: DemoFleet;
  let client: GslClient;
  let saved: Partial<UiBackend>;
  let threeNetwork: SimDeviceMultiplyVo[];
  const used = new Set<string>();

  const node = (card: SimDeviceVO) => ({ card, accountId: api.fleet().account.id });
  const vo = (id: string): SimDeviceVO => structuredClone(demo.simulator.store.byCardId(id)!.vo);
  const opCount = (op: string) => demo.simulator.stats().operations[op] ?? 0;
  const cardOps = (id: string, op: string) => demo.simulator.stats().cardOperations[id]?.[op] ?? 0;
  const notices = () => api.ui.notifications.map((n) => n.message);
  /** A three-network card no other test used. */
  const fresh = (): SimDeviceMultiplyVo => {
    const hit = threeNetwork.find((c) => !used.has(c.sim_card_id));
    assert.ok(hit, 'an unused three-network card');
    used.add(hit.sim_card_id);
    return hit;
  };
  const online = async (id: string) => (await client.listSimDeviceMultiply({ sim_card_id: id, limit: 10, offset: 1 })).sim_cards[0];

  async function run(command: string, cards: SimDeviceVO[], answers: unknown[]): Promise<CardActionResult | undefined> {
    api.ui.current = scripted(answers);
    const nodes = cards.map(node);
    const result = (await (nodes.length ? vscode.commands.executeCommand(command, nodes[0], nodes) : vscode.commands.executeCommand(command))) as CardActionResult | undefined;
    assert.equal(answers.length, 0, 'every scripted answer was asked for');
    return result;
  }

  before(async () => {
    api = await getApi();
    saved = api.ui.current;
    await api.accounts.signOutAll();
    demo = await api.accounts.startDemo({ cards: 1000, workOrderMs: 200 });
    client = new GslClient({ endpoints: demo.endpoints, credentials: { get: async () => demo.credentials } });
    threeNetwork = (await client.listSimDeviceMultiply({ limit: 500, offset: 1 })).sim_cards;
    assert.ok(threeNetwork.length >= 4, 'the demo fleet has three-network cards');
  });
  afterEach(() => {
    api.ui.current = saved;
  });
  after(async () => {
    await client.dispose();
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await api.accounts.signOutAll();
  });

  it('switches a three-network card to a carrier it is not online with: one request, its work order followed', async () => {
    const multi = fresh();
    const card = vo(multi.sim_card_id);
    // The tree's menu offers it once the card is known as a three-network card.
    await api.fleet().threeNetwork.of(card.sim_card_id);
    assert.match(String(api.tree.cardNode(card)?.getTreeItem().contextValue), /\bnetworkSwitchable\b/);
    const before = cardOps(card.sim_card_id, SWITCH);
    let offered: string[] = [];
    const target = multi.online_carrier === 3 ? 1 : 3;
    const result = await run(ACTION_COMMANDS.switchNetwork, [card], [
      (items: ReadonlyArray<PickItem<number>>) => {
        offered = items.map((i) => i.label);
        return target;
      },
      true,
    ]);
    assert.ok(result);
    // Only the two carriers the card is not online with.
    const names: Record<number, string> = { 1: 'China Mobile', 2: 'China Telecom', 3: 'China Unicom' };
    assert.deepEqual(offered.sort(), [1, 2, 3].filter((n) => n !== multi.online_carrier).map((n) => names[n]).sort());
    assert.equal(result.requests, 1);
    assert.ok(result.outcomes.every((o) => o.ok), result.summary);
    const orders = await result.finished;
    assert.equal(orders.length, 1);
    assert.equal(orders[0].outcome, 'succeeded');
    assert.equal(cardOps(card.sim_card_id, SWITCH) - before, 1, 'exactly one switch request');
    assert.equal((await online(card.sim_card_id)).online_carrier, target);
    // Read again once its order ended: the tree still offers it, now to the other two carriers.
    assert.equal(api.fleet().threeNetwork.peek(card.sim_card_id)?.online_carrier, target);
    assert.match(String(api.tree.cardNode(card)?.getTreeItem().contextValue), /\bnetworkSwitchable\b/);
  });

  it('refuses Switch Network on a card that is not a three-network card, sending nothing; in a mixed selection sends only for the three-network card', async () => {
    const ids = new Set(threeNetwork.map((c) => c.sim_card_id));
    const plain = demo.simulator.store.allCards().find((c) => c.vo.sim_status === 20 && !ids.has(c.vo.sim_card_id))!.vo;
    const before = opCount(SWITCH);
    const refused = await run(ACTION_COMMANDS.switchNetwork, [structuredClone(plain)], []);
    assert.equal(refused, undefined);
    assert.match(notices().at(-1) ?? '', /Switch Network does not apply to the selected cards/);
    assert.equal(opCount(SWITCH), before, 'no switch request');
    assert.doesNotMatch(String(api.tree.cardNode(plain)?.getTreeItem().contextValue), /\bnetworkSwitchable\b/);

    const multi = fresh();
    const target = multi.online_carrier === 1 ? 2 : 1;
    const result = await run(ACTION_COMMANDS.switchNetwork, [vo(multi.sim_card_id), structuredClone(plain)], [target, true]);
    assert.ok(result);
    assert.equal(result.requests, 1);
    assert.deepEqual(result.skipped.map((c) => c.sim_card_id), [plain.sim_card_id]);
    await result.finished;
    assert.equal(opCount(SWITCH) - before, 1);
  });

  it('from the palette, picks among the account\'s three-network cards only, then switches the one chosen', async () => {
    const multi = fresh();
    let listed: string[] = [];
    const target = multi.online_carrier === 1 ? 3 : 1;
    const before = cardOps(multi.sim_card_id, SWITCH);
    const result = await run(ACTION_COMMANDS.switchNetwork, [], [
      (items: ReadonlyArray<PickItem<SimDeviceMultiplyVo>>) => {
        listed = items.map((i) => i.value.sim_card_id);
        return items.filter((i) => i.value.sim_card_id === multi.sim_card_id).map((i) => i.value);
      },
      target,
      true,
    ]);
    assert.deepEqual(listed.sort(), threeNetwork.map((c) => c.sim_card_id).sort());
    assert.ok(result);
    assert.deepEqual(result.requested.map((c) => c.sim_card_id), [multi.sim_card_id]);
    await result.finished;
    assert.equal(cardOps(multi.sim_card_id, SWITCH) - before, 1);
  });

  it('holds back a card already online with the chosen carrier, with the reason in the summary', async () => {
    const multi = fresh();
    const before = opCount(SWITCH);
    // A scripted answer may name the carrier the card is on (the pick never offers it): nothing is sent.
    const result = await run(ACTION_COMMANDS.switchNetwork, [vo(multi.sim_card_id)], [multi.online_carrier]);
    assert.equal(result, undefined);
    assert.match(notices().at(-1) ?? '', /online with that carrier already/);
    assert.equal(opCount(SWITCH), before);
  });

  it('offers Switch Network in a three-network card\'s detail panel, whose button runs the same path: one request', async () => {
    const multi = fresh();
    const card = vo(multi.sim_card_id);
    const panel = api.panels.openCardDetail(api.fleet().account.id, card);
    // The button appears once the panel has read that the card is a three-network card.
    await until(async () => (await panel.snapshot()).text.includes(api.t('Switch Network')));
    const before = cardOps(card.sim_card_id, SWITCH);
    const target = multi.online_carrier === 2 ? 3 : 2;
    const answers: unknown[] = [target, true];
    api.ui.current = scripted(answers);
    panel.handleMessage({ type: 'runAction', cardId: card.sim_card_id, action: 'switchNetwork' });
    await until(() => cardOps(card.sim_card_id, SWITCH) > before);
    assert.equal(answers.length, 0, 'asked for the carrier and confirmed');
    await until(async () => (await online(card.sim_card_id)).online_carrier === target);
    assert.equal(cardOps(card.sim_card_id, SWITCH) - before, 1);
    panel.dispose();
  });

  it('lists the account\'s switch policies and applies one to a card with one request', async () => {
    const policies = (await client.listNetworkSwitchPolicies({ limit: 500, offset: 1 })).network_switch_policy_list;
    let listed: string[] = [];
    api.ui.current = scripted([
      (items: ReadonlyArray<PickItem<NetworkSwitchPolicyVo>>) => {
        listed = items.map((i) => i.label);
        return items[0].value;
      },
    ]);
    const chosen = (await vscode.commands.executeCommand('simFleet.switchPolicy.list')) as NetworkSwitchPolicyVo | undefined;
    assert.deepEqual(listed, policies.map((p) => p.policy_name));
    assert.equal(chosen?.id, policies[0].id);

    const multi = fresh();
    const policy = policies.find((p) => p.id !== multi.network_switch_policy_id)!;
    const before = cardOps(multi.sim_card_id, SET_POLICY);
    const result = await run(ACTION_COMMANDS.applySwitchPolicy, [vo(multi.sim_card_id)], [(items: ReadonlyArray<PickItem<NetworkSwitchPolicyVo>>) => items.find((i) => i.value.id === policy.id)!.value, true]);
    assert.ok(result);
    assert.equal(result.requests, 1);
    const [order] = await result.finished;
    assert.equal(order.outcome, 'succeeded');
    assert.equal(cardOps(multi.sim_card_id, SET_POLICY) - before, 1);
    assert.equal((await online(multi.sim_card_id)).network_switch_policy_id, policy.id);
  });

  it('refuses a new switch policy with a bad field before any request, and creates a good one with exactly one', async () => {
    const create = async (answers: unknown[]) => {
      api.ui.current = scripted(answers);
      const out = (await vscode.commands.executeCommand('simFleet.switchPolicy.create')) as NetworkSwitchPolicyDto | undefined;
      assert.equal(answers.length, 0, 'every scripted answer was asked for');
      return out;
    };
    const before = opCount(ADD_POLICY);
    // name, edition, preferred, least preferred, strategies, address to ping, switch order, carrier kept off
    assert.equal(await create(['Same carriers', 1, 2, 2, ['weak_signal_switch'], '', '', 0]), undefined);
    assert.match(notices().at(-1) ?? '', /not created: The preferred and the least-preferred carrier must differ/);
    assert.equal(await create(['No strategy', 1, 1, 3, [], '', '', 0]), undefined);
    assert.match(notices().at(-1) ?? '', /needs one of them/);
    assert.equal(await create(['Bad address', 2, 1, 3, [], '1.2.3', '', 0]), undefined);
    assert.match(notices().at(-1) ?? '', /IPv4 address/);
    assert.equal(await create(['Bad order', 1, 1, 3, ['weak_signal_switch'], '', '1,1', 0]), undefined);
    assert.match(notices().at(-1) ?? '', /each carrier once/);
    assert.equal(await create(['Strongest signal', 1, 1, 3, ['weak_signal_switch'], '', '', 0]), undefined);
    assert.match(notices().at(-1) ?? '', /already exists/);
    assert.equal(opCount(ADD_POLICY), before, 'no request for a refused policy');

    const made = await create(['Unicom last', 2, 2, 3, ['auto_switch'], '2001:db8::8', '2,1,3', 3]);
    assert.ok(made);
    assert.equal(opCount(ADD_POLICY) - before, 1, 'exactly one request');
    const all = (await client.listNetworkSwitchPolicies({ limit: 500, offset: 1 })).network_switch_policy_list;
    const stored = all.find((p) => p.policy_name === 'Unicom last');
    assert.ok(stored);
    assert.deepEqual(
      [stored.version, stored.preferred_carrier, stored.least_preferred_carrier, stored.connect_ip, stored.switch_order, stored.blacklist, stored.weak_signal_switch],
      [2, 2, 3, '2001:db8::8', '2,1,3', 3, false],
    );
  });
});

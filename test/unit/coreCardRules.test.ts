// Which action applies to which card is one rule (src/core/cardRules.ts). These tests pin the rule
// itself and prove that every surface that offers actions asks it: the tree's menus (contextValue
// and package.json's `when` clauses), the detail panel's buttons and the commands' own filter —
// for every action, status, card type, carrier and carrier state.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import type { SimDeviceVO, SimStatus, SimType } from '../../src/gsl/models';
import { SIM_STATUSES } from '../../src/gsl/models';
import type { CardAction, CardRecord, CardState, WorkOrderClient } from '../../src/core/cardRules';
import {
  BLOCKED_REASONS,
  CARD_ACTIONS,
  LIFECYCLE_ACTIONS,
  actionApplies,
  alreadyDone,
  whyNotApplicable,
  actionBlockedReasons,
  actionKind,
  actionOffered,
  actionStatuses,
  applicableActions,
  offeredActions,
  sendCardAction,
  targetStatus,
} from '../../src/core/cardRules';
import { inputProblem, inputSkipReason } from '../../src/core/cardInputs';
import { ACTION_COMMANDS } from '../../src/core/commandIds';
import { switchTargets } from '../../src/core/threeNetwork';
import { formatOnly } from '../../src/core/translate';
import { actionsInContextValue, cardContextValue, cardFlags } from '../../src/fleet/contextValue';
import { buildCardDetailView } from '../../src/panels/cardDetailModel';

const card = (over: CardState): CardRecord => ({ sim_card_id: '4710226018477568', ...over });
const SIM_TYPES: SimType[] = [1, 2, 3];
const OPERATOR_STATUSES = [undefined, -1, 1, 5, 6, 7];
/** One ICCID per carrier, and one no rule knows. */
const ICCIDS = { mobile: '89860012345678901234', telecom: '89860312345678901234', unicom: '89860112345678901234', unknown: '89852012345678901234' };
/** The card states the carrier-specific rules read, each way. */
const STATES: Array<CardState> = [
  {},
  // A three-network card online with China Telecom, with a switch policy.
  { threeNetwork: { online_carrier: 2, network_switch_policy_id: '3300000000000001', policy_name: 'Strongest signal' } },
  { cut_net_flag: true, exceed_cut_net_flag: true, sim_pool_id: '4940000000000001', real_named: true, imei_bind_remain_times: 2, tag_names: 'north,vip', customer_attribute2: 'x' },
  { real_named: false, imei_bind_remain_times: 0, sim_pool_id: '4940000000000002' },
];

function* everyCard(): Generator<CardRecord> {
  for (const sim_status of SIM_STATUSES)
    for (const sim_type of SIM_TYPES)
      for (const operator_status of OPERATOR_STATUSES)
        for (const iccid of Object.values(ICCIDS)) for (const state of STATES) yield card({ sim_status, sim_type, operator_status, iccid, cid: iccid, ...state });
}

test('the lifecycle rule: resume deactivated cards the carrier did not suspend for a violation, stop cards in use, activate testable or activatable physical cards', () => {
  const lifecycle = (c: SimDeviceVO) => applicableActions(c).filter((a) => LIFECYCLE_ACTIONS.includes(a));
  assert.deepEqual(lifecycle(card({ sim_status: 20, sim_type: 2 })), ['stop']);
  assert.deepEqual(lifecycle(card({ sim_status: 14, operator_status: 5 })), ['resume']);
  assert.deepEqual(lifecycle(card({ sim_status: 14, operator_status: 6 })), []);
  assert.deepEqual(lifecycle(card({ sim_status: 14, operator_status: 7 })), []);
  assert.deepEqual(lifecycle(card({ sim_status: 10, sim_type: 3 })), ['activate']);
  assert.deepEqual(lifecycle(card({ sim_status: 13, sim_type: 3 })), ['activate']);
  // A testable eSIM: enable is a physical-card operation, so nothing is offered.
  assert.deepEqual(lifecycle(card({ sim_status: 10, sim_type: 2 })), []);
  assert.deepEqual(lifecycle(card({ sim_status: 30, sim_type: 3 })), []);
  assert.deepEqual(applicableActions(card({})), []);
});

test('network, speed, device and real-name actions follow the carrier rules of gsl-api.md', () => {
  const telecom = { sim_status: 20 as const, sim_type: 3 as const, iccid: ICCIDS.telecom, imei_bind_remain_times: 2, real_named: true };
  assert.deepEqual(
    applicableActions(card(telecom)),
    ['stop', 'cutNetwork', 'setUsageCutoff', 'limitSpeed', 'bindImei', 'checkRealName', 'clearRealName', 'addTags', 'setAttribute', 'sendSms'],
  );
  // Network off only when on, on only when off; China Telecom only.
  assert.equal(actionApplies('cutNetwork', card({ ...telecom, cut_net_flag: true })), false);
  assert.equal(actionApplies('restoreNetwork', card({ ...telecom, cut_net_flag: true })), true);
  assert.equal(actionApplies('cutNetwork', card({ ...telecom, iccid: ICCIDS.mobile })), false);
  // Usage cut-off: China Telecom, or a China Unicom / China Mobile card in a pool.
  assert.equal(actionApplies('setUsageCutoff', card({ ...telecom, iccid: ICCIDS.unicom })), false);
  assert.equal(actionApplies('setUsageCutoff', card({ ...telecom, iccid: ICCIDS.unicom, sim_pool_id: '4940000000000002' })), true);
  assert.equal(actionApplies('setUsageCutoff', card({ ...telecom, iccid: ICCIDS.mobile, sim_pool_id: '4940000000000001' })), true);
  assert.equal(actionApplies('cancelUsageCutoff', card(telecom)), false);
  assert.equal(actionApplies('cancelUsageCutoff', card({ ...telecom, exceed_cut_net_flag: true })), true);
  // Speed: physical Telecom and Unicom cards; Unicom only with real-name registration.
  assert.equal(actionApplies('limitSpeed', card({ ...telecom, sim_type: 2 })), false);
  assert.equal(actionApplies('limitSpeed', card({ ...telecom, iccid: ICCIDS.unicom, real_named: false })), false);
  assert.equal(actionApplies('limitSpeed', card({ ...telecom, iccid: ICCIDS.unicom })), true);
  assert.equal(actionApplies('limitSpeed', card({ ...telecom, iccid: ICCIDS.mobile })), false);
  // IMEI rebinds: Telecom while rebinds are left, Mobile always (even suspended for a separation); not Unicom.
  assert.equal(actionApplies('bindImei', card({ ...telecom, imei_bind_remain_times: 0 })), false);
  assert.equal(actionApplies('bindImei', card({ ...telecom, iccid: ICCIDS.mobile, sim_status: 14, operator_status: 7 })), true);
  assert.equal(actionApplies('bindImei', card({ ...telecom, iccid: ICCIDS.unicom })), false);
  // Real-name: check on mainland physical cards; clear on registered Telecom cards.
  assert.equal(actionApplies('checkRealName', card({ ...telecom, iccid: ICCIDS.unknown })), false);
  assert.equal(actionApplies('clearRealName', card({ ...telecom, real_named: false })), false);
  assert.equal(actionApplies('clearRealName', card({ ...telecom, iccid: ICCIDS.mobile })), false);
  // SMS: China Mobile and China Telecom cards in use.
  assert.equal(actionApplies('sendSms', card({ ...telecom, iccid: ICCIDS.unicom })), false);
  assert.equal(actionApplies('sendSms', card({ ...telecom, sim_status: 14 })), false);
  // Tags and attributes: every card; removing or clearing needs something to remove.
  assert.equal(actionApplies('addTags', card({ sim_status: 30, sim_type: 1 })), true);
  assert.equal(actionApplies('removeTags', card({ sim_status: 30, tag_names: 'a' })), true);
  assert.equal(actionApplies('clearAttribute', card({ sim_status: 11, customer_attribute6: 'v' })), true);
});

test('a running work order holds back every action that starts another, and no other', () => {
  const c = card({ sim_status: 20, sim_type: 3, iccid: ICCIDS.telecom, real_named: true, imei_bind_remain_times: 1, tag_names: 'x' });
  assert.deepEqual(offeredActions(c, true), ['checkRealName', 'addTags', 'removeTags', 'setAttribute', 'sendSms']);
  for (const a of CARD_ACTIONS) assert.equal(actionOffered(a, c, true), actionApplies(a, c) && actionKind(a) !== 'workOrder', a);
});

test('each lifecycle action leads where its work order takes the card; the others keep its status', () => {
  assert.deepEqual(LIFECYCLE_ACTIONS.map((a) => targetStatus(a)), [20, 14, 20]);
  assert.deepEqual(LIFECYCLE_ACTIONS.map(actionStatuses), [[14], [20], [10, 13]]);
  assert.equal(targetStatus('cutNetwork', { sim_status: 20 }), 20);
  assert.equal(targetStatus('addTags', { sim_status: 13 }), 13);
});

test('every action\'s card picker lists the statuses it can start from', () => {
  for (const c of everyCard()) {
    for (const a of applicableActions(c)) assert.ok(actionStatuses(a).includes(c.sim_status as SimStatus), `${a} from ${c.sim_status}`);
  }
});

test('the tree menu, the detail panel and the commands offer the same actions for every status, card type, carrier and carrier state', () => {
  const menus = (JSON.parse(readFileSync('package.json', 'utf8')) as { contributes: { menus: Record<string, Array<{ command: string; when?: string }>> } }).contributes.menus['view/item/context'];
  /** The actions package.json's context menu shows for a context value, by evaluating its `viewItem =~ /…/` clauses. */
  const menuActions = (contextValue: string): CardAction[] =>
    CARD_ACTIONS.filter((a) => {
      const entry = menus.find((m) => m.command === ACTION_COMMANDS[a]);
      const regex = /viewItem =~ \/(.+?)\/(?:\s|$)/.exec(entry?.when ?? '')?.[1];
      return regex !== undefined && new RegExp(regex.replace(/\\\\/g, '\\')).test(contextValue);
    });
  let compared = 0;
  const seen = new Set<CardAction>();
  for (const c of everyCard()) {
    for (const pending of [false, true]) {
      const contextValue = cardContextValue(cardFlags(c, pending));
      const tree = actionsInContextValue(contextValue);
      const menu = menuActions(contextValue);
      const panel = buildCardDetailView({ card: c, pending, t: formatOnly }).actions.filter((b) => b.enabled).map((b) => b.action);
      const command = CARD_ACTIONS.filter((a) => actionOffered(a, c, pending));
      const what = `status ${c.sim_status}, type ${c.sim_type}, operator ${c.operator_status}, ICCID ${c.iccid}, state ${JSON.stringify({ ...c, sim_card_id: undefined })}, pending ${pending}`;
      assert.deepEqual(menu, tree, `menu vs contextValue: ${what}`);
      assert.deepEqual(panel, tree, `panel vs tree: ${what}`);
      assert.deepEqual(command, tree, `command vs tree: ${what}`);
      for (const a of tree) seen.add(a);
      compared++;
    }
  }
  assert.equal(compared, SIM_STATUSES.length * SIM_TYPES.length * OPERATOR_STATUSES.length * Object.keys(ICCIDS).length * STATES.length * 2);
  // Every action is offered somewhere in the sweep, so none is compared only as "absent".
  assert.deepEqual([...seen].sort(), [...CARD_ACTIONS].sort());
});

test('a pending card shows its work-order actions in the panel as disabled, and not in the tree', () => {
  const c = card({ sim_status: 20, sim_type: 3, iccid: ICCIDS.mobile });
  assert.deepEqual(
    buildCardDetailView({ card: c, pending: true, t: formatOnly }).actions.map((b) => [b.action, b.enabled]),
    [['stop', false], ['bindImei', false], ['checkRealName', true], ['addTags', true], ['setAttribute', true], ['sendSms', true]],
  );
  assert.deepEqual(actionsInContextValue(cardContextValue(cardFlags(c, true))), ['checkRealName', 'addTags', 'setAttribute', 'sendSms']);
});

test('the panel says why an action the card nearly takes is not offered', () => {
  assert.match(actionBlockedReasons(card({ sim_status: 14, operator_status: 7 })).join(' '), /cannot be resumed/);
  assert.match(actionBlockedReasons(card({ sim_status: 20, iccid: ICCIDS.telecom, imei_bind_remain_times: 0 })).join(' '), /No device rebinds are left/);
  assert.match(actionBlockedReasons(card({ sim_status: 20, sim_type: 3, iccid: ICCIDS.unicom, real_named: false })).join(' '), /real-name/);
  assert.deepEqual(actionBlockedReasons(card({ sim_status: 20, sim_type: 3, iccid: ICCIDS.mobile })), []);
});

test('each work-order action sends its one request with the documented body', async () => {
  const calls: unknown[][] = [];
  const record = (name: string) => async (...a: unknown[]) => (calls.push([name, ...a]), { work_order_id: '1' });
  const fake: WorkOrderClient = {
    resetSimCard: record('reset'),
    stopSimCard: record('stop'),
    enableSimCard: record('enable'),
    startStopNet: record('cut-net'),
    setExceedCutNet: record('exceed-cut-net'),
    setSpeedValue: record('speed-limit'),
    registerImei: record('bind-device'),
    deleteRealName: record('clear-real-name'),
    switchNetwork: async (...a: unknown[]) => (calls.push(['switch-network', ...a]), { work_order_id: '1' }),
    setNetworkSwitchPolicy: async (...a: unknown[]) => (calls.push(['switch-policy', ...a]), { work_order_id: '1' }),
  };
  const ref = { sim_card_id: '42' };
  const workOrderActions = CARD_ACTIONS.filter((a) => actionKind(a) === 'workOrder');
  const inputs = { setUsageCutoff: { quotaMb: '500' }, limitSpeed: { kbps: 7424 }, bindImei: { bindType: 2 as const, imei: '861234567890128' }, switchNetwork: { carrierType: 3 }, applySwitchPolicy: { policyId: '3300000000000002' } };
  for (const a of workOrderActions) await sendCardAction(fake, a, ref, inputs[a as keyof typeof inputs] ?? {});
  assert.deepEqual(calls, [
    ['reset', ref, undefined, undefined],
    ['stop', ref, undefined, undefined],
    ['enable', ref, undefined],
    ['cut-net', ref, { action: 'ADD' }, undefined],
    ['cut-net', ref, { action: 'DEL' }, undefined],
    ['exceed-cut-net', ref, { action: 1, quota: '500' }, undefined],
    ['exceed-cut-net', ref, { action: 2 }, undefined],
    ['speed-limit', ref, { speed_value: 7424 }, undefined],
    ['bind-device', ref, { bind_type: 2, imei: '861234567890128' }, undefined],
    ['clear-real-name', ref, undefined],
    ['switch-network', '42', { carrier_type: 3 }, undefined],
    ['switch-policy', '42', { network_switch_policy_id: '3300000000000002' }, undefined],
  ]);
  await sendCardAction(fake, 'bindImei', ref, { bindType: 1 });
  assert.deepEqual(calls.at(-1), ['bind-device', ref, { bind_type: 1 }, undefined]);
  await assert.rejects(sendCardAction(fake, 'addTags', ref), /does not create a work order/);
});

test('Switch Network and Apply Switch Policy: three-network cards in use only, to a carrier other than the online one', () => {
  const threeNetwork = { online_carrier: 2, network_switch_policy_id: '3300000000000001', policy_name: 'Strongest signal' };
  const inUse = card({ sim_status: 20, sim_type: 3, iccid: ICCIDS.telecom, threeNetwork });
  assert.ok(actionOffered('switchNetwork', inUse, false));
  assert.ok(actionOffered('applySwitchPolicy', inUse, false));
  // The same card not known as a three-network card: neither, and the plan checker is told why.
  const plain = card({ sim_status: 20, sim_type: 3, iccid: ICCIDS.telecom });
  assert.ok(!actionOffered('switchNetwork', plain, false));
  assert.deepEqual(whyNotApplicable('switchNetwork', plain), { why: 'state', blocked: BLOCKED_REASONS.notThreeNetwork });
  // Suspended, or with its work order pending: not offered.
  assert.ok(!actionOffered('switchNetwork', { ...inUse, sim_status: 14 }, false));
  assert.ok(!actionOffered('switchNetwork', inUse, true));
  // Only the carriers it is not online with; the one it is on is held back with a reason.
  assert.deepEqual(switchTargets([inUse]), [1, 3]);
  assert.deepEqual(switchTargets([inUse, { ...inUse, threeNetwork: { ...threeNetwork, online_carrier: 1 } }]), [1, 2, 3]);
  assert.match(inputSkipReason('switchNetwork', inUse, { carrierType: 2 })?.message ?? '', /online with that carrier already/);
  assert.equal(inputSkipReason('switchNetwork', inUse, { carrierType: 3 }), undefined);
  assert.equal(alreadyDone('switchNetwork', inUse, { carrierType: 2 }), true);
  assert.equal(alreadyDone('switchNetwork', inUse, { carrierType: 1 }), false);
  assert.equal(alreadyDone('switchNetwork', plain, { carrierType: 1 }), undefined);
  assert.match(inputSkipReason('applySwitchPolicy', inUse, { policyId: '3300000000000001' })?.message ?? '', /has this policy already/);
  // What the person chose is checked before any request.
  assert.ok(inputProblem('switchNetwork', {}));
  assert.ok(inputProblem('switchNetwork', { carrierType: 4 }));
  assert.equal(inputProblem('switchNetwork', { carrierType: 1 }), undefined);
  assert.ok(inputProblem('applySwitchPolicy', { policyId: 'abc' }));
  assert.equal(inputProblem('applySwitchPolicy', { policyId: '3300000000000002' }), undefined);
});

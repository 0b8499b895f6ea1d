// Which action applies to which card is one rule (src/core/cardRules.ts). These tests pin the rule
// itself and prove that every surface that offers actions asks it: the tree's menus (contextValue
// and package.json's `when` clauses), the detail panel's buttons and the commands' own filter.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import type { SimDeviceVO, SimStatus, SimType } from '../../src/gsl/models';
import { SIM_STATUSES } from '../../src/gsl/models';
import type { CardAction } from '../../src/core/cardRules';
import { CARD_ACTIONS, actionApplies, actionStatuses, applicableActions, sendCardAction, targetStatus } from '../../src/core/cardRules';
import { ACTION_COMMANDS } from '../../src/core/commandIds';
import { formatOnly } from '../../src/core/translate';
import { actionsInContextValue, cardContextValue, cardFlags } from '../../src/fleet/contextValue';
import { buildCardDetailView } from '../../src/panels/cardDetailModel';

const card = (over: Partial<SimDeviceVO>): SimDeviceVO => ({ sim_card_id: '4710226018477568', ...over });
const SIM_TYPES: SimType[] = [1, 2, 3];
const OPERATOR_STATUSES = [undefined, -1, 1, 2, 3, 4, 5, 6, 7];

function* everyCard(): Generator<SimDeviceVO> {
  for (const sim_status of SIM_STATUSES) for (const sim_type of SIM_TYPES) for (const operator_status of OPERATOR_STATUSES) yield card({ sim_status, sim_type, operator_status });
}

test('the rule: resume deactivated cards the carrier did not suspend for a violation, stop cards in use, activate testable or activatable physical cards', () => {
  assert.deepEqual(applicableActions(card({ sim_status: 20, sim_type: 2 })), ['stop']);
  assert.deepEqual(applicableActions(card({ sim_status: 14, operator_status: 5 })), ['resume']);
  assert.deepEqual(applicableActions(card({ sim_status: 14, operator_status: 6 })), []);
  assert.deepEqual(applicableActions(card({ sim_status: 14, operator_status: 7 })), []);
  assert.deepEqual(applicableActions(card({ sim_status: 10, sim_type: 3 })), ['activate']);
  assert.deepEqual(applicableActions(card({ sim_status: 13, sim_type: 3 })), ['activate']);
  // A testable eSIM: enable is a physical-card operation, so nothing is offered.
  assert.deepEqual(applicableActions(card({ sim_status: 10, sim_type: 2 })), []);
  assert.deepEqual(applicableActions(card({ sim_status: 13, sim_type: 1 })), []);
  assert.deepEqual(applicableActions(card({ sim_status: 30, sim_type: 3 })), []);
  assert.deepEqual(applicableActions(card({ sim_status: 11, sim_type: 2 })), []);
  assert.deepEqual(applicableActions(card({})), []);
});

test('each action leads where its work order takes the card, and its card picker lists only the statuses it starts from', () => {
  assert.deepEqual(CARD_ACTIONS.map(targetStatus), [20, 14, 20]);
  assert.deepEqual(CARD_ACTIONS.map(actionStatuses), [[14], [20], [10, 13]]);
  for (const c of everyCard()) {
    for (const a of applicableActions(c)) assert.ok(actionStatuses(a).includes(c.sim_status as SimStatus), `${a} from ${c.sim_status}`);
  }
});

test('the tree menu, the detail panel and the commands offer the same actions for every status, card type and carrier state', () => {
  const menus = (JSON.parse(readFileSync('package.json', 'utf8')) as { contributes: { menus: Record<string, Array<{ command: string; when?: string }>> } }).contributes.menus['view/item/context'];
  /** The actions package.json's context menu shows for a context value, by evaluating its `viewItem =~ /…/` clauses. */
  const menuActions = (contextValue: string): CardAction[] =>
    CARD_ACTIONS.filter((a) => {
      const entry = menus.find((m) => m.command === ACTION_COMMANDS[a]);
      const regex = /viewItem =~ \/(.+?)\/(?:\s|$)/.exec(entry?.when ?? '')?.[1];
      return regex !== undefined && new RegExp(regex.replace(/\\\\/g, '\\')).test(contextValue);
    });
  let compared = 0;
  for (const c of everyCard()) {
    for (const pending of [false, true]) {
      const contextValue = cardContextValue(cardFlags(c, pending));
      const tree = actionsInContextValue(contextValue);
      const menu = menuActions(contextValue);
      const panel = buildCardDetailView({ card: c, pending, t: formatOnly }).actions.filter((b) => b.enabled).map((b) => b.action);
      const command = pending ? [] : CARD_ACTIONS.filter((a) => actionApplies(a, c));
      const what = `status ${c.sim_status}, type ${c.sim_type}, operator ${c.operator_status}, pending ${pending}`;
      assert.deepEqual(menu, tree, `menu vs contextValue: ${what}`);
      assert.deepEqual(panel, tree, `panel vs tree: ${what}`);
      assert.deepEqual(command, tree, `command vs tree: ${what}`);
      compared++;
    }
  }
  assert.equal(compared, SIM_STATUSES.length * SIM_TYPES.length * OPERATOR_STATUSES.length * 2);
});

test('a pending card shows its actions in the panel as disabled, and none in the tree', () => {
  const c = card({ sim_status: 20, sim_type: 3 });
  assert.deepEqual(buildCardDetailView({ card: c, pending: true, t: formatOnly }).actions.map((b) => [b.action, b.enabled]), [['stop', false]]);
  assert.deepEqual(actionsInContextValue(cardContextValue(cardFlags(c, true))), []);
});

test('each action sends its one request, and leaves down_up_switch to the client', async () => {
  const calls: unknown[][] = [];
  const fake = {
    resetSimCard: async (...a: unknown[]) => (calls.push(['reset', ...a]), { work_order_id: '1' }),
    stopSimCard: async (...a: unknown[]) => (calls.push(['stop', ...a]), { work_order_id: '2' }),
    enableSimCard: async (...a: unknown[]) => (calls.push(['enable', ...a]), { work_order_id: '3' }),
  };
  for (const a of CARD_ACTIONS) await sendCardAction(fake, a, { sim_card_id: '42' });
  assert.deepEqual(calls, [
    ['reset', { sim_card_id: '42' }, undefined, undefined],
    ['stop', { sim_card_id: '42' }, undefined, undefined],
    ['enable', { sim_card_id: '42' }, undefined],
  ]);
});

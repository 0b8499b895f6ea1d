import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { SimDeviceVO } from '../../src/gsl/models';
import { ACTION_FLAGS, cardContextValue, cardFlags } from '../../src/fleet/contextValue';
import { CARD_ACTIONS, actionApplies } from '../../src/core/cardRules';

const card = (over: Partial<SimDeviceVO>): SimDeviceVO => ({ sim_card_id: '4710226018477568', sim_type: 3, ...over });
const TELECOM = '89860312345678901234';
const MOBILE = '89860012345678901234';

// package.json menus match these words with /\bword\b/, so the exact words are the contract.
test('a deactivated physical card is resumable, and can be tagged and given attribute values like every card', () => {
  assert.equal(cardContextValue(cardFlags(card({ sim_status: 14, operator_status: 5 }), false)), 'simFleet.card resumable taggable attributeSettable physical');
});

test('China Mobile cards suspended for violation or separation (operator_status 6, 7) cannot be resumed, but can be rebound', () => {
  for (const operator_status of [6, 7]) {
    const flags = cardFlags(card({ sim_status: 14, operator_status, iccid: MOBILE }), false);
    assert.deepEqual(flags.actions, ['bindImei', 'checkRealName', 'addTags', 'setAttribute']);
  }
});

test('in-use cards are stoppable; testable and activatable physical cards are activatable', () => {
  assert.equal(cardContextValue(cardFlags(card({ sim_status: 20 }), false)), 'simFleet.card stoppable taggable attributeSettable physical');
  assert.equal(cardContextValue(cardFlags(card({ sim_status: 10 }), false)), 'simFleet.card activatable taggable attributeSettable physical');
  assert.equal(cardContextValue(cardFlags(card({ sim_status: 13 }), false)), 'simFleet.card activatable taggable attributeSettable physical');
});

test('a China Telecom card in use carries every network flag its state allows', () => {
  const c = card({ sim_status: 20, iccid: TELECOM, real_named: true, imei_bind_remain_times: 2, tag_names: 'vip', customer_attribute1: 'x' });
  assert.equal(
    cardContextValue(cardFlags(c, false)),
    'simFleet.card stoppable netCuttable cutoffSettable speedLimitable imeiBindable realNameCheckable realNameClearable taggable untaggable attributeSettable attributeClearable smsSendable physical',
  );
});

test('eSIM and vSIM cards are never offered activation (enable is a physical-card operation)', () => {
  assert.equal(cardContextValue(cardFlags(card({ sim_status: 13, sim_type: 2 }), false)), 'simFleet.card taggable attributeSettable');
  assert.equal(actionApplies('activate', card({ sim_status: 10, sim_type: 1 })), false);
});

test('a card with a running work order offers no action that starts another, and says pending', () => {
  assert.equal(cardContextValue(cardFlags(card({ sim_status: 20 }), true)), 'simFleet.card taggable attributeSettable pending physical');
});

test('dismantled and inactive cards offer no lifecycle action', () => {
  for (const sim_status of [11, 30] as const) {
    for (const action of ['resume', 'stop', 'activate'] as const) assert.equal(actionApplies(action, card({ sim_status })), false);
  }
});

test('no flag word is a prefix of another, so a regex on one never matches the other', () => {
  const all = cardContextValue({ actions: [...CARD_ACTIONS], pending: true, physical: true, pinned: true }).split(' ');
  assert.equal(new Set(Object.values(ACTION_FLAGS)).size, CARD_ACTIONS.length);
  for (const a of all) for (const b of all) if (a !== b) assert.equal(new RegExp(`\\b${a}\\b`).test(b), false);
});

test('a card Needs attention names offers Dismiss; a dismissed one offers Restore; one known only from a snapshot offers no action yet', () => {
  const c = card({ sim_status: 14, operator_status: 5 });
  const needs = cardContextValue(cardFlags(c, false, false, { attention: 'needs' }));
  assert.match(needs, /^simFleet\.card\b.*\battention\b/);
  assert.doesNotMatch(needs, /\bdismissed\b/);
  assert.match(cardContextValue(cardFlags(c, false, false, { attention: 'dismissed' })), /^simFleet\.card\b.*\bdismissed\b/);
  assert.match(cardContextValue(cardFlags(c, false)), /\bresumable\b/);
  assert.doesNotMatch(cardContextValue(cardFlags(c, false, false, { partial: true })), /\bresumable\b/);
});

import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { SimDeviceVO } from '../../src/gsl/models';
import { cardContextValue, cardFlags } from '../../src/fleet/contextValue';
import { actionApplies } from '../../src/core/cardRules';

const card = (over: Partial<SimDeviceVO>): SimDeviceVO => ({ sim_card_id: '4710226018477568', sim_type: 3, ...over });

// package.json menus match these words with /\bword\b/, so the exact words are the contract.
test('a deactivated physical card is resumable and nothing else', () => {
  assert.equal(cardContextValue(cardFlags(card({ sim_status: 14, operator_status: 5 }), false)), 'simFleet.card resumable physical');
});

test('China Mobile cards suspended for violation or separation (operator_status 6, 7) cannot be resumed', () => {
  for (const operator_status of [6, 7]) {
    const flags = cardFlags(card({ sim_status: 14, operator_status }), false);
    assert.deepEqual(flags.actions, []);
    assert.equal(cardContextValue(flags), 'simFleet.card physical');
  }
});

test('in-use cards are stoppable; testable and activatable physical cards are activatable', () => {
  assert.equal(cardContextValue(cardFlags(card({ sim_status: 20 }), false)), 'simFleet.card stoppable physical');
  assert.equal(cardContextValue(cardFlags(card({ sim_status: 10 }), false)), 'simFleet.card activatable physical');
  assert.equal(cardContextValue(cardFlags(card({ sim_status: 13 }), false)), 'simFleet.card activatable physical');
});

test('eSIM and vSIM cards are never offered activation (enable is a physical-card operation)', () => {
  assert.equal(cardContextValue(cardFlags(card({ sim_status: 13, sim_type: 2 }), false)), 'simFleet.card');
  assert.equal(actionApplies('activate', card({ sim_status: 10, sim_type: 1 })), false);
});

test('a card with a running work order offers no action and says pending', () => {
  assert.equal(cardContextValue(cardFlags(card({ sim_status: 20 }), true)), 'simFleet.card pending physical');
});

test('dismantled and inactive cards offer no lifecycle action', () => {
  for (const sim_status of [11, 30] as const) {
    for (const action of ['resume', 'stop', 'activate'] as const) assert.equal(actionApplies(action, card({ sim_status })), false);
  }
});

test('no flag word is a prefix of another, so a regex on one never matches the other', () => {
  const all = cardContextValue({ actions: ['resume', 'stop', 'activate'], pending: true, physical: true, pinned: true }).split(' ');
  for (const a of all) for (const b of all) if (a !== b) assert.equal(new RegExp(`\\b${a}\\b`).test(b), false);
});

// The simulator plants cards that need attention; the rules live in the core, which the
// simulator may not import. These tests hold the two together: every card meets exactly the
// rules it was planted for, on any day of a month, and the planting constants keep a margin
// from the rules' defaults.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  CARD_REASONS,
  DAY_MS,
  DEFAULT_ATTENTION_SETTINGS as S,
  assessSilent,
  assessSpike,
  carrierSuspension,
  clockAt,
  expiresSoon,
  forecastCycle,
  overPlanBy,
} from '../../src/core/attention/index';
import type { CardReason } from '../../src/core/attention/index';
import { monthOf } from '../../src/simulator/dates';
import { startSimulator } from '../../src/simulator/index';
import { plantedTruth } from '../../src/simulator/planted';
import { FleetStore } from '../../src/simulator/store';
import { PLANTING, dailyUsage } from '../../src/simulator/usage';

/** Every rule of the core applied to every card, from the simulator's own data. */
function meetsRules(store: FleetStore, nowMs: number): Record<CardReason, string[]> {
  const out: Record<CardReason, string[]> = { willRunOut: [], overPlan: [], expiresSoon: [], silent: [], spike: [], suspended: [] };
  const clock = clockAt(nowMs);
  for (let i = 0; i < store.size; i++) {
    const card = store.card(i);
    const vo = card.vo;
    if (overPlanBy(vo) !== undefined) out.overPlan.push(vo.sim_card_id);
    if (expiresSoon(vo, nowMs, S)) out.expiresSoon.push(vo.sim_card_id);
    if (carrierSuspension(vo)) out.suspended.push(vo.sim_card_id);
    if (vo.sim_status !== 20) continue;
    const month = monthOf(clock.today);
    const last = dailyUsage(card, month - 1).map(([, mb]) => mb);
    // What the API gives: this month up to yesterday.
    const current = dailyUsage(card, month).filter(([t]) => t < clock.today).map(([, mb]) => mb);
    const series = { first: clock.retentionStart, values: [...last, ...current] };
    if (assessSilent(series, clock, S).state === 'yes') out.silent.push(vo.sim_card_id);
    if (assessSpike(series, clock, S).state === 'yes') out.spike.push(vo.sim_card_id);
    if (clock.elapsedDays >= S.minCycleDays) {
      const f = forecastCycle({ dailyMb: current, totalMb: vo.flow_used! + vo.flow_left!, cycle: clock.cycle, today: clock.today, usedMb: vo.flow_used!, halfLifeDays: S.forecastHalfLifeDays });
      if (f.willRunOut) out.willRunOut.push(vo.sim_card_id);
    }
  }
  return out;
}

const DAYS = [
  ['mid-month', Date.UTC(2025, 4, 17, 9, 30)],
  ['4th of a month', Date.UTC(2025, 5, 4, 7)],
  ['1st of a month', Date.UTC(2025, 5, 1, 0, 30)],
  ['last day of February, leap year', Date.UTC(2024, 1, 29, 22)],
  ['last day of a 31-day month', Date.UTC(2025, 6, 31, 12)],
] as const;

for (const [name, now] of DAYS) {
  test(`${name}: the cards meeting each rule are exactly the cards planted for it`, () => {
    const store = new FleetStore({ seed: 11, size: 4000, nowMs: now });
    const truth = plantedTruth(store, now);
    const met = meetsRules(store, now);
    for (const reason of CARD_REASONS) assert.deepEqual([...met[reason]].sort(), [...truth.reasons[reason]].sort(), reason);
  });
}

test('the planted reasons come in realistic proportions: a few percent each', () => {
  const now = Date.UTC(2025, 4, 17, 9, 30);
  const store = new FleetStore({ seed: 20240115, size: 20_000, nowMs: now });
  const truth = plantedTruth(store, now);
  for (const reason of ['willRunOut', 'overPlan', 'expiresSoon', 'silent', 'spike'] as const) {
    const share = truth.reasons[reason].length / store.size;
    assert.ok(share >= 0.01 && share <= 0.06, `${reason}: ${(share * 100).toFixed(1)}%`);
  }
  // Every card suspended in the status mix (about 10%) is suspended by the carrier or the customer.
  assert.equal(truth.reasons.suspended.length, store.statusCount(14));
  assert.equal(truth.poolAtRisk.length, 1, 'one of the two forward pools');
});

test('the planting keeps a margin from the rules\' defaults', () => {
  assert.ok(PLANTING.silentDays[0] > S.silentDays);
  assert.ok(PLANTING.spikeFactor[0] > S.spikeFactor);
  assert.ok(PLANTING.spikeMinMb > S.spikeMinMb);
  assert.equal(PLANTING.spikeWithinDays, S.spikeRecentDays);
  assert.ok(PLANTING.expiresInDays[1] < S.expiresWithinDays && PLANTING.ordinaryExpiryMinDays > S.expiresWithinDays);
  assert.equal(PLANTING.minForecastDays, S.minCycleDays);
  // An ordinary card at its fastest, on its busiest days, stays under the run-out candidate share.
  assert.ok(PLANTING.ordinaryPace[1] * (1 + PLANTING.noise) < S.runOutCandidateShare);
});

test('the admin endpoint lists the planted truth; the GSL API does not serve it', async () => {
  const now = Date.UTC(2025, 4, 17, 9, 30);
  const sim = await startSimulator({ cards: 1000, seed: 20240115, now: () => now });
  try {
    const r = await fetch(`${sim.info.adminEndpoint}/planted`);
    assert.equal(r.status, 200);
    const body = (await r.json()) as ReturnType<typeof sim.planted>;
    assert.deepEqual(body, JSON.parse(JSON.stringify(sim.planted())));
    assert.equal(body.day, '2025-05-17');
    assert.ok(body.reasons.willRunOut.length > 0 && body.poolAtRisk.length === 1);
    assert.notEqual((await fetch(`${sim.info.endpoint}/v1/planted`)).status, 200);
  } finally {
    await sim.close();
  }
});

test('a card changed through the API is judged by what it is now', async () => {
  const now = Date.UTC(2025, 4, 17, 9, 30);
  const store = new FleetStore({ seed: 20240115, size: 2000, nowMs: now });
  const truth = plantedTruth(store, now);
  const silentId = truth.reasons.silent[0];
  const card = store.edit(store.byCardId(silentId)!);
  card.vo.sim_status = 14;
  card.vo.operator_status = 5;
  store.touch(card);
  const after = plantedTruth(store, now);
  assert.ok(!after.reasons.silent.includes(silentId), 'no longer in use: not silent');
  assert.ok(after.reasons.suspended.includes(silentId), 'suspended now');
  assert.equal(now - (now % DAY_MS), store.today);
});

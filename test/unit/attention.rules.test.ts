import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  DAY_MS,
  DEFAULT_ATTENTION_SETTINGS,
  assessSilent,
  assessSpike,
  attentionSettings,
  carrierSuspension,
  clockAt,
  cycleOf,
  expiresSoon,
  forecastCycle,
  overPlanBy,
  parseDayKey,
  runOutCandidate,
} from '../../src/core/attention/index';
import type { DailySeries } from '../../src/core/attention/index';

const S = DEFAULT_ATTENTION_SETTINGS;
// 17 May 2025: sixteen days of May have data, fifteen are left (today included).
const NOW = Date.UTC(2025, 4, 17, 9, 30);
const clock = clockAt(NOW);
const day = (y: number, m: number, d: number) => Date.UTC(y, m - 1, d);

test('the clock: today, yesterday, the cycle so far and left, and how far back daily usage is kept', () => {
  assert.equal(clock.today, day(2025, 5, 17));
  assert.equal(clock.yesterday, day(2025, 5, 16));
  assert.deepEqual(clock.cycle, { start: day(2025, 5, 1), end: day(2025, 5, 31), days: 31 });
  assert.equal(clock.elapsedDays, 16);
  assert.equal(clock.remainingDays, 15);
  assert.equal(clock.retentionStart, day(2025, 4, 1));
  const first = clockAt(Date.UTC(2024, 2, 1, 0, 5));
  assert.equal(first.elapsedDays, 0, 'on the 1st the cycle has no days yet');
  assert.equal(first.retentionStart, day(2024, 2, 1));
  assert.equal(cycleOf(day(2024, 2, 10)).days, 29, 'leap February');
  assert.equal(parseDayKey('20250516'), day(2025, 5, 16));
  assert.equal(parseDayKey('2025-05-16'), day(2025, 5, 16));
  assert.equal(parseDayKey('20250231'), undefined);
});

test('over plan: negative data left, by how much', () => {
  assert.equal(overPlanBy({ flow_left: -12.345 }), 12.35);
  assert.equal(overPlanBy({ flow_left: 0 }), undefined);
  assert.equal(overPlanBy({ flow_left: 5 }), undefined);
  assert.equal(overPlanBy({ flow_left: null }), undefined);
});

test('expires soon: within the window from now, not already expired, not dismantled', () => {
  const at = (days: number) => new Date(NOW + days * DAY_MS).toISOString();
  assert.deepEqual(expiresSoon({ sim_status: 20, expire_time: at(10.5) }, NOW, S), { expiresAt: Date.parse(at(10.5)), daysLeft: 10 });
  assert.ok(expiresSoon({ sim_status: 14, expire_time: at(29.9) }, NOW, S));
  assert.equal(expiresSoon({ sim_status: 20, expire_time: at(30.1) }, NOW, S), undefined);
  assert.equal(expiresSoon({ sim_status: 20, expire_time: at(-1) }, NOW, S), undefined, 'already expired');
  assert.equal(expiresSoon({ sim_status: 30, expire_time: at(5) }, NOW, S), undefined, 'dismantled');
  assert.equal(expiresSoon({ sim_status: 20, expire_time: null }, NOW, S), undefined);
  assert.ok(expiresSoon({ sim_status: 20, expire_time: at(40) }, NOW, { expiresWithinDays: 45 }), 'the window is a setting');
});

test('suspended: operator_status set and not normal, with the words for it', () => {
  assert.equal(carrierSuspension({ operator_status: -1 }), undefined);
  assert.equal(carrierSuspension({ operator_status: null }), undefined);
  assert.deepEqual(carrierSuspension({ operator_status: 5 }), { operatorStatus: 5, words: 'Suspended by the customer' });
  assert.deepEqual(carrierSuspension({ operator_status: 1 }), { operatorStatus: 1, words: 'Suspended: data used up' });
  assert.equal(carrierSuspension({ operator_status: 42 })?.words, 'Unknown');
});

test('run-out candidates: in use, data left, a linear pace near the plan or a recent rate that gets there', () => {
  // 16 of 31 days: 60 MB used of 100 projects 116 MB.
  assert.ok(runOutCandidate({ sim_status: 20, flow_used: 60, flow_left: 40 }, clock, S));
  // 30 MB projects 58 MB: not a candidate, unless its recent days run at 3 MB a day (30 + 45 = 75).
  assert.equal(runOutCandidate({ sim_status: 20, flow_used: 30, flow_left: 70 }, clock, S), false);
  assert.ok(runOutCandidate({ sim_status: 20, flow_used: 30, flow_left: 70 }, clock, S, 3));
  assert.equal(runOutCandidate({ sim_status: 20, flow_used: 120, flow_left: -20 }, clock, S), false, 'already over: over plan instead');
  assert.equal(runOutCandidate({ sim_status: 14, flow_used: 90, flow_left: 10 }, clock, S), false, 'not in use');
  assert.equal(runOutCandidate({ sim_status: 20, flow_used: 90, flow_left: 10 }, clockAt(Date.UTC(2025, 4, 3)), S), false, 'two days are too few for a forecast');
});

/** Daily MB from 1 April 2025 (the start of what the API keeps on 17 May) to 16 May. */
function series(values: (number | undefined)[], first = day(2025, 4, 1)): DailySeries {
  return { first, values: values.map((v) => (v === undefined ? NaN : v)) };
}
const april = (mb: number) => Array<number>(30).fill(mb);
const may = (...days: number[]) => days;

test('silent: no traffic on each of the last seven days, traffic before', () => {
  const quiet = series([...april(2), ...may(2, 2, 2, 2, 2, 2, 2, 2, 2), ...Array<number>(7).fill(0)]);
  assert.deepEqual(assessSilent(quiet, clock, S), { state: 'yes', detail: { since: day(2025, 5, 10), days: 7 } });
  const six = series([...april(2), ...may(2, 2, 2, 2, 2, 2, 2, 2, 2, 2), ...Array<number>(6).fill(0)]);
  assert.deepEqual(assessSilent(six, clock, S), { state: 'no' }, 'six days is not seven');
  const never = series([...april(0), ...Array<number>(16).fill(0)]);
  assert.deepEqual(assessSilent(never, clock, S), { state: 'no' }, 'never had traffic: not silent');
  // Only May known, all zero: the traffic before may be in April, which the API still keeps.
  const mayOnly: DailySeries = { first: day(2025, 5, 1), values: Array<number>(16).fill(0) };
  assert.deepEqual(assessSilent(mayOnly, clock, S), { state: 'needMore' });
  const recentTraffic: DailySeries = { first: day(2025, 5, 1), values: [...Array<number>(15).fill(0), 0.01] };
  assert.deepEqual(assessSilent(recentTraffic, clock, S), { state: 'no' }, 'decided without April');
  assert.deepEqual(assessSilent(quiet, clock, { silentDays: 8 }), { state: 'no' }, 'the days are a setting');
});

test('spike: a recent day at least 5× the card\'s own median day and at least 10 MB', () => {
  const base = [...april(2), ...may(2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2)];
  assert.deepEqual(assessSpike(series([...base, 2, 12, 2]), clock, S), { state: 'yes', detail: { day: day(2025, 5, 15), mb: 12, baselineMb: 2, factor: 6 } });
  assert.deepEqual(assessSpike(series([...base, 2, 9, 2]), clock, S), { state: 'no' }, 'under 10 MB');
  const busy = [...april(3), ...may(3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3)];
  assert.deepEqual(assessSpike(series([...busy, 14, 3, 3]), clock, S), { state: 'no' }, 'under 5× a 3 MB median');
  assert.deepEqual(assessSpike(series([...busy, 16, 3, 3]), clock, S).state, 'yes', 'relative to the card, not a fixed threshold');
  // Only May known: the baseline reaches into April, so a big day needs April; a small one does not.
  const mayOnly = (last: number): DailySeries => ({ first: day(2025, 5, 1), values: [...Array<number>(15).fill(2), last] });
  assert.deepEqual(assessSpike(mayOnly(30), clock, S), { state: 'needMore' });
  assert.deepEqual(assessSpike(mayOnly(5), clock, S), { state: 'no' });
  assert.equal(assessSpike(series([...base, 2, 12, 2]), clock, { ...S, spikeFactor: 7 }).state, 'no', 'the factor is a setting');
});

test('the forecast: cumulative usage, a recency-weighted rate, the run-out date and its range', () => {
  const cycle = clock.cycle;
  // 10 MB a day for 16 days of a 250 MB plan: 160 used, 90 left, 9 days to go at 10 a day.
  const f = forecastCycle({ dailyMb: Array<number>(16).fill(10), totalMb: 250, cycle, today: clock.today });
  assert.equal(f.usedMb, 160);
  assert.equal(f.leftMb, 90);
  assert.equal(f.rateMb, 10);
  assert.equal(f.daysLeft, 9);
  assert.equal(f.runOutDate, day(2025, 5, 25), 'the 9th day from today (17th) is the 25th');
  assert.equal(f.earliestDate, f.runOutDate, 'no spread: the range is the date itself');
  assert.equal(f.latestDate, f.runOutDate);
  assert.ok(f.willRunOut);
  assert.equal(f.projectedMb, 160 + 10 * 15);
  assert.equal(f.cumulative.length, 16);
  assert.deepEqual(f.cumulative[15], { day: day(2025, 5, 16), mb: 160 });
  assert.equal(f.projection.length, 16, 'from yesterday to the 31st');
  assert.deepEqual(f.projection[0], { day: day(2025, 5, 16), mb: 160, lowMb: 160, highMb: 160 });
  assert.equal(f.projection[15].day, day(2025, 5, 31));
  assert.equal(f.projection[15].mb, 310);
});

test('the forecast weighs recent days more, and gives a range when days vary', () => {
  const cycle = clock.cycle;
  const rising = [...Array<number>(11).fill(2), ...Array<number>(5).fill(12)];
  const f = forecastCycle({ dailyMb: rising, totalMb: 150, cycle, today: clock.today });
  const mean = rising.reduce((a, b) => a + b, 0) / rising.length;
  assert.ok(f.rateMb > mean, `recent days count more: ${f.rateMb} > ${mean}`);
  assert.ok(f.rateMb < 12);
  assert.ok(f.lowRateMb < f.rateMb && f.rateMb < f.highRateMb);
  assert.ok(f.willRunOut);
  assert.ok(f.earliestDate! < f.runOutDate!);
  assert.equal(f.latestDate, undefined, 'at the low rate it lasts past the cycle');
  assert.ok(f.projectedLowMb < f.projectedMb && f.projectedMb < f.projectedHighMb);
  assert.ok(f.projection.every((p) => p.lowMb <= p.mb && p.mb <= p.highMb));
});

test('the forecast: a card within its plan does not run out; one already out has no date', () => {
  const cycle = clock.cycle;
  const calm = forecastCycle({ dailyMb: Array<number>(16).fill(1), totalMb: 100, cycle, today: clock.today });
  assert.equal(calm.willRunOut, false);
  assert.equal(calm.runOutDate, undefined);
  assert.equal(calm.daysLeft, 84);
  const over = forecastCycle({ dailyMb: Array<number>(16).fill(10), totalMb: 100, cycle, today: clock.today });
  assert.equal(over.willRunOut, false, 'already over its plan');
  assert.equal(over.daysLeft, 0);
  const one = forecastCycle({ dailyMb: [10], totalMb: 100, cycle, today: day(2025, 5, 2) });
  assert.equal(one.lowRateMb, 5, 'one day: ±50%');
  assert.equal(one.highRateMb, 15);
  const listed = forecastCycle({ dailyMb: Array<number>(16).fill(10), totalMb: 250, cycle, today: clock.today, usedMb: 170 });
  assert.equal(listed.usedMb, 170, 'the list\'s flow_used wins over the sum of the days');
  assert.equal(listed.runOutDate, day(2025, 5, 24));
});

test('settings: defaults, and out-of-range or missing values clamped or ignored', () => {
  assert.deepEqual(attentionSettings(), DEFAULT_ATTENTION_SETTINGS);
  const s = attentionSettings({ expiresWithinDays: 45, silentDays: 0, spikeFactor: 'x', runOutCandidateShare: 2, requestConcurrency: 3.6 });
  assert.equal(s.expiresWithinDays, 45);
  assert.equal(s.silentDays, 1);
  assert.equal(s.spikeFactor, 5);
  assert.equal(s.runOutCandidateShare, 1);
  assert.equal(s.requestConcurrency, 4);
});

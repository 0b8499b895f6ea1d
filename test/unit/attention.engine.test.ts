// The engine against the simulator, scored against what the simulator planted: both the first
// run (no history: every card in use is fetched) and a run with the fleet's past days as
// snapshots (only the candidates the history points at are fetched).
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { GslClient } from '../../src/gsl/index';
import type { AttentionProgress, AttentionResult } from '../../src/core/attention/index';
import { DAY_MS, attentionSettings, buildUsageHistory, runAttention } from '../../src/core/attention/index';
import { startSimulator } from '../../src/simulator/index';
import type { RunningSimulator } from '../../src/simulator/index';
import { pastSnapshots, scoreAgainst, scoreTable } from './helpers/attention';

function clientOf(sim: RunningSimulator, now: number): GslClient {
  const i = sim.info;
  return new GslClient({ endpoints: { gsl: i.endpoint, iam: i.iamEndpoint }, credentials: { get: async () => ({ kind: 'aksk', ak: i.ak, sk: i.sk, projectId: i.projectId }) }, now: () => now });
}

function assertScores(t: { diagnostic(m: string): void }, title: string, result: AttentionResult, sim: RunningSimulator): void {
  const scores = scoreAgainst(result, sim.planted());
  // The figures the issue asks for, one line each so every reporter shows them as they are.
  for (const line of scoreTable(title, scores).split('\n')) t.diagnostic(line);
  for (const s of scores) {
    assert.ok(s.planted > 0, `${s.reason}: the simulator planted some`);
    assert.ok(s.precision >= 0.95, `${s.reason}: precision ${s.precision.toFixed(3)}`);
    assert.ok(s.recall >= 0.95, `${s.reason}: recall ${s.recall.toFixed(3)}`);
  }
}

describe('Needs attention on a 20,000-card fleet, mid-month', () => {
  // 17 May 2025: 16 days of May have data; the silent and spike baselines reach into April.
  const NOW = Date.UTC(2025, 4, 17, 9, 30);
  let sim: RunningSimulator;
  let client: GslClient;
  let first: AttentionResult;

  before(async () => {
    sim = await startSimulator({ cards: 20_000, seed: 20240115, now: () => NOW });
    client = clientOf(sim, NOW);
  });
  after(async () => {
    await client.dispose();
    await sim.close();
  });

  test('without history: precision and recall at least 0.95 for every reason', async (t) => {
    const progress: AttentionProgress[] = [];
    first = await runAttention(client, { now: () => NOW, onProgress: (p) => progress.push(p) });
    assertScores(t, 'Needs attention vs planted, 20,000 cards, no history:', first, sim);
    assert.equal(first.stats.usedHistory, false);
    assert.equal(first.stats.cards, 20_000);
    assert.equal(first.snapshot.size, 20_000);
    const inUse = sim.store.statusCount(20);
    assert.equal(first.stats.candidates.silent, inUse, 'the first run reads every card in use');
    assert.equal(progress.at(-1)?.phase, 'done');
    assert.ok(progress.some((p) => p.phase === 'scan') && progress.some((p) => p.phase === 'usage'));
    assert.ok(progress.every((p, i) => i === 0 || p.cardsScanned >= progress[i - 1].cardsScanned));
  });

  test('with the fleet\'s past days as snapshots: the same verdicts from a fraction of the requests', async (t) => {
    const settings = attentionSettings();
    const history = buildUsageHistory(pastSnapshots(sim.store, 10), NOW - (NOW % DAY_MS) - DAY_MS, settings);
    assert.ok(history);
    const withHistory = await runAttention(client, { now: () => NOW, history });
    assertScores(t, 'Needs attention vs planted, 20,000 cards, 10 days of history:', withHistory, sim);
    assert.equal(withHistory.stats.usedHistory, true);
    const requests = (r: AttentionResult) => r.stats.usageRequests.thisMonth + r.stats.usageRequests.lastMonth;
    t.diagnostic(`daily-usage requests: ${requests(first)} without history, ${requests(withHistory)} with`);
    assert.ok(requests(withHistory) * 5 < requests(first), `${requests(withHistory)} requests with history against ${requests(first)} without`);
    assert.deepEqual(withHistory.counts, first.counts);
  });

  test('the details: forecasts with a range inside the cycle, how far over, since when, how big a spike, the carrier\'s words', () => {
    const cycleEnd = Date.UTC(2025, 4, 31);
    for (const c of first.cards('willRunOut')) {
      const d = c.reasons.find((r) => r.reason === 'willRunOut');
      assert.ok(d?.reason === 'willRunOut');
      const f = d.forecast;
      assert.ok(f.runOutDate >= Date.UTC(2025, 4, 17) && f.runOutDate <= cycleEnd);
      assert.ok(f.earliestDate !== undefined && f.earliestDate <= f.runOutDate);
      assert.ok(f.latestDate === undefined || f.latestDate >= f.runOutDate);
      assert.ok(f.leftMb > 0 && f.projectedMb >= f.totalMb && f.daysLeft !== null);
    }
    for (const c of first.cards('overPlan')) {
      const d = c.reasons.find((r) => r.reason === 'overPlan');
      assert.ok(d?.reason === 'overPlan' && d.overByMb > 0 && Math.abs(d.overByMb + (c.flow_left ?? 0)) < 0.005);
    }
    for (const c of first.cards('silent')) {
      const d = c.reasons.find((r) => r.reason === 'silent');
      assert.ok(d?.reason === 'silent' && d.days >= 7 && d.since <= Date.UTC(2025, 4, 10));
    }
    for (const c of first.cards('spike')) {
      const d = c.reasons.find((r) => r.reason === 'spike');
      assert.ok(d?.reason === 'spike' && d.mb >= 10 && d.day >= Date.UTC(2025, 4, 14) && (d.factor === null || d.factor >= 5));
    }
    const suspended = first.cards('suspended');
    assert.ok(suspended.every((c) => c.reasons.some((r) => r.reason === 'suspended' && r.words.startsWith('Suspended'))));
    const some = suspended[0];
    assert.deepEqual(first.card(some.sim_card_id), some);
    assert.equal(first.card('1'), undefined);
  });

  test('the pool at risk, with the members driving it', () => {
    const [pool] = first.pools;
    const [planted] = sim.planted().poolAtRisk;
    assert.equal(pool.poolId, planted.pool_id);
    assert.ok(pool.projectedMb > pool.totalMb);
    assert.deepEqual(pool.drivers.map((d) => d.sim_card_id), planted.drivers);
    assert.ok(pool.drivers.every((d, i) => i === 0 || pool.drivers[i - 1].flowUsedMb >= d.flowUsedMb));
  });

  test('a run can be cancelled, and says so', async () => {
    const controller = new AbortController();
    const run = runAttention(client, {
      now: () => NOW,
      signal: controller.signal,
      onProgress: (p) => {
        if (p.cardsScanned >= 1000) controller.abort(new Error('stopped by the test'));
      },
    });
    await assert.rejects(run);
  });
});

describe('Needs attention early in a month, when the baselines lie in the month before', () => {
  // 4 June: three days of June; silent windows and spike baselines need May.
  const NOW = Date.UTC(2025, 5, 4, 7);
  let sim: RunningSimulator;
  let client: GslClient;

  before(async () => {
    sim = await startSimulator({ cards: 5_000, seed: 7, now: () => NOW });
    client = clientOf(sim, NOW);
  });
  after(async () => {
    await client.dispose();
    await sim.close();
  });

  test('both paths find what was planted', async (t) => {
    const first = await runAttention(client, { now: () => NOW });
    assertScores(t, 'Needs attention vs planted, 5,000 cards on 4 June, no history:', first, sim);
    assert.ok(first.stats.usageRequests.lastMonth > 0, 'last month was asked for');
    const history = buildUsageHistory(pastSnapshots(sim.store, 10), Date.UTC(2025, 5, 3), attentionSettings());
    const second = await runAttention(client, { now: () => NOW, history });
    assertScores(t, 'Needs attention vs planted, 5,000 cards on 4 June, 10 days of history:', second, sim);
    assert.deepEqual(second.counts, first.counts);
  });
});

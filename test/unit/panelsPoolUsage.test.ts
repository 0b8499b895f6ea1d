// A pool's usage panel shows its last six billing cycles (src/panels/poolUsageModel.ts): these pin
// the series it builds from the pool rows, and that only the pool's own rows are read.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { BackPoolVO, ListSimPoolsQuery, SimPoolVO } from '../../src/gsl/models';
import type { AnyPool } from '../../src/core/poolText';
import { formatOnly } from '../../src/core/translate';
import { buildPoolCyclesView, loadPoolCycles } from '../../src/panels/poolUsageModel';

const flow = (cycle: string, used: number, total = 1000, id = '7'): SimPoolVO => ({ id, pool_name: 'North', billing_cycle: cycle, flow_used: used, flow_total: total });

test('a flow pool: cycles oldest first, used and total per cycle, whatever order the rows come in', () => {
  const pool: AnyPool = { kind: 'flow', pool: flow('2026-11', 0) };
  const rows = ['2026-11', '2026-06', '2026-09', '2026-07', '2026-10', '2026-08'].map((c, i) => flow(c, 100 + i + 0.004));
  const view = buildPoolCyclesView(pool, rows, formatOnly);
  assert.deepEqual(view.periods, ['2026-06', '2026-07', '2026-08', '2026-09', '2026-10', '2026-11']);
  assert.deepEqual(view.series.map((s) => s.label), ['Used', 'Total']);
  assert.deepEqual(view.series[0].values, [101, 103, 105, 102, 104, 100]);
  assert.deepEqual(view.series[1].values, [1000, 1000, 1000, 1000, 1000, 1000]);
  assert.equal(view.series[0].total, 615);
});

test('a back pool has no total: one series', () => {
  const back: BackPoolVO = { id: '9', pool_name: 'South', billing_cycle: '202611', flow_used: 12.5 };
  const view = buildPoolCyclesView({ kind: 'back', pool: back }, [back], formatOnly);
  assert.deepEqual(view.periods, ['2026-11']);
  assert.deepEqual(view.series.map((s) => [s.label, s.values]), [['Used', [12.5]]]);
});

test('reads every cycle of the pool with all_billing_cycle, keeping only its own rows (names match by part)', async () => {
  const asked: ListSimPoolsQuery[] = [];
  const client = {
    listSimPools: async (q: ListSimPoolsQuery) => (asked.push(q), { limit: 500, offset: 1, count: 3, pools: [flow('2026-11', 1), flow('2026-11', 2, 10, '8'), flow('2026-10', 3)] }),
    listBackPools: async () => assert.fail('a flow pool reads flow pools'),
  };
  const rows = await loadPoolCycles(client, { kind: 'flow', pool: flow('2026-11', 1) });
  assert.deepEqual(rows.map((r) => r.flow_used), [1, 3]);
  assert.deepEqual(asked, [{ pool_name: 'North', all_billing_cycle: true, limit: 500, offset: 1 }]);
});

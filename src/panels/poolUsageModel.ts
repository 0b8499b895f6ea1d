/**
 * The pool usage panel's reads and view: a pool's last six billing cycles (ListSimPools /
 * ListBackPools with `all_billing_cycle`) as a series the usage panel's chart, table and CSV show.
 * No `vscode`.
 */
import type { GslApi } from '../gsl/api';
import type { BackPoolVO, SimPoolVO } from '../gsl/models';
import type { AnyPool } from '../core/poolText';
import type { Translate } from '../core/translate';
import type { SeriesView } from './protocol';
import { normalizeCycle, round2 } from './format';

const PAGE = 500;

/** Every row the service gives for the pool over its last six billing cycles (the name narrows the list; the id picks the pool). */
export async function loadPoolCycles(client: Pick<GslApi, 'listSimPools' | 'listBackPools'>, pool: AnyPool): Promise<Array<SimPoolVO | BackPoolVO>> {
  const out: Array<SimPoolVO | BackPoolVO> = [];
  const query = { pool_name: pool.pool.pool_name, all_billing_cycle: true, limit: PAGE };
  for (let offset = 1; ; offset++) {
    const page = pool.kind === 'flow' ? await client.listSimPools({ ...query, offset }) : await client.listBackPools({ ...query, offset });
    out.push(...page.pools.filter((p) => p.id === pool.pool.id));
    if (page.pools.length < PAGE || offset * PAGE >= page.count) return out;
  }
}

/** The cycles oldest first: used per cycle, and for a flow pool its total (a back pool has none). */
export function buildPoolCyclesView(pool: AnyPool, rows: ReadonlyArray<SimPoolVO | BackPoolVO>, t: Translate): SeriesView {
  const byCycle = new Map<string, SimPoolVO | BackPoolVO>();
  for (const r of rows) if (r.billing_cycle) byCycle.set(normalizeCycle(r.billing_cycle), r);
  const periods = [...byCycle.keys()].sort();
  const line = (label: string, valueOf: (r: SimPoolVO | BackPoolVO) => number | undefined) => {
    const values = periods.map((p) => round2(valueOf(byCycle.get(p)!) ?? 0));
    return { cardId: pool.pool.id, label, values, total: round2(values.reduce((a, b) => a + b, 0)) };
  };
  const series = [line(t('Used'), (r) => r.flow_used)];
  if (pool.kind === 'flow') series.push(line(t('Total'), (r) => (r as SimPoolVO).flow_total));
  return { periods, series };
}

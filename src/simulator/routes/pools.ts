/**
 * Forward and backward data pools (gsl-api.md 2.4, 3.7). Members are the cards whose
 * `sim_pool_id` names the pool; pool usage is the sum of its members' month usage, so the
 * pool and card views agree. A forward pool's total is its plan's allowance per member,
 * except for the pool planted at risk (see `FleetStore.poolTotal`).
 */
import type { BackPoolMemVO, BackPoolVO, PoolMemVO, SimPoolVO } from '../../gsl/models';
import type { SimContext } from '../context';
import type { PoolSeed } from '../generator';
import type { RequestCtx, Route } from '../http';
import { ok } from '../http';
import { badBillingCycle, badParam, notFound } from '../errors';
import { isoTime, monthDashed, monthOf, monthStart, parseMonth } from '../dates';
import type { MonthNo } from '../dates';
import { monthUsage } from '../usage';
import { asId } from '../validate';

/** Member indexes, in generation order. */
function members(sim: SimContext, pool: PoolSeed): Int32Array {
  return sim.store.poolMembers(pool.id);
}

function cycle(sim: SimContext, s: string | undefined): MonthNo {
  const current = monthOf(sim.now());
  if (s === undefined || s === '') return current;
  const m = s.length <= 7 ? parseMonth(s, true) : undefined;
  if (m === undefined) throw badBillingCycle(`${s} is not a YYYY-MM month`);
  if (m > current || m < current - 5) throw badBillingCycle(`${s} is not one of the last six billing cycles`);
  return m;
}

function cycles(sim: SimContext, q: RequestCtx['query']): MonthNo[] {
  const one = cycle(sim, q.str('billing_cycle', 7));
  if (!q.bool('all_billing_cycle')) return [one];
  const current = monthOf(sim.now());
  return [0, 1, 2, 3, 4, 5].map((k) => current - k);
}

function poolSummary(sim: SimContext, pool: PoolSeed, m: MonthNo) {
  const store = sim.store;
  const rows = members(sim, pool);
  const now = sim.now();
  const used = store.poolUsed(pool.id, m);
  let activated = 0;
  let inactive = 0;
  let disassembled = 0;
  const orderIds: string[] = [];
  for (let k = 0; k < rows.length; k++) {
    const s = store.statusOf(rows[k]);
    if (s === 20 || s === 14) activated++;
    else if (s === 10 || s === 11 || s === 13) inactive++;
    else if (s === 30) disassembled++;
    // Batches are contiguous index ranges, so a batch's members are consecutive here.
    const order = store.orderIdOf(rows[k]);
    if (orderIds[orderIds.length - 1] !== order) orderIds.push(order);
  }
  const base = {
    id: pool.id,
    pool_name: pool.pool_name,
    price_plan_name: pool.plan.price_plan_name,
    price_plan_id: pool.plan.price_plan_id,
    effective_time: isoTime(monthStart(monthOf(now) - 14)),
    expired_time: isoTime(monthStart(monthOf(now) + 10)),
    billing_cycle: monthDashed(m),
    flow_used: used,
    quantity: rows.length,
    modify_time: isoTime(monthStart(monthOf(now))),
    order_id: store.batches[0].order_id,
    activated_sim_quantity: activated,
    inactive_sim_quantity: inactive,
    disassembled_sim_quantity: disassembled,
    order_ids: orderIds.join(','),
  };
  return { base, total: store.poolTotal(pool.id), used };
}

function findPool(sim: SimContext, idParam: string, kind: 'forward' | 'back'): PoolSeed {
  const id = asId(idParam);
  if (id === undefined) throw badParam('pool id must be a non-negative integer');
  const pool = sim.store.pools.find((p) => p.id === id && p.kind === kind);
  if (!pool) throw notFound(`pool ${id}`);
  return pool;
}

function listPools(kind: 'forward' | 'back') {
  return (ctx: RequestCtx) => {
    const q = ctx.query;
    const { limit, offset } = q.paging();
    const name = q.str('pool_name', 100);
    const ms = cycles(ctx.sim, q);
    const statuses = kind === 'forward' ? q.ints('status', 0, 1, 10) : undefined;
    const rows: Array<SimPoolVO | BackPoolVO> = [];
    for (const pool of ctx.sim.store.pools) {
      if (pool.kind !== kind || (name && !pool.pool_name.includes(name))) continue;
      for (const m of ms) {
        const { base, total, used } = poolSummary(ctx.sim, pool, m);
        if (kind === 'forward') {
          const row: SimPoolVO = { ...base, flow_total: total, flow_left: Math.round((total - used) * 100) / 100, status: 1 };
          if (!statuses || statuses.includes(1)) rows.push(row);
        } else {
          rows.push({ ...base, pool_status: 2, status_time: base.modify_time } as BackPoolVO);
        }
      }
    }
    return ok({ limit, offset, count: rows.length, pools: rows.slice((offset - 1) * limit, offset * limit) });
  };
}

function listMembers(kind: 'forward' | 'back') {
  return (ctx: RequestCtx) => {
    const pool = findPool(ctx.sim, ctx.params.pool_id, kind);
    const q = ctx.query;
    const { limit, offset } = q.paging();
    const cid = q.str('cid', 128);
    const billing = q.str('billing_cycle', 7);
    if (billing === undefined || billing === '') throw badParam('billing_cycle is required');
    const m = cycle(ctx.sim, billing);
    const store = ctx.sim.store;
    let rows = members(ctx.sim, pool);
    if (cid) rows = rows.filter((i) => store.card(i).vo.cid.includes(cid));
    const page = Array.from(rows.subarray(Math.min(rows.length, (offset - 1) * limit), Math.min(rows.length, offset * limit)), (i) => store.card(i));
    const pool_members = page.map((c): PoolMemVO | BackPoolMemVO => {
      const row: PoolMemVO = { id: pool.id, cid: c.vo.cid, sim_price_plan_id: c.vo.sim_price_plan_id ?? undefined, flow_used: monthUsage(c, m) ?? 0 };
      return kind === 'back' ? { ...row, sim_status: c.vo.sim_status } : row;
    });
    return ok({ limit, offset, count: rows.length, pool_members });
  };
}

export const poolRoutes: Route[] = [
  { method: 'GET', pattern: '/v1/sim-pools', auth: 'gsl', handler: listPools('forward') },
  { method: 'GET', pattern: '/v1/sim-pools/{pool_id}/members', auth: 'gsl', handler: listMembers('forward') },
  { method: 'GET', pattern: '/v1/back-pools', auth: 'gsl', handler: listPools('back') },
  { method: 'GET', pattern: '/v1/back-pools/{pool_id}/members', auth: 'gsl', handler: listMembers('back') },
];

/**
 * Usage reads for many cards, split to the API's per-request limits and sent in parallel.
 * No `vscode`: the usage panel and the benchmark share it.
 */
import type { CallOptions, GslApi } from '../gsl/api';
import { DAILY_USAGE_MAX_CARDS, MONTH_USAGE_MAX_CARDS, PLAN_USAGE_MAX_CARDS } from '../gsl/limits';
import type { Id, MonthUsageVo, SimCardFlowPerDayRsp, SimCardsFlowVo, SimPricePlanVO } from '../gsl/models';

/** gsl-api.md 5.4: batch-daily-flow ≤ 100 cards, month-usages ≤ 500, plan usage batch-query ≤ 50. */
export const DAILY_BATCH = DAILY_USAGE_MAX_CARDS;
export const MONTHLY_BATCH = MONTH_USAGE_MAX_CARDS;
export const PLAN_BATCH = PLAN_USAGE_MAX_CARDS;

export function chunk<T>(items: readonly T[], size: number): T[][] {
  if (!Number.isInteger(size) || size < 1) throw new RangeError(`chunk size must be a positive integer, got ${size}`);
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

/** Distinct ids in first-seen order, so one card never costs two slots of a batch. */
function distinct(ids: readonly Id[]): Id[] {
  return [...new Set(ids)];
}

/** Daily traffic of `cardIds` for `month` (YYYYMM), one response entry per date with every card's flow. */
export async function loadDailyUsage(
  client: Pick<GslApi, 'listSimCardFlowPerDay'>,
  cardIds: readonly Id[],
  month: string,
  opts?: CallOptions,
): Promise<SimCardFlowPerDayRsp[]> {
  const parts = await Promise.all(chunk(distinct(cardIds), DAILY_BATCH).map((ids) => client.listSimCardFlowPerDay({ sim_card_ids: ids, month }, opts)));
  const byDate = new Map<string, SimCardFlowPerDayRsp>();
  for (const part of parts) {
    for (const day of part) {
      const merged = byDate.get(day.date);
      if (merged) merged.sim_flow.push(...day.sim_flow);
      else byDate.set(day.date, { date: day.date, sim_flow: [...day.sim_flow] });
    }
  }
  return [...byDate.values()].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
}

/** Monthly traffic of `cardIds` for `cycles` (YYYY-MM, at most six incl. the current month). */
export async function loadMonthlyUsage(
  client: Pick<GslApi, 'showMonthUsages'>,
  cardIds: readonly Id[],
  cycles: readonly string[],
  opts?: CallOptions,
): Promise<MonthUsageVo[]> {
  const parts = await Promise.all(
    chunk(distinct(cardIds), MONTHLY_BATCH).map((ids) => client.showMonthUsages({ sim_card_ids: ids, billing_cycles: [...cycles] }, opts)),
  );
  return parts.flatMap((p) => p.month_usages);
}

/** Current plan usage of physical cards (ListFlowBySimCards). */
export async function loadPlanUsage(client: Pick<GslApi, 'listFlowBySimCards'>, cardIds: readonly Id[], opts?: CallOptions): Promise<SimCardsFlowVo[]> {
  const parts = await Promise.all(chunk(distinct(cardIds), PLAN_BATCH).map((ids) => client.listFlowBySimCards({ sim_card_ids: ids }, opts)));
  return parts.flat();
}

/** Plans subscribed on one card, with live figures. */
export async function loadCardPlans(client: Pick<GslApi, 'listSimPricePlans'>, cardId: Id, opts?: CallOptions): Promise<SimPricePlanVO[]> {
  return client.listSimPricePlans({ sim_card_id: cardId, real_time: true, limit: 50, offset: 1 }, opts);
}

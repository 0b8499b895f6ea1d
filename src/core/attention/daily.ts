/**
 * Daily usage as the attention rules and the forecast read it: ListSimCardFlowPerDay answers
 * turned into one series per card over a cycle's days. One home for reading those answers, so
 * the engine and the panels' forecast agree day by day. Pure, no Node APIs.
 */
import type { SimCardFlowPerDayRsp } from '../../gsl/models';
import type { Cycle } from './days';
import { DAY_MS, parseDayKey } from './days';

/**
 * Each card's MB per day of `cycle`, for its first `days` days (0 where the answer has no entry:
 * the API leaves out days without traffic). Entries for other cards, or dates outside those
 * days, are ignored.
 */
export function dailyMbByCard(rsp: readonly SimCardFlowPerDayRsp[], cardIds: Iterable<string>, cycle: Cycle, days: number): Map<string, Float64Array> {
  const out = new Map<string, Float64Array>();
  for (const id of cardIds) out.set(id, new Float64Array(days));
  for (const day of rsp) {
    const t = parseDayKey(String(day.date));
    if (t === undefined) continue;
    const k = Math.round((t - cycle.start) / DAY_MS);
    if (k < 0 || k >= days) continue;
    for (const item of day.sim_flow ?? []) {
      const series = out.get(String(item.sim_card_id));
      if (series && typeof item.flow === 'number') series[k] = item.flow;
    }
  }
  return out;
}

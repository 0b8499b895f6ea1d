/** ShowMonthUsages and ListSimCardFlowPerDay (gsl-api.md 2.2.5, 2.2.6, 5.5). */
import type { FlowUsageVo, MonthUsageVo, SimCardFlowPerDayRsp } from '../../gsl/models';
import type { SimContext } from '../context';
import type { Card } from '../generator';
import type { RequestCtx, Route } from '../http';
import { ok } from '../http';
import { badBillingCycle, badParam, batchSize, noSuchCard, noSuchIccid, tooManyIccids } from '../errors';
import { DAY_MS, dayCompact, monthCompact, monthOf, parseDay, parseMonth, startOfDay } from '../dates';
import type { MonthNo } from '../dates';
import { dailyUsage, monthUsage } from '../usage';
import { Body } from '../validate';

/** The cards named by `sim_card_ids`, or by `iccids` when no ids are given. */
export function cardsFromLists(sim: SimContext, ids: string[], iccids: string[]): Card[] {
  if (ids.length > 0) {
    return ids.map((id) => {
      const c = sim.store.byCardId(id);
      if (!c) throw noSuchCard(id);
      return c;
    });
  }
  return iccids.map((iccid) => {
    const c = sim.store.byCardIccid(iccid);
    if (!c) throw noSuchIccid(iccid);
    return c;
  });
}

function monthUsages(ctx: RequestCtx) {
  const body = new Body(ctx.body);
  const ids = body.ids('sim_card_ids', 500, () => batchSize(500));
  const iccids = body.iccids('iccids', 500, () => tooManyIccids(500));
  if (ids.length === 0 && iccids.length === 0) throw batchSize(500);
  if (body.raw.billing_cycles === undefined) throw badParam('billing_cycles is required');
  const cyclesRaw = body.array('billing_cycles', 6, () => badBillingCycle('at most 6 billing cycles'));
  if (cyclesRaw.length === 0) throw badBillingCycle('at least one billing cycle is required');
  const now = ctx.sim.now();
  const current = monthOf(now);
  const cycles: Array<[MonthNo, string]> = cyclesRaw.map((s) => {
    const m = typeof s === 'string' && s.length <= 7 ? parseMonth(s, true) : undefined;
    if (m === undefined) throw badBillingCycle(`${String(s)} is not a YYYY-MM month`);
    if (m > current) throw badBillingCycle(`${s} is in the future`);
    if (m < current - 5) throw badBillingCycle(`${s} is older than the last six billing cycles`);
    return [m, s as string];
  });
  const cards = cardsFromLists(ctx.sim, ids, iccids);
  const month_usages: MonthUsageVo[] = cards.map((c) => ({
    sim_card_id: c.vo.sim_card_id,
    iccid: c.vo.iccid,
    // The response writes cycles without the dash, as the service's own example does.
    flow_usages: cycles.map(([m]): FlowUsageVo => ({ billing_cycle: monthCompact(m), flow_used: monthUsage(c, m, now) ?? 0 })),
  }));
  return ok({ month_usages });
}

function dailyFlow(ctx: RequestCtx) {
  const body = new Body(ctx.body);
  const ids = body.ids('sim_card_ids', 100, () => batchSize(100));
  const iccids = body.iccids('iccids', 100, () => tooManyIccids(100));
  if (ids.length > 0 && iccids.length > 0) throw badParam('give sim_card_ids or iccids, not both');
  if (ids.length === 0 && iccids.length === 0) throw batchSize(100);
  // Requests in the wild send `date` as a number too (the service's own example does).
  const dateRaw = typeof body.raw.date === 'number' ? String(body.raw.date) : body.raw.date;
  const month = body.str('month', 6);
  if (dateRaw !== undefined && dateRaw !== null && typeof dateRaw !== 'string') throw badParam('date must be a YYYYMMDD string');
  const date = dateRaw as string | undefined | null;
  if (month !== undefined && date != null) throw badParam('give month or date, not both');
  if (month === undefined && date == null) throw badParam('month or date is required');
  const now = ctx.sim.now();
  const current = monthOf(now);
  let m: MonthNo;
  let day: number | undefined;
  if (month !== undefined) {
    const parsed = month.length === 6 ? parseMonth(month, false) : undefined;
    if (parsed === undefined) throw badParam('month must be YYYYMM');
    if (parsed !== current && parsed !== current - 1) throw badParam('month must be this month or last month');
    m = parsed;
  } else {
    day = date!.length === 8 ? parseDay(date!) : undefined;
    if (day === undefined) throw badParam('date must be YYYYMMDD');
    const yesterday = startOfDay(now) - DAY_MS;
    if (monthOf(day) < current - 1 || day > yesterday) throw badParam('date must be from the first day of last month to yesterday');
    m = monthOf(day);
  }
  const cards = cardsFromLists(ctx.sim, ids, iccids);
  const perCard = cards.map((c) => dailyUsage(c, m, now));
  const days = perCard[0]?.map(([t]) => t) ?? [];
  const out: SimCardFlowPerDayRsp[] = [];
  days.forEach((t, i) => {
    if (day !== undefined && t !== day) return;
    out.push({ date: dayCompact(t), sim_flow: cards.map((c, k) => ({ sim_card_id: c.vo.sim_card_id, iccid: c.vo.iccid, flow: perCard[k][i][1] })) });
  });
  return ok(out);
}

export const usageRoutes: Route[] = [
  { method: 'POST', pattern: '/v1/sim-cards/month-usages', auth: 'gsl', handler: monthUsages },
  { method: 'POST', pattern: '/v1/sim-cards/batch-daily-flow', auth: 'gsl', handler: dailyFlow },
];

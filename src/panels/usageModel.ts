/**
 * The usage panel's view model and its CSV export. Pure (no `vscode`): API responses in,
 * chart/table series and CSV text out.
 */
import type { Id, MonthUsageVo, SimCardFlowPerDayRsp, SimCardsFlowVo, SimPricePlanVO } from '../gsl/models';
import type { CardLike } from '../core/cardText';
import { cardLabel } from '../core/cardText';
import type { Translate } from '../core/translate';
import type { PlanRow, PlansView, SeriesView, UsageSeries, UsageView } from './protocol';
import { daysOfMonth, normalizeCycle, normalizeDay, round2 } from './format';
import { usageBar } from './cardDetailModel';
import { csvRow } from '../core/csv';

export interface UsageCard {
  cardId: Id;
  label: string;
}

export function usageCards(cards: readonly CardLike[]): UsageCard[] {
  const seen = new Set<Id>();
  const out: UsageCard[] = [];
  for (const c of cards) {
    if (seen.has(c.sim_card_id)) continue;
    seen.add(c.sim_card_id);
    out.push({ cardId: c.sim_card_id, label: cardLabel(c) });
  }
  return out;
}

/** Days of `month` (YYYYMM) that can have data: the whole of a past month, up to yesterday for the current one. */
export function dailyPeriods(month: string, now: Date): string[] {
  const pad = (n: number) => (n < 10 ? `0${n}` : String(n));
  const today = `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
  return daysOfMonth(month).filter((d) => d < today);
}

function series(cards: readonly UsageCard[], periods: readonly string[], valueOf: (cardId: Id, period: string) => number | undefined): UsageSeries[] {
  return cards.map((c) => {
    const values = periods.map((p) => round2(valueOf(c.cardId, p) ?? 0));
    return { cardId: c.cardId, label: c.label, values, total: round2(values.reduce((a, b) => a + b, 0)) };
  });
}

/** Daily traffic per card over `periods` (YYYY-MM-DD); days the API returns beyond them are added. */
export function buildDailyView(cards: readonly UsageCard[], periods: readonly string[], days: readonly SimCardFlowPerDayRsp[]): SeriesView {
  const flows = new Map<string, number>();
  const all = new Set(periods);
  for (const d of days) {
    const day = normalizeDay(d.date);
    all.add(day);
    for (const f of d.sim_flow) flows.set(`${f.sim_card_id}|${day}`, (flows.get(`${f.sim_card_id}|${day}`) ?? 0) + f.flow);
  }
  const sorted = [...all].sort();
  return { periods: sorted, series: series(cards, sorted, (id, p) => flows.get(`${id}|${p}`)) };
}

/** Monthly traffic per card over `cycles` (YYYY-MM). */
export function buildMonthlyView(cards: readonly UsageCard[], cycles: readonly string[], usages: readonly MonthUsageVo[]): SeriesView {
  const flows = new Map<string, number>();
  for (const u of usages) for (const f of u.flow_usages) flows.set(`${u.sim_card_id}|${normalizeCycle(f.billing_cycle)}`, f.flow_used);
  return { periods: [...cycles], series: series(cards, cycles, (id, p) => flows.get(`${id}|${p}`)) };
}

function planRow(cardId: Id, card: string, plan: string, used: number, left: number, total: number, t: Translate): PlanRow {
  const bar = usageBar(used, left, t, total);
  return { cardId, card, plan, usedMb: bar.usedMb, leftMb: bar.leftMb, totalMb: bar.totalMb, percentUsed: bar.percentUsed, text: bar.text };
}

/** One card's plans (ListSimPricePlans): the plans in use first. */
export function buildCardPlansView(card: UsageCard, plans: readonly SimPricePlanVO[], t: Translate): PlansView {
  const rows = [...plans]
    .filter((p) => p.status !== 0)
    .sort((a, b) => Number(b.using === '1') - Number(a.using === '1'))
    .map((p) => planRow(card.cardId, card.label, p.price_plan_name || p.price_plan_id || t('Not available'), p.flow_used ?? 0, p.flow_left ?? 0, p.flow_total ?? 0, t));
  return { rows, note: rows.length === 0 ? t('No plan is subscribed on this card.') : undefined };
}

/** Several cards' current plan usage (ListFlowBySimCards, physical cards only). */
export function buildFleetPlansView(cards: readonly UsageCard[], flows: readonly SimCardsFlowVo[], skipped: number, t: Translate): PlansView {
  const labels = new Map(cards.map((c) => [c.cardId, c.label]));
  const rows = flows.map((f) => planRow(f.sim_card_id, labels.get(f.sim_card_id) ?? f.iccid ?? f.sim_card_id, f.price_plan_name || f.price_plan_id || t('Not available'), f.flow_used, f.flow_left, f.flow_total, t));
  return { rows, note: skipped > 0 ? t('Plan usage is only available for physical cards; {0} card(s) not shown.', skipped) : undefined };
}

// ---- CSV ----------------------------------------------------------------------------------------

export { csvCell, csvRow } from '../core/csv';

/** The numbers the usage panel shows, one row per card and period, CRLF line ends (RFC 4180). */
export function buildUsageCsv(view: UsageView, t: Translate): string {
  const lines: string[] = [csvRow([t('Section'), 'sim_card_id', t('Card'), t('Period'), t('Plan'), t('Used (MB)'), t('Left (MB)'), t('Total (MB)')])];
  const addSeries = (name: string, s: SeriesView) => {
    for (const card of s.series) card.values.forEach((v, i) => lines.push(csvRow([name, card.cardId, card.label, s.periods[i], undefined, v, undefined, undefined])));
  };
  if (view.daily.status === 'ready') addSeries(t('Daily'), view.daily.data);
  if (view.monthly.status === 'ready') addSeries(t('Monthly'), view.monthly.data);
  if (view.plans.status === 'ready') {
    for (const r of view.plans.data.rows) lines.push(csvRow([t('Plan'), r.cardId, r.card, undefined, r.plan, r.usedMb, r.leftMb, r.totalMb]));
  }
  return lines.join('\r\n') + '\r\n';
}

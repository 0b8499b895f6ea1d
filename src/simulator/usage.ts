/**
 * Usage history derived from each card's seed, so it is stable across requests and agrees
 * with the card record:
 *
 * - the current month's usage is the card's `flow_used`;
 * - the current month's daily flows (day 1 up to yesterday) add up to `flow_used`, to the
 *   hundredth of a MB; on the 1st of a month, when there is no "yesterday" in the month yet,
 *   the whole amount is shown on day 1;
 * - an earlier month's daily flows add up to that month's month-usage;
 * - months before activation, and cards never activated, have no usage.
 */
import type { Card } from './generator';
import { PLAN_BY_ID } from './catalog';
import { DAY_MS, daysInMonth, monthOf, monthStart, startOfDay } from './dates';
import type { MonthNo } from './dates';
import { unit } from './rng';

/** MB used in a month, or undefined for a future month. */
export function monthUsage(card: Card, month: MonthNo, nowMs: number): number | undefined {
  const current = monthOf(nowMs);
  if (month > current) return undefined;
  if (month === current) return card.vo.flow_used ?? 0;
  const act = card.vo.act_date ? Date.parse(card.vo.act_date) : undefined;
  if (act === undefined || act >= monthStart(month + 1)) return 0;
  const total = PLAN_BY_ID.get(card.planId)?.flow_total ?? 0;
  // Most months use a good part of the plan; a few run over it.
  const f = 0.1 + unit(card.seed, 'month', month) * 1.05;
  return Math.round(total * f * 100) / 100;
}

/**
 * Daily MB for a month, as `[dayStartMs, flow]` for each day that has data: the whole month
 * for past months, day 1 to yesterday for the current one. Hundredths are shared out as
 * integers so the rounded days sum to the month exactly.
 */
export function dailyUsage(card: Card, month: MonthNo, nowMs: number): Array<[number, number]> {
  const current = monthOf(nowMs);
  const total = monthUsage(card, month, nowMs);
  if (total === undefined) return [];
  const first = monthStart(month);
  let lastDay = month === current ? Math.max(1, Math.round((startOfDay(nowMs) - first) / DAY_MS)) : daysInMonth(month);
  if (lastDay < 1) lastDay = 1;
  const act = card.vo.act_date ? startOfDay(Date.parse(card.vo.act_date)) : undefined;
  const days: number[] = [];
  for (let d = 0; d < lastDay; d++) days.push(first + d * DAY_MS);
  // Days before activation carry nothing; if activation is after the last day, put it all on the last.
  const active = act === undefined ? days : days.filter((t) => t >= act);
  const carriers = active.length > 0 ? active : [days[days.length - 1]];
  const hundredths = Math.round(total * 100);
  const weights = carriers.map((t) => 0.2 + unit(card.seed, 'day', t));
  const wsum = weights.reduce((a, b) => a + b, 0);
  const shares = weights.map((w) => Math.floor((hundredths * w) / wsum));
  let rest = hundredths - shares.reduce((a, b) => a + b, 0);
  for (let i = shares.length - 1; rest > 0; i = (i - 1 + shares.length) % shares.length, rest--) shares[i]++;
  const byDay = new Map(carriers.map((t, i) => [t, shares[i] / 100]));
  return days.map((t) => [t, byDay.get(t) ?? 0]);
}

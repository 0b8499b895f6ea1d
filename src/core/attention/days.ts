/**
 * Days and billing cycles as the attention rules count them: UTC days (the API's dates are
 * UTC; `date` keys are YYYYMMDD) and calendar-month cycles (China Mobile and China Telecom
 * plans; gsl-api.md 5.5). A day is the epoch ms of its start.
 */

export const DAY_MS = 86_400_000;

export function dayStart(ms: number): number {
  return Math.floor(ms / DAY_MS) * DAY_MS;
}

export interface Cycle {
  /** First day. */
  start: number;
  /** Last day (its start). */
  end: number;
  /** Number of days. */
  days: number;
}

/** The calendar month holding `dayMs`. */
export function cycleOf(dayMs: number): Cycle {
  const d = new Date(dayMs);
  const start = Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), 1);
  const next = Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 1);
  return { start, end: next - DAY_MS, days: Math.round((next - start) / DAY_MS) };
}

/** The cycle before `cycle`. */
export function previousCycle(cycle: Cycle): Cycle {
  return cycleOf(cycle.start - DAY_MS);
}

const pad2 = (n: number): string => (n < 10 ? '0' : '') + n;

/** `YYYYMM`, as ListSimCardFlowPerDay's `month` wants it. */
export function monthKey(dayMs: number): string {
  const d = new Date(dayMs);
  return `${d.getUTCFullYear()}${pad2(d.getUTCMonth() + 1)}`;
}

/** `YYYY-MM`, as billing cycles are written in pool requests. */
export function billingCycleKey(dayMs: number): string {
  const d = new Date(dayMs);
  return `${d.getUTCFullYear()}-${pad2(d.getUTCMonth() + 1)}`;
}

/** `YYYY-MM-DD`. */
export function dayLabel(dayMs: number): string {
  return new Date(dayMs).toISOString().slice(0, 10);
}

/** A day from `YYYYMMDD` or `YYYY-MM-DD` (the response form is undocumented); undefined when not a date. */
export function parseDayKey(s: string): number | undefined {
  const m = /^(\d{4})-?(\d{2})-?(\d{2})$/.exec(s);
  if (!m) return undefined;
  const t = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
  return new Date(t).getUTCDate() === Number(m[3]) ? t : undefined;
}

/** Epoch ms of an API date-time, or undefined when missing or unreadable. */
export function parseDateTime(s: string | null | undefined): number | undefined {
  if (!s) return undefined;
  const t = Date.parse(s);
  return Number.isNaN(t) ? undefined : t;
}

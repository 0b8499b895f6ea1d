/**
 * Number, traffic and date formatting shared by the panel view models. Pure, so the view models
 * stay testable in plain Node.
 */
import type { Translate } from '../core/translate';

/** Rounds to two decimals without floating noise (0.1 + 0.2 → 0.3). */
export function round2(n: number): number {
  return Math.round((n + Number.EPSILON) * 100) / 100;
}

export { formatDate, formatDateTime } from '../core/dateText';
import { formatDateTime, pad } from '../core/dateText';

export function formatEpoch(ms: number | undefined, t: Translate): string {
  return ms === undefined ? t('Not available') : formatDateTime(new Date(ms).toISOString(), t);
}

/** YYYYMM of the month containing `now` (local time), and of the month before it. */
export function dailyMonths(now: Date): [string, string] {
  const cur = `${now.getFullYear()}${pad(now.getMonth() + 1)}`;
  const prevDate = new Date(now.getFullYear(), now.getMonth() - 1, 1);
  const prev = `${prevDate.getFullYear()}${pad(prevDate.getMonth() + 1)}`;
  return [cur, prev];
}

/** Billing cycles YYYY-MM for the month of `now` and the five before it, oldest first. */
export function billingCycles(now: Date, count = 6): string[] {
  const out: string[] = [];
  for (let i = count - 1; i >= 0; i--) {
    const d = new Date(now.getFullYear(), now.getMonth() - i, 1);
    out.push(`${d.getFullYear()}-${pad(d.getMonth() + 1)}`);
  }
  return out;
}

/** Every day of a YYYYMM month as YYYY-MM-DD. */
export function daysOfMonth(month: string): string[] {
  const y = Number(month.slice(0, 4));
  const m = Number(month.slice(4, 6));
  const n = new Date(y, m, 0).getDate();
  const out: string[] = [];
  for (let d = 1; d <= n; d++) out.push(`${month.slice(0, 4)}-${month.slice(4, 6)}-${pad(d)}`);
  return out;
}

/** "YYYYMM" → "YYYY-MM". */
export function monthLabel(month: string): string {
  return `${month.slice(0, 4)}-${month.slice(4, 6)}`;
}

/**
 * The API's day and billing-cycle strings in one form. Requests use YYYYMMDD / YYYY-MM, but
 * response examples show "202207" for a cycle, so accept both spellings.
 */
export function normalizeDay(date: string): string {
  const digits = date.replace(/[^0-9]/g, '');
  return digits.length >= 8 ? `${digits.slice(0, 4)}-${digits.slice(4, 6)}-${digits.slice(6, 8)}` : date;
}
export function normalizeCycle(cycle: string): string {
  const digits = cycle.replace(/[^0-9]/g, '');
  return digits.length >= 6 ? `${digits.slice(0, 4)}-${digits.slice(4, 6)}` : cycle;
}

/** Date formats the service emits (gsl-api.md 5.6). All UTC. */

const DAY_MS = 86_400_000;
export { DAY_MS };

const pad2 = (n: number): string => (n < 10 ? '0' + n : String(n));

/**
 * `YYYY-MM-DDTHH:mm:ss.000Z` (the service never carries milliseconds). Hand-rolled
 * (Hinnant's civil-from-days) because fleet generation formats a few hundred thousand dates.
 */
export function isoTime(ms: number): string {
  const secs = Math.floor(ms / 1000);
  const days = Math.floor(secs / 86_400);
  let rem = secs - days * 86_400;
  const z = days + 719_468;
  const era = Math.floor(z / 146_097);
  const doe = z - era * 146_097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36_524) - Math.floor(doe / 146_096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  const y = yoe + era * 400 + (m <= 2 ? 1 : 0);
  const h = Math.floor(rem / 3600);
  rem -= h * 3600;
  const mi = Math.floor(rem / 60);
  return `${y}-${pad2(m)}-${pad2(d)}T${pad2(h)}:${pad2(mi)}:${pad2(rem - mi * 60)}.000Z`;
}

/** IAM's `expires_at` form, `YYYY-MM-DDTHH:mm:ss.ffffffZ`. */
export function iamTime(ms: number): string {
  return new Date(ms).toISOString().replace(/\.(\d{3})Z$/, '.$1000Z');
}

export function startOfDay(ms: number): number {
  return Math.floor(ms / DAY_MS) * DAY_MS;
}

/** A calendar month as a number `year * 12 + monthIndex`, so months subtract cleanly. */
export type MonthNo = number;

export function monthOf(ms: number): MonthNo {
  const d = new Date(ms);
  return d.getUTCFullYear() * 12 + d.getUTCMonth();
}

export function monthStart(m: MonthNo): number {
  return Date.UTC(Math.floor(m / 12), m % 12, 1);
}

export function daysInMonth(m: MonthNo): number {
  return Math.round((monthStart(m + 1) - monthStart(m)) / DAY_MS);
}

/** `YYYYMM` */
export function monthCompact(m: MonthNo): string {
  return `${Math.floor(m / 12)}${String((m % 12) + 1).padStart(2, '0')}`;
}

/** `YYYY-MM` */
export function monthDashed(m: MonthNo): string {
  return `${Math.floor(m / 12)}-${String((m % 12) + 1).padStart(2, '0')}`;
}

/** `YYYYMMDD` of a day start. */
export function dayCompact(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10).replace(/-/g, '');
}

/** Parse `YYYY-MM` or `YYYYMM` strictly; undefined when malformed. */
export function parseMonth(s: string, dashed: boolean): MonthNo | undefined {
  const m = (dashed ? /^(\d{4})-(\d{2})$/ : /^(\d{4})(\d{2})$/).exec(s);
  if (!m) return undefined;
  const month = Number(m[2]);
  if (month < 1 || month > 12) return undefined;
  return Number(m[1]) * 12 + month - 1;
}

/** Parse `YYYYMMDD` strictly to the day's start; undefined when malformed or not a real date. */
export function parseDay(s: string): number | undefined {
  const m = /^(\d{4})(\d{2})(\d{2})$/.exec(s);
  if (!m) return undefined;
  const t = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
  return dayCompact(t) === s ? t : undefined;
}

/** Dates from the API as people read them, in the machine's time zone. Pure: the tree, the panels and the tools share it. */
import type { Translate } from './translate';

export function pad(n: number): string {
  return n < 10 ? `0${n}` : String(n);
}

/** Date-time from the API in the machine's time zone, "YYYY-MM-DD HH:mm"; unparseable text is shown as given. */
export function formatDateTime(value: string | null | undefined, t: Translate): string {
  if (value === null || value === undefined || value === '') return t('Not available');
  const d = new Date(value);
  if (Number.isNaN(d.getTime())) return value;
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())} ${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

/** A moment's local time of day, "HH:mm": when a run finished, when an operation may run again. */
export function formatTime(at: Date | number): string {
  const d = new Date(at);
  return `${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

export function formatDate(value: string | null | undefined, t: Translate): string {
  if (value === null || value === undefined || value === '') return t('Not available');
  const d = new Date(value);
  if (Number.isNaN(d.getTime())) return value;
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

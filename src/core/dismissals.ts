/**
 * Dismissing a card's attention: for how long, why, and whether a dismissal still holds. A
 * dismissed card leaves Needs attention (and its counts) until its time runs out, until its
 * reasons change (a reason it did not have when dismissed appears), or until the person restores
 * it. The one home of these rules; where dismissals are kept is the fleet's business. Pure.
 */
import { formatDateTime } from './dateText';
import type { Translate } from './translate';

const DAY_MS = 86_400_000;

export const DISMISS_CHOICES = ['day', 'week', 'month', 'change', 'forever'] as const;
export type DismissChoice = (typeof DISMISS_CHOICES)[number];

/** The quick pick's words for each choice. */
export const DISMISS_WORDS: Readonly<Record<DismissChoice, string>> = {
  day: 'For 1 day',
  week: 'For 7 days',
  month: 'For 30 days',
  change: 'Until its reasons change',
  forever: 'Until I restore it',
};

const CHOICE_DAYS: Partial<Record<DismissChoice, number>> = { day: 1, week: 7, month: 30 };

export interface Dismissal {
  cardId: string;
  /** What the card was called then (ICCID or container id), to list it even when it is gone. */
  label: string;
  choice: DismissChoice;
  /** When it was dismissed (epoch ms). */
  at: number;
  /** When the dismissal ends (epoch ms), for the timed choices. */
  until?: number;
  /** The card's reasons when dismissed (REASON_BIT mask). */
  reasons: number;
  /** Why, as the person wrote it (may be empty). */
  note: string;
}

export const MAX_DISMISS_NOTE = 200;

export function makeDismissal(card: { cardId: string; label: string; reasons: number }, choice: DismissChoice, note: string, now: number): Dismissal {
  const days = CHOICE_DAYS[choice];
  return { cardId: card.cardId, label: card.label, choice, at: now, until: days === undefined ? undefined : now + days * DAY_MS, reasons: card.reasons, note: note.trim() };
}

/**
 * Whether a dismissal still hides the card: its time has not run out, and (for "until its
 * reasons change") the card has no reason it did not have when dismissed. `currentReasons` is
 * undefined when the card's reasons are not known (no result yet): then only the time counts.
 */
export function dismissalActive(d: Dismissal, now: number, currentReasons: number | undefined): boolean {
  if (d.until !== undefined && now >= d.until) return false;
  if (d.choice === 'change' && currentReasons !== undefined && (currentReasons & ~d.reasons) !== 0) return false;
  return true;
}

/** The note's problem (English source text for `t`), or undefined when it may be kept. */
export function dismissNoteProblem(note: string): string | undefined {
  if (note.trim().length > MAX_DISMISS_NOTE) return 'Enter at most {0} characters.';
  // eslint-disable-next-line no-control-regex -- control characters are what this refuses
  if (/[\u0000-\u001f\u007f]/.test(note)) return 'Enter the reason on one line, without control characters.';
  return undefined;
}

/** Until when, in words: "until 2026-12-07 15:00" (the machine's time zone), "until its reasons change", "until restored". */
export function dismissalUntilText(d: Dismissal, t: Translate): string {
  if (d.until !== undefined) return t('until {0}', formatDateTime(new Date(d.until).toISOString(), t));
  return d.choice === 'change' ? t('until its reasons change') : t('until restored');
}

/** A stored dismissal read strictly: what global state holds is input like any other. */
export function isDismissal(x: unknown): x is Dismissal {
  if (typeof x !== 'object' || x === null) return false;
  const d = x as Record<string, unknown>;
  return (
    typeof d.cardId === 'string' &&
    /^\d{1,20}$/.test(d.cardId) &&
    typeof d.label === 'string' &&
    (DISMISS_CHOICES as readonly string[]).includes(d.choice as string) &&
    typeof d.at === 'number' &&
    (d.until === undefined || typeof d.until === 'number') &&
    typeof d.reasons === 'number' &&
    typeof d.note === 'string'
  );
}

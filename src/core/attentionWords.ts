/**
 * How Needs attention reads wherever SIM Fleet shows it: each reason's name, its short form
 * ("runs out ~Dec 12", "over by 120 MB", "expires in 5 days") for the tree, tooltips and hovers,
 * a longer sentence for tooltips, what a run is doing, and the forecast's sentences for the
 * panels. Pure (callers pass `t`). Days are UTC days, as the rules count them.
 */
import type { AttentionProgress, PoolAtRisk, ReasonDetail } from './attention/engine';
import type { CycleForecast } from './attention/forecast';
import type { AttentionReason } from './attention/settings';
import { dayLabel } from './attention/days';
import { CARD_REASONS } from './attention/settings';
import { formatMb } from './cardText';
import type { Dismissal } from './dismissals';
import { dismissalUntilText } from './dismissals';
import type { Translate } from './translate';

/** Every reason, in the order the tree and the tools list them. */
export const ATTENTION_REASONS: readonly AttentionReason[] = [...CARD_REASONS, 'poolAtRisk'];

export const REASON_WORDS: Readonly<Record<AttentionReason, string>> = {
  willRunOut: 'Will run out',
  overPlan: 'Over plan',
  expiresSoon: 'Expires soon',
  silent: 'Silent',
  spike: 'Spike',
  suspended: 'Suspended by the carrier',
  poolAtRisk: 'Pool at risk',
};

/** A day of each month as people say it ("Dec {0}"; Chinese "12月{0}日"). */
export const MONTH_DAY_WORDS: readonly string[] = ['Jan {0}', 'Feb {0}', 'Mar {0}', 'Apr {0}', 'May {0}', 'Jun {0}', 'Jul {0}', 'Aug {0}', 'Sep {0}', 'Oct {0}', 'Nov {0}', 'Dec {0}'];

/** A day as people say it, "Dec 12" ("12月12日"). */
export function shortDay(dayMs: number, t: Translate): string {
  const d = new Date(dayMs);
  return t(MONTH_DAY_WORDS[d.getUTCMonth()], d.getUTCDate());
}


/** A reason in a few words, for the tree's description, a tooltip's first line or a hover. */
export function reasonShort(d: ReasonDetail, t: Translate): string {
  switch (d.reason) {
    case 'willRunOut':
      return t('runs out ~{0}', shortDay(d.forecast.runOutDate, t));
    case 'overPlan':
      return t('over by {0}', formatMb(d.overByMb));
    case 'expiresSoon':
      return d.daysLeft === 0 ? t('expires today') : d.daysLeft === 1 ? t('expires tomorrow') : t('expires in {0} days', d.daysLeft);
    case 'silent':
      return t('silent for {0} days', d.days);
    case 'spike':
      return t('spike: {0} on {1}', formatMb(d.mb), shortDay(d.day, t));
    case 'suspended':
      return t(d.words);
  }
}

/** A reason as a sentence with its figures, for tooltips. */
export function reasonLong(d: ReasonDetail, t: Translate): string {
  switch (d.reason) {
    case 'willRunOut': {
      const f = d.forecast;
      const range = rangeText(f.earliestDate, f.latestDate, t);
      return t('Will run out ~{0} ({1}) at {2} a day; {3} left of {4}.', shortDay(f.runOutDate, t), range, formatMb(f.rateMb), formatMb(f.leftMb), formatMb(f.totalMb));
    }
    case 'overPlan':
      return t('Over its plan by {0}.', formatMb(d.overByMb));
    case 'expiresSoon':
      return t('Its plan expires on {0}.', dayLabel(d.expiresAt));
    case 'silent':
      return t('No traffic since {0} ({1} days), after traffic before.', shortDay(d.since, t), d.days);
    case 'spike':
      return d.factor === null
        ? t('{0} on {1}, where its usual day is 0 MB.', formatMb(d.mb), shortDay(d.day, t))
        : t('{0} on {1}, {2}× its usual day of {3}.', formatMb(d.mb), shortDay(d.day, t), d.factor, formatMb(d.baselineMb));
    case 'suspended':
      return t('Carrier status: {0} ({1}).', t(d.words), d.operatorStatus);
  }
}

/** "Dec 10–Dec 15", or "Dec 10 or later" when the latest date falls after the cycle. */
function rangeText(earliest: number | undefined, latest: number | undefined, t: Translate): string {
  if (earliest === undefined) return t('date uncertain');
  if (latest === undefined) return t('{0} or later', shortDay(earliest, t));
  return earliest === latest ? shortDay(earliest, t) : t('{0}–{1}', shortDay(earliest, t), shortDay(latest, t));
}

/** All of a card's reasons in a few words each. */
export function attentionShort(reasons: readonly ReasonDetail[], t: Translate): string {
  return reasons.map((r) => reasonShort(r, t)).join(' · ');
}

/** What Needs attention says of a card in the tree: its description, tooltip and menus. */
export interface CardAttention {
  /** Its reasons in a few words each ("runs out ~Dec 12 · over by 120 MB"). */
  short: string;
  /** Its reasons as sentences, for the tooltip. */
  long: string[];
  /** Set when the person dismissed it: until when (and why), in words. */
  dismissed?: string;
}

/**
 * A card's words from its reasons in the latest run and its dismissal; undefined when it has
 * neither. A card dismissed until restored stays listed under Dismissed after its problem went
 * away (a plan topped up), so it still says so, and still offers Restore, with no reasons.
 */
export function cardAttention(reasons: readonly ReasonDetail[] | undefined, dismissal: Dismissal | undefined, t: Translate): CardAttention | undefined {
  if (!reasons && !dismissal) return undefined;
  const dismissed = dismissal ? [dismissalUntilText(dismissal, t), dismissal.note].filter(Boolean).join(': ') : undefined;
  return { short: attentionShort(reasons ?? [], t), long: (reasons ?? []).map((r) => reasonLong(r, t)), dismissed };
}

/** A pool at risk in a few words. */
export function poolShort(pool: PoolAtRisk, t: Translate): string {
  return t('projected {0} of {1}', formatMb(pool.projectedMb), formatMb(pool.totalMb));
}

/** What a run is doing, for the group's description. `totalCards` when the fleet's size is known. */
export function progressText(p: AttentionProgress | undefined, totalCards: number | undefined, t: Translate): string {
  if (!p || (p.phase === 'scan' && p.cardsScanned === 0)) return t('starting…');
  if (p.phase === 'scan') {
    return totalCards !== undefined ? t('reading cards: {0} of {1}…', p.cardsScanned.toLocaleString(), totalCards.toLocaleString()) : t('reading cards: {0}…', p.cardsScanned.toLocaleString());
  }
  return t('reading usage: {0} of {1} requests…', p.requestsDone, p.requestsDone + p.requestsQueued);
}

/** The forecast in words, for the panels: the pace, what it leads to, and the days left at it. */
export interface ForecastWords {
  pace: string;
  outcome: string;
  daysLeft: string;
}

export function forecastWords(f: CycleForecast, t: Translate): ForecastWords {
  const pace = f.rateMb > 0 ? t('{0} a day at the current pace (likely {1} to {2}).', formatMb(f.rateMb), formatMb(f.lowRateMb), formatMb(f.highRateMb)) : t('No usage so far this cycle.');
  let outcome: string;
  if (f.leftMb <= 0) outcome = t('Over the plan by {0} already.', formatMb(-f.leftMb));
  else if (f.willRunOut && f.runOutDate !== undefined) outcome = t('At this pace the data runs out ~{0} ({1}).', shortDay(f.runOutDate, t), rangeText(f.earliestDate, f.latestDate, t));
  else outcome = t('At this pace {0} of {1} is used by the end of the cycle ({2} to {3}).', formatMb(f.projectedMb), formatMb(f.totalMb), formatMb(f.projectedLowMb), formatMb(f.projectedHighMb));
  const daysLeft =
    f.leftMb <= 0 ? t('No data left.') : f.daysLeft === null ? t('Days left at the current pace: no end in sight.') : t('Days left at the current pace: {0}.', f.daysLeft);
  return { pace, outcome, daysLeft };
}

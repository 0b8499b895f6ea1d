/** The sentences that close a card action: what was requested, and how the work orders ended. Pure. */
import type { SimDeviceVO } from '../gsl/models';
import type { CardAction } from './cardRules';
import { ACTION_NOUNS, ACTION_WORDS } from './cardRules';
import { cardLabel } from './cardText';
import type { Translate } from './translate';
import type { TrackedWorkOrder } from './workOrders';
import { succeeded } from './workOrders';

export interface CardOutcome {
  card: SimDeviceVO;
  ok: boolean;
  /** Why the request failed, as shown to the person. */
  message?: string;
}

const DONE: Record<CardAction, string> = {
  resume: 'Resumed {0} of {1} cards.',
  stop: 'Stopped {0} of {1} cards.',
  activate: 'Activated {0} of {1} cards.',
};
const ONE_DONE: Record<CardAction, string> = {
  resume: 'Resume requested for card {0}; following its work order.',
  stop: 'Stop requested for card {0}; following its work order.',
  activate: 'Activation requested for card {0}; following its work order.',
};

const LISTED = 3;
const LISTED_IN_CONFIRM = 10;

/** The one question before an action changes cards: what the command's dialog and an agent's tool both ask. */
export interface ActionConfirmation {
  /** The question, naming the card or the number of cards. */
  question: string;
  /** The cards, one a line (the first ten), and what is skipped. */
  detail: string;
  /** The word on the button that goes ahead. */
  button: string;
}

export function actionConfirmation(action: CardAction, applicable: readonly SimDeviceVO[], skipped: number, t: Translate): ActionConfirmation {
  const verb = t(ACTION_WORDS[action]);
  const names = applicable.slice(0, LISTED_IN_CONFIRM).map(cardLabel).join('\n');
  const more = applicable.length > LISTED_IN_CONFIRM ? `\n${t('…and {0} more.', applicable.length - LISTED_IN_CONFIRM)}` : '';
  const skipNote = skipped ? `\n\n${t('{0} selected cards are skipped: the action does not apply to them now.', skipped)}` : '';
  const question = applicable.length === 1 ? t('{0} card {1}?', verb, cardLabel(applicable[0])) : t('{0} {1} cards?', verb, applicable.length);
  return { question, detail: `${names}${more}${skipNote}`, button: verb };
}

export function requestSummary(action: CardAction, outcomes: readonly CardOutcome[], skipped: readonly SimDeviceVO[], notAttempted: number, t: Translate): string {
  const ok = outcomes.filter((o) => o.ok);
  const failed = outcomes.filter((o) => !o.ok);
  const total = outcomes.length + skipped.length + notAttempted;
  const parts: string[] = [];
  if (total === 1 && ok.length === 1) parts.push(t(ONE_DONE[action], cardLabel(ok[0].card)));
  else parts.push(t(DONE[action], ok.length, total));
  if (failed.length) {
    const listed = failed.slice(0, LISTED).map((o) => `${cardLabel(o.card)} — ${o.message ?? ''}`.trim());
    const more = failed.length > LISTED ? ` ${t('…and {0} more.', failed.length - LISTED)}` : '';
    parts.push(`${t('{0} failed:', failed.length)} ${listed.join('; ')}${more}`);
  }
  if (skipped.length) parts.push(t('{0} skipped: the action does not apply to them now.', skipped.length));
  if (notAttempted) parts.push(t('{0} not attempted: cancelled.', notAttempted));
  return parts.join(' ');
}

/** Whether the closing message of a set of work orders is a warning: any did not succeed. */
export function anyNotSucceeded(orders: readonly Pick<TrackedWorkOrder, 'outcome'>[]): boolean {
  return orders.some((o) => !succeeded(o));
}

export function workOrdersSummary(action: CardAction, orders: readonly (TrackedWorkOrder & { label: string })[], t: Translate): string {
  const noun = t(ACTION_NOUNS[action]);
  const notOk = orders.filter((o) => !succeeded(o));
  const reason = (o: TrackedWorkOrder): string => o.failReason ?? t('unknown reason');
  if (orders.length === 1) {
    const o = orders[0];
    if (o.outcome === 'succeeded') return t('Card {0}: {1} completed.', o.label, noun);
    if (o.outcome === 'unknown') return t('Card {0}: could not follow the {1} to its end, so it may have been carried out — {2}', o.label, noun, reason(o));
    return t('Card {0}: {1} failed — {2}', o.label, noun, reason(o));
  }
  const unknown = notOk.filter((o) => o.outcome === 'unknown').length;
  const text = unknown
    ? t('{0} work orders ended: {1} completed, {2} failed, {3} not followed to the end.', noun, orders.length - notOk.length, notOk.length - unknown, unknown)
    : t('{0} work orders ended: {1} completed, {2} failed.', noun, orders.length - notOk.length, notOk.length);
  const first = notOk[0];
  return first ? `${text} ${first.label} — ${reason(first)}` : text;
}

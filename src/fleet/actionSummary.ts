/** The sentences that close a card action: what was requested, and how the work orders ended. Pure. */
import type { SimDeviceVO } from '../gsl/models';
import { cardLabel } from './cardText';
import type { CardAction, TrackedWorkOrder } from './services';
import type { Translate } from './translate';

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

const ACTION_NOUN: Record<CardAction, string> = { resume: 'resume', stop: 'stop', activate: 'activation' };

export function workOrdersSummary(action: CardAction, orders: readonly (TrackedWorkOrder & { label: string })[], t: Translate): string {
  const noun = t(ACTION_NOUN[action]);
  const failed = orders.filter((o) => o.failReason !== undefined || o.status !== 4);
  if (orders.length === 1) {
    const o = orders[0];
    return failed.length
      ? t('Card {0}: {1} failed — {2}', o.label, noun, o.failReason ?? t('unknown reason'))
      : t('Card {0}: {1} completed.', o.label, noun);
  }
  const text = t('{0} work orders ended: {1} completed, {2} failed.', noun, orders.length - failed.length, failed.length);
  const first = failed[0];
  return first ? `${text} ${first.label} — ${first.failReason ?? t('unknown reason')}` : text;
}

/**
 * The sentences around a card action: the question that asks once, the summary of what was
 * requested (succeeded, refused and why, may have been carried out although the answer was lost,
 * not sent and why, skipped, not attempted), and how the work orders ended. Pure.
 */
import type { SimDeviceVO } from '../gsl/models';
import type { ActionInput, CardAction } from './cardRules';
import { ACTION_NOUNS, ACTION_WORDS, actionKind, needsInput } from './cardRules';
import type { HeldCard } from './batchPlans';
import { speedText } from './cardInputs';
import { cardLabel } from './cardText';
import { carrierNumberWord } from './threeNetwork';
import type { Translate } from './translate';
import type { TrackedWorkOrder } from './workOrders';
import { succeeded } from './workOrders';

export interface CardOutcome {
  card: SimDeviceVO;
  ok: boolean;
  /** Why the request failed, as shown to the person. */
  message?: string;
  /**
   * The request's answer was lost (connection reset, timeout, unreadable body): it may have been
   * carried out, and it was not sent again.
   */
  lost?: boolean;
  /** What a read answered (the real-name check: registered or not). */
  value?: unknown;
}


const DONE: Record<CardAction, string> = {
  resume: 'Resumed {0} of {1} cards.',
  stop: 'Stopped {0} of {1} cards.',
  activate: 'Activated {0} of {1} cards.',
  cutNetwork: 'Network off requested for {0} of {1} cards.',
  restoreNetwork: 'Network on requested for {0} of {1} cards.',
  setUsageCutoff: 'Usage cut-off requested for {0} of {1} cards.',
  cancelUsageCutoff: 'Usage cut-off cancellation requested for {0} of {1} cards.',
  limitSpeed: 'Speed limit requested for {0} of {1} cards.',
  bindImei: 'Device rebind requested for {0} of {1} cards.',
  checkRealName: 'Real-name checked for {0} of {1} cards.',
  clearRealName: 'Real-name clearing requested for {0} of {1} cards.',
  switchNetwork: 'Network switch requested for {0} of {1} cards.',
  applySwitchPolicy: 'Switch policy change requested for {0} of {1} cards.',
  addTags: 'Tags added to {0} of {1} cards.',
  removeTags: 'Tags removed from {0} of {1} cards.',
  setAttribute: 'Attribute set on {0} of {1} cards.',
  clearAttribute: 'Attribute cleared on {0} of {1} cards.',
  sendSms: 'SMS sent to {0} of {1} cards.',
};
const ONE_DONE: Record<CardAction, string> = {
  resume: 'Resume requested for card {0}; following its work order.',
  stop: 'Stop requested for card {0}; following its work order.',
  activate: 'Activation requested for card {0}; following its work order.',
  cutNetwork: 'Network off requested for card {0}; following its work order.',
  restoreNetwork: 'Network on requested for card {0}; following its work order.',
  setUsageCutoff: 'Usage cut-off requested for card {0}; following its work order.',
  cancelUsageCutoff: 'Usage cut-off cancellation requested for card {0}; following its work order.',
  limitSpeed: 'Speed limit requested for card {0}; following its work order.',
  bindImei: 'Device rebind requested for card {0}; following its work order.',
  checkRealName: 'Real-name checked for card {0}.',
  clearRealName: 'Real-name clearing requested for card {0}; following its work order.',
  switchNetwork: 'Network switch requested for card {0}; following its work order.',
  applySwitchPolicy: 'Switch policy change requested for card {0}; following its work order.',
  addTags: 'Tags added to card {0}.',
  removeTags: 'Tags removed from card {0}.',
  setAttribute: 'Attribute set on card {0}.',
  clearAttribute: 'Attribute cleared on card {0}.',
  sendSms: 'SMS sent to card {0}.',
};

/** The question an action asks once: {0} the card's label (several: their count), {1} what will change. */
const ASK_ONE: Record<Exclude<CardAction, 'resume' | 'stop' | 'activate' | 'checkRealName'>, string> = {
  cutNetwork: 'Turn the network of card {0} off?',
  restoreNetwork: 'Turn the network of card {0} back on?',
  setUsageCutoff: 'Cut the network of card {0} once it has used {1}?',
  cancelUsageCutoff: 'Cancel the usage cut-off of card {0}?',
  limitSpeed: 'Limit the speed of card {0} to {1}?',
  bindImei: 'Rebind card {0} to {1}?',
  clearRealName: 'Clear the real-name registration of card {0}?',
  switchNetwork: 'Switch card {0} to {1}?',
  applySwitchPolicy: 'Apply the switch policy {1} to card {0}?',
  addTags: 'Add {1} to card {0}?',
  removeTags: 'Remove {1} from card {0}?',
  setAttribute: 'Set {1} on card {0}?',
  clearAttribute: 'Clear {1} on card {0}?',
  sendSms: 'Send this SMS to card {0}? {1}',
};
const ASK_MANY: Record<Exclude<CardAction, 'resume' | 'stop' | 'activate' | 'checkRealName'>, string> = {
  cutNetwork: 'Turn the network of {0} cards off?',
  restoreNetwork: 'Turn the network of {0} cards back on?',
  setUsageCutoff: 'Cut the network of {0} cards once each has used {1}?',
  cancelUsageCutoff: 'Cancel the usage cut-off of {0} cards?',
  limitSpeed: 'Limit the speed of {0} cards to {1}?',
  bindImei: 'Rebind {0} cards to {1}?',
  clearRealName: 'Clear the real-name registration of {0} cards?',
  switchNetwork: 'Switch {0} cards to {1}?',
  applySwitchPolicy: 'Apply the switch policy {1} to {0} cards?',
  addTags: 'Add {1} to {0} cards?',
  removeTags: 'Remove {1} from {0} cards?',
  setAttribute: 'Set {1} on {0} cards?',
  clearAttribute: 'Clear {1} on {0} cards?',
  sendSms: 'Send this SMS to {0} cards? {1}',
};

/** What the change is, for the question ({1}): the threshold, the speed, the tags, the value. */
export function changeText(action: CardAction, input: ActionInput, t: Translate, attributeName?: string): string {
  if (!needsInput(action)) return '';
  switch (action) {
    case 'setUsageCutoff':
      return input.quotaMb === '-1' ? t('an unlimited amount (-1)') : t('{0} MB', input.quotaMb ?? '');
    case 'limitSpeed':
      return input.kbps === undefined || input.kbps < 0 ? t('no limit') : speedText(input.kbps);
    case 'bindImei':
      return input.bindType === 2 ? t('the device with IMEI {0}', input.imei ?? '') : t('the device it is in now');
    case 'addTags':
    case 'removeTags':
      return (input.tags ?? []).map((n) => `"${n}"`).join(', ');
    case 'setAttribute':
      return input.value ? t('{0} = "{1}"', attributeName ?? '', input.value) : t('{0} (empty)', attributeName ?? '');
    case 'clearAttribute':
      return attributeName ?? '';
    case 'sendSms':
      return `"${input.content ?? ''}"`;
    case 'switchNetwork':
      return carrierNumberWord(input.carrierType, t);
    case 'applySwitchPolicy':
      return `"${input.policyName ?? input.policyId ?? ''}"`;
  }
}

/** The question an action asks once, naming the card (or counting the cards) and what will change. */
export function actionQuestion(action: CardAction, cards: readonly SimDeviceVO[], verb: string, change: string, t: Translate): string {
  if (action === 'resume' || action === 'stop' || action === 'activate' || action === 'checkRealName') {
    // A read asks nothing; the lifecycle actions keep their short question.
    return cards.length === 1 ? t('{0} card {1}?', verb, cardLabel(cards[0])) : t('{0} {1} cards?', verb, cards.length);
  }
  return cards.length === 1 ? t(ASK_ONE[action], cardLabel(cards[0]), change) : t(ASK_MANY[action], cards.length, change);
}

/** What clearing real-name registration does, said before it is confirmed (twice). */
export function clearRealNameConsequence(count: number, t: Translate): string {
  return count === 1
    ? t('China Telecom removes the identity registered for this card. Until it is registered again the carrier may suspend it, and this cannot be undone from SIM Fleet.')
    : t('China Telecom removes the identity registered for these {0} cards. Until they are registered again the carrier may suspend them, and this cannot be undone from SIM Fleet.', count);
}

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

/** What a confirmation says beyond the cards: the change ({1} of the question), notes before the skipped count, and a note after it. */
export interface ConfirmationExtras {
  change?: string;
  notes?: readonly string[];
  after?: readonly string[];
}

export function actionConfirmation(action: CardAction, applicable: readonly SimDeviceVO[], skipped: number, t: Translate, extras: ConfirmationExtras = {}): ActionConfirmation {
  const verb = t(ACTION_WORDS[action]);
  const names = applicable.slice(0, LISTED_IN_CONFIRM).map(cardLabel).join('\n');
  const more = applicable.length > LISTED_IN_CONFIRM ? `\n${t('…and {0} more.', applicable.length - LISTED_IN_CONFIRM)}` : '';
  const notes = [...(extras.notes ?? []), ...(skipped ? [t('{0} selected cards are skipped: the action does not apply to them now.', skipped)] : []), ...(extras.after ?? [])];
  const question = actionQuestion(action, applicable, verb, extras.change ?? '', t);
  return { question, detail: [`${names}${more}`, ...notes].join('\n\n'), button: verb };
}

function listOf(items: readonly { card: SimDeviceVO; text: string }[], t: Translate): string {
  const listed = items.slice(0, LISTED).map((o) => `${cardLabel(o.card)} — ${o.text}`.trim());
  const more = items.length > LISTED ? ` ${t('…and {0} more.', items.length - LISTED)}` : '';
  return `${listed.join('; ')}${more}`;
}

export function requestSummary(
  action: CardAction,
  outcomes: readonly CardOutcome[],
  skipped: readonly SimDeviceVO[],
  notAttempted: number,
  t: Translate,
  held: readonly HeldCard[] = [],
): string {
  const ok = outcomes.filter((o) => o.ok);
  const failed = outcomes.filter((o) => !o.ok && !o.lost);
  const lost = outcomes.filter((o) => !o.ok && o.lost);
  const total = outcomes.length + skipped.length + notAttempted + held.length;
  const parts: string[] = [];
  if (total === 1 && ok.length === 1) parts.push(t(ONE_DONE[action], cardLabel(ok[0].card)));
  else parts.push(t(DONE[action], ok.length, total));
  if (action === 'checkRealName' && ok.length > 0) {
    const yes = ok.filter((o) => o.value === true).length;
    parts.push(t('{0} registered, {1} not registered.', yes, ok.length - yes));
  }
  if (failed.length) parts.push(`${t('{0} failed:', failed.length)} ${listOf(failed.map((o) => ({ card: o.card, text: o.message ?? '' })), t)}`);
  if (lost.length) {
    parts.push(
      `${t('{0} may have been carried out, but the answer was lost (not sent again; refresh and check them before trying again):', lost.length)} ${lost
        .slice(0, LISTED)
        .map((o) => cardLabel(o.card))
        .join(', ')}${lost.length > LISTED ? ` ${t('…and {0} more.', lost.length - LISTED)}` : ''}`,
    );
  }
  if (held.length) parts.push(`${t('{0} not sent:', held.length)} ${listOf(held.map((h) => ({ card: h.card, text: t(h.reason.message, ...h.reason.args) })), t)}`);
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

/** Whether an action follows work orders (and so ends with a second message). */
export function followsWorkOrders(action: CardAction): boolean {
  return actionKind(action) === 'workOrder';
}

/** Every sentence table here, for the translation check. */
export const SUMMARY_TEXTS: readonly string[] = [...Object.values(DONE), ...Object.values(ONE_DONE), ...Object.values(ASK_ONE), ...Object.values(ASK_MANY)];

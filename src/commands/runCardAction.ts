/**
 * Runs any card action on one card or thousands (house style 11), the same way for all of them:
 * skips the cards it is not offered for (status, card type, carrier, a running work order), asks
 * for what it needs and checks it before any request, asks once (naming the cards and what will
 * change), then sends each request exactly once — one per card for work orders and reads, one per
 * 500 cards for the batch APIs — a few at a time, never retrying one, cancellable between
 * requests. Work orders are followed to their end with the cards shown pending. It ends with a
 * summary: what succeeded, what was refused and why, what may have been carried out although its
 * answer was lost, what was not sent and why.
 */
import * as vscode from 'vscode';
import type { SimDeviceMultiplyVo, SimDeviceVO, SimStatus } from '../gsl/models';
import type { CardOutcome } from '../core/actionSummary';
import { actionConfirmation, anyNotSucceeded, changeText, clearRealNameConsequence, requestSummary, workOrdersSummary } from '../core/actionSummary';
import type { BatchRequest, HeldCard } from '../core/batchPlans';
import { listAllTags, planAttributeChange, planSms, planTagChange, sendBatchRequest, tagIndex } from '../core/batchPlans';
import type { ActionInput, CardAction } from '../core/cardRules';
import { ACTION_WORDS, actionKind, actionOffered, actionStatuses, carrierOf, needsThreeNetwork, sendCardAction, targetStatus, withThreeNetwork } from '../core/cardRules';
import { inputProblem, inputSkipReason } from '../core/cardInputs';
import { cardLabel } from '../core/cardText';
import { attributeNames } from '../core/customAttributes';
import { errorMessage, isLostAnswer, SAME_OPERATION_WINDOW_MS } from '../core/errorWords';
import { ACTION_CONCURRENCY, sendEach } from '../core/requestQueue';
import { plainText } from '../core/text';
import type { TrackedWorkOrder } from '../core/workOrders';
import type { AccountFleet } from '../fleet/fleets';
import { askActionInput, say } from './askActionInput';
import type { AccountScopedCard } from './cardArgs';
import { cardsFromArgs, presetOf } from './cardArgs';
import { CardChangeBatch } from './cardChangeBatch';
import type { CommandContext } from './commandContext';
import { chooseFleet } from './commandContext';
import { pickCards } from './pickCards';
import { pickThreeNetworkCards } from './pickThreeNetworkCards';

export interface CardActionResult {
  action: CardAction;
  /** What was chosen for the action (threshold, speed, tags, …). */
  input: ActionInput;
  /** The cards requests were sent for (or would have been, had nobody cancelled). */
  requested: SimDeviceVO[];
  outcomes: CardOutcome[];
  /** Cards the action is not offered for now. */
  skipped: SimDeviceVO[];
  /** Cards it is offered for that were not sent, with why (a speed their carrier lacks, say). */
  held: HeldCard[];
  notAttempted: number;
  /** Requests sent: one per card, or one per chunk of up to 500 for the batch APIs. */
  requests: number;
  summary: string;
  /** Resolves when every accepted work order has ended and the tree shows the result. */
  finished: Promise<TrackedWorkOrder[]>;
}

export interface CardActionOptions {
  /** The cards, chosen already (a batch from a list). */
  targets?: AccountScopedCard[];
  /** What the action is about, chosen already (a tag or an attribute in the detail panel). */
  preset?: ActionInput;
}

/** A card and the fleet (account) it acts through: that account's client and work-order tracker. */
export interface CardTarget {
  fleet: AccountFleet;
  card: SimDeviceVO;
}

/** Whether the action is offered for the card now: its state allows it and no work order of this window is pending on it. */
export function targetApplies(action: CardAction, target: CardTarget): boolean {
  return actionOffered(action, target.card, target.fleet.tracker.isPending(target.card.sim_card_id));
}

/** Everything settled before the question: the requests, the cards in them, and what is left out and why. */
interface Prepared {
  action: CardAction;
  input: ActionInput;
  ready: CardTarget[];
  sendables: Sendable[];
  skipped: SimDeviceVO[];
  held: HeldCard[];
}

/** One request: a card (work orders, reads) or a chunk of cards (batch APIs), sent through its fleet's client. */
interface Sendable {
  fleet: AccountFleet;
  cards: SimDeviceVO[];
  batch?: BatchRequest;
}

export async function runCardAction(ctx: CommandContext, action: CardAction, node?: unknown, nodes?: unknown, options: CardActionOptions = {}): Promise<CardActionResult | undefined> {
  const { t, ui } = ctx;
  const verb = t(ACTION_WORDS[action]);
  const kind = actionKind(action);
  // Each card acts through its own account's client and work-order tracker.
  const scoped = options.targets ?? cardsFromArgs(node, nodes, ctx.fleets.only()?.account.id);
  let targets: CardTarget[] = scoped.flatMap(({ accountId, card }) => {
    const fleet = ctx.fleets.get(accountId);
    return fleet ? [{ fleet, card }] : [];
  });
  if (targets.length === 0) {
    if (options.targets) return undefined;
    const fleet = await chooseFleet(ctx, undefined, t('{0}: choose cards', verb));
    if (!fleet) return undefined;
    const title = t('{0}: choose cards', verb);
    // Switching carrier or policy: the picker lists the account's three-network cards.
    const picked = needsThreeNetwork(action) ? await pickThreeNetworkCards(ctx, fleet, title) : await pickCards(ctx, fleet, { title, statuses: actionStatuses(action), many: true });
    if (!picked?.length) return undefined;
    targets = picked.map((card) => ({ fleet, card }));
  }
  if (needsThreeNetwork(action)) {
    const known = await withThreeNetworkRecords(ctx, targets);
    if (!known) return undefined;
    targets = known;
  }

  const offered = targets.filter((x) => targetApplies(action, x));
  const skipped = targets.filter((x) => !offered.includes(x)).map((x) => x.card);
  if (offered.length === 0) {
    void ui.info(t('{0} does not apply to the selected cards (wrong status, card type or carrier, or a work order is still running).', verb));
    return undefined;
  }
  const fleets = [...new Set(offered.map((x) => x.fleet))];

  // What the action needs besides the cards, checked before anything is sent.
  const input = await askActionInput(ctx, action, { cards: offered.map((x) => x.card), fleets }, options.preset ?? presetOf(node));
  if (input === undefined) return undefined;
  const problem = inputProblem(action, input);
  if (problem) {
    void ui.warn(say(t, problem));
    return undefined;
  }
  const prepared = await prepare(ctx, action, input, offered, skipped);
  if (!prepared) return undefined;
  const { sendables, held } = prepared;
  const cards = prepared.ready.map((x) => x.card);
  if (cards.length === 0) {
    void ui.info(requestSummary(action, [], skipped, 0, t, held));
    return undefined;
  }

  // Ask once, naming the cards and what will change; a read changes nothing and asks nothing.
  if (kind !== 'read') {
    const attributeName = input.slot !== undefined ? attributeNames(await fleets[0].attributes.get(), t)[input.slot - 1] : undefined;
    const notes: string[] = [];
    if (action === 'clearRealName') notes.push(clearRealNameConsequence(cards.length, t));
    if (action === 'bindImei') {
      const telecom = cards.filter((c) => carrierOf(c) === 'China Telecom');
      if (telecom.length === 1 && cards.length === 1) notes.push(t('China Telecom allows two rebinds a month; this card has {0} left.', telecom[0].imei_bind_remain_times ?? 0));
      else if (telecom.length) notes.push(t('Each of the {0} China Telecom cards uses one of its two rebinds this month.', telecom.length));
    }
    if (kind === 'batch') notes.push(t('{0} requests of at most 500 cards each; none is sent again if its answer is lost.', sendables.length));
    const after = held.length ? [t('{0} cards are not sent: {1}', held.length, say(t, held[0].reason))] : [];
    const ask = actionConfirmation(action, cards, skipped.length, t, { change: changeText(action, input, t, attributeName), notes, after });
    if (!(await ui.confirm(ask.question, ask.detail, ask.button))) return undefined;
    // Clearing real-name registration cannot be undone from here: the person confirms twice, typing the count.
    if (action === 'clearRealName') {
      const count = String(cards.length);
      const typed = await ui.input({
        title: t('Clear Real-Name: type {0} to confirm', count),
        prompt: clearRealNameConsequence(cards.length, t),
        placeHolder: count,
        validateInput: (v) => (v.trim() === count ? undefined : t('Type {0} (the number of cards) to confirm.', count)),
      });
      if (typed?.trim() !== count) {
        void ui.info(t('Real-name registration left as it was.'));
        return undefined;
      }
    }
  }

  return send(ctx, prepared);
}

/**
 * Carries out an action already agreed to, whoever asked (the command's dialog, VS Code's
 * confirmation of an agent's tool, a change plan's Apply): plans the requests and sends them.
 */
export async function carryOutCardAction(
  ctx: CommandContext,
  action: CardAction,
  targets: readonly CardTarget[],
  skipped: readonly SimDeviceVO[],
  input: ActionInput = {},
  options: SendOptions = {},
): Promise<CardActionResult | undefined> {
  const known = needsThreeNetwork(action) ? await withThreeNetworkRecords(ctx, targets) : targets;
  if (!known) return undefined;
  const prepared = await prepare(ctx, action, input, known, [...skipped]);
  return prepared && prepared.ready.length ? send(ctx, prepared, options) : undefined;
}

/** Progress shown by whoever runs several actions as one piece of work (a change plan's Apply). */
export interface SharedProgress {
  progress: vscode.Progress<{ message?: string; increment?: number }>;
  token: vscode.CancellationToken;
  /** How many cards the whole piece of work holds (the bar's 100%). */
  total: number;
}

interface SendOptions {
  /** The summaries go to the log only (a change plan's Apply says what happened itself). */
  quiet?: boolean;
  /**
   * Report here instead of opening a progress notification per action: VS Code shows at most three
   * new notifications in 800 ms as toasts, so one per action would hide the caller's summary.
   */
  shared?: SharedProgress;
}

/** Each fleet's three-network cards (ListSimDeviceMultiply, read once per session); undefined when a read failed (and said so). */
async function threeNetworkCards(ctx: CommandContext, fleets: readonly AccountFleet[]): Promise<Map<AccountFleet, ReadonlyMap<string, SimDeviceMultiplyVo>> | undefined> {
  const out = new Map<AccountFleet, ReadonlyMap<string, SimDeviceMultiplyVo>>();
  try {
    for (const fleet of fleets) out.set(fleet, await fleet.threeNetwork.all());
  } catch (err) {
    void ctx.ui.error(ctx.t('Could not read the account\'s three-network cards: {0}', errorMessage(err, ctx.t)));
    return undefined;
  }
  return out;
}

/** The targets with their three-network records, so the rules know which cards can switch and with which carrier each is online. */
async function withThreeNetworkRecords(ctx: CommandContext, targets: readonly CardTarget[]): Promise<CardTarget[] | undefined> {
  const known = await threeNetworkCards(ctx, [...new Set(targets.map((x) => x.fleet))]);
  return known && targets.map((x) => ({ fleet: x.fleet, card: withThreeNetwork(x.card, known.get(x.fleet)?.get(x.card.sim_card_id)) }));
}

/** The cards the input holds back, and the requests for the rest (batch APIs: up to 500 cards each; tags grouped by the set each card will have). */
async function prepare(ctx: CommandContext, action: CardAction, input: ActionInput, offered: readonly CardTarget[], skipped: SimDeviceVO[]): Promise<Prepared | undefined> {
  const held: HeldCard[] = [];
  let ready = offered.filter((x) => {
    const reason = inputSkipReason(action, x.card, input);
    if (reason) held.push({ card: x.card, reason });
    return !reason;
  });
  let sendables: Sendable[];
  if (actionKind(action) === 'batch') {
    const planned = await planBatch(ctx, action, input, ready);
    if (!planned) return undefined;
    held.push(...planned.held);
    sendables = planned.sendables;
    const inRequests = new Set(sendables.flatMap((s) => s.cards));
    ready = ready.filter((x) => inRequests.has(x.card));
  } else {
    sendables = ready.map((x) => ({ fleet: x.fleet, cards: [x.card] }));
  }
  return { action, input, ready, sendables, skipped, held };
}

/**
 * Exactly one request per card (or per chunk), a few at a time, never retried, cancellable between
 * requests; every work order followed to its end; a summary.
 */
async function send(ctx: CommandContext, prepared: Prepared, options: SendOptions = {}): Promise<CardActionResult> {
  const { quiet = false, shared } = options;
  const { t, ui } = ctx;
  const { action, input, sendables, skipped, held, ready } = prepared;
  const verb = t(ACTION_WORDS[action]);
  const kind = actionKind(action);
  const cards = ready.map((x) => x.card);
  const fleets = [...new Set(ready.map((x) => x.fleet))];
  const byCard = new Map<SimDeviceVO, CardOutcome>();
  const following: Array<Promise<TrackedWorkOrder & { label: string }>> = [];
  const changes = new CardChangeBatch(ctx.refresh);
  let sent = 0;
  const operation = `${action}${kind === 'batch' ? ` (${sendables.length} requests)` : ''}`;
  const sendAll = async (progress: SharedProgress['progress'], token: vscode.CancellationToken, prefix: string): Promise<void> => {
    let done = 0;
    await sendEach(
      sendables,
      async (s) => {
        sent++;
        const client = s.fleet.account.currentClient();
        if (!client) throw new Error(t('The account {0} is not signed in.', s.fleet.account.label));
        if (s.batch) return sendBatchRequest(client, s.batch);
        const [card] = s.cards;
        if (kind === 'read') return (await client.showRealNamed({ sim_card_id: card.sim_card_id })).real_named;
        return sendCardAction(client, action, card, input);
      },
      {
        concurrency: ACTION_CONCURRENCY,
        isCancelled: () => token.isCancellationRequested,
        onSettled: (i, outcome) => {
          const s = sendables[i];
          done += s.cards.length;
          progress.report({ message: plainText(`${prefix}${done}/${cards.length} ${cardLabel(s.cards[s.cards.length - 1])}`), increment: (100 * s.cards.length) / (shared?.total ?? cards.length) });
          if (outcome.ok) {
            for (const card of s.cards) byCard.set(card, { card, ok: true, value: kind === 'read' ? outcome.value : undefined });
            if (kind === 'workOrder') following.push(follow(ctx, s.fleet, action, s.cards[0], (outcome.value as { work_order_id: string }).work_order_id, changes));
            else ctx.log.info(`${action} ${s.cards.length === 1 ? cardLabel(s.cards[0]) : `${s.cards.length} cards`}: done`);
            return;
          }
          const err = outcome.error;
          const last = s.cards.length === 1 ? s.fleet.tracker.lastStarted(s.cards[0].sim_card_id, action) : undefined;
          const retryAt = last ? new Date(last.startedAt + SAME_OPERATION_WINDOW_MS) : undefined;
          const message = errorMessage(err, t, { retryAt, mutation: kind !== 'read' });
          const lost = kind !== 'read' && isLostAnswer(err);
          ctx.log.error(`${action} ${s.cards.length === 1 ? cardLabel(s.cards[0]) : `${s.cards.length} cards from ${cardLabel(s.cards[0])}`} failed: ${message}`, err);
          // A lost answer marks every card of the request: any of them may have changed.
          for (const card of s.cards) byCard.set(card, { card, ok: false, message, lost });
        },
      },
    );
  };
  if (shared) await sendAll(shared.progress, shared.token, `${verb}: `);
  else await vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title: t('{0}: sending requests', verb), cancellable: true }, (progress, token) => sendAll(progress, token, ''));
  const outcomes = cards.flatMap((c) => byCard.get(c) ?? []);
  const notAttempted = cards.length - outcomes.length;
  const summary = requestSummary(action, outcomes, skipped, notAttempted, t, held);
  ctx.log.info(`${operation}: ${summary}`);
  const showDetails = t('Show Details');
  const failedAny = outcomes.some((o) => !o.ok) || held.length > 0;
  if (!quiet) {
    void (failedAny ? ui.warn(summary, showDetails) : ui.info(summary, showDetails)).then((choice) => {
      if (choice === showDetails) ctx.log.show();
    });
  }

  let finished: Promise<TrackedWorkOrder[]>;
  if (kind === 'workOrder') {
    finished = Promise.all(following).then((orders) => {
      if (orders.length === 0) return orders;
      const text = workOrdersSummary(action, orders, t);
      ctx.log.info(text);
      if (quiet) return orders;
      void (anyNotSucceeded(orders) ? ui.warn(text, showDetails) : ui.info(text)).then((choice) => {
        if (choice === showDetails) ctx.log.show();
      });
      return orders;
    });
  } else {
    // Tags, attributes and SMS change at once: the groups holding the cards are read again (a lost
    // answer too: the change may have been made).
    const changed = outcomes.filter((o) => o.ok || o.lost).map((o) => o.card);
    for (const fleet of fleets) {
      const mine = changed.filter((c) => ready.some((x) => x.card === c && x.fleet === fleet));
      if (mine.length && kind === 'batch') void changes.add(fleet.account.id, mine.map((c) => c.sim_card_id), statusesOf(mine));
    }
    finished = changes.flush().then(() => []);
  }
  return { action, input, requested: cards, outcomes, skipped, held, notAttempted, requests: sent, summary, finished };
}

function statusesOf(cards: readonly SimDeviceVO[]): SimStatus[] {
  return [...new Set(cards.flatMap((c) => (c.sim_status !== undefined ? [c.sim_status] : [])))];
}

/** Follows one card's work order; when it ends, the groups it left and reached are read again (a few cards at a time). */
function follow(ctx: CommandContext, fleet: AccountFleet, action: CardAction, card: SimDeviceVO, workOrderId: string, changes: CardChangeBatch): Promise<TrackedWorkOrder & { label: string }> {
  ctx.log.info(`${action} ${cardLabel(card)}: work order ${workOrderId}`);
  return fleet.tracker.track({ workOrderId, cardId: card.sim_card_id, cid: card.cid, action }).then(async (o) => {
    // The carrier or policy the records said has changed: read them again (this card now, so its
    // menus and tooltip are right when the tree shows it again; the rest when next needed).
    if (needsThreeNetwork(action)) {
      fleet.threeNetwork.forget();
      await fleet.threeNetwork.of(card.sim_card_id);
    }
    const to = targetStatus(action, card);
    await changes.add(fleet.account.id, [card.sim_card_id], statusesOf([card]).concat(to !== undefined ? [to] : []));
    return { ...o, label: cardLabel(card) };
  });
}

/** The requests of a batch action, per account (tags are per account, and so are their ids). */
async function planBatch(ctx: CommandContext, action: CardAction, input: ActionInput, ready: readonly CardTarget[]): Promise<{ sendables: Sendable[]; held: HeldCard[] } | undefined> {
  const { t, ui } = ctx;
  const sendables: Sendable[] = [];
  const held: HeldCard[] = [];
  for (const fleet of new Set(ready.map((x) => x.fleet))) {
    const cards = ready.filter((x) => x.fleet === fleet).map((x) => x.card);
    let requests: BatchRequest[];
    if (action === 'addTags' || action === 'removeTags') {
      const client = fleet.account.currentClient();
      if (!client) continue;
      let index;
      try {
        index = tagIndex(await listAllTags(client));
      } catch (err) {
        void ui.error(t('Could not read the account\'s tags: {0}', errorMessage(err, t)));
        return undefined;
      }
      const plan = planTagChange(cards, action === 'addTags' ? { add: input.tags } : { remove: input.tags }, index);
      if (plan.unknownNames.length) {
        // Nothing is sent for a tag the account does not have: its id is unknown.
        void ui.warn(t('The account {0} has no tag named {1}; create it first (Manage Tags).', fleet.account.label, plan.unknownNames.map((n) => `"${n}"`).join(', ')));
        return undefined;
      }
      requests = plan.requests;
      held.push(...plan.held);
    } else if (action === 'setAttribute' || action === 'clearAttribute') {
      requests = planAttributeChange(cards, input.slot ?? 0, action === 'setAttribute' ? (input.value ?? '') : '');
    } else if (action === 'sendSms') {
      requests = planSms(cards, input.content ?? '');
    } else {
      requests = [];
    }
    sendables.push(...requests.map((batch) => ({ fleet, cards: batch.cards, batch })));
  }
  return { sendables, held };
}


/**
 * Runs resume, stop or activate on one card or a selection (house style 11): skips cards the
 * action does not apply to, asks once (modal, naming the cards), sends exactly one request per
 * card (mutations are never retried), keeps going past failures, can be cancelled between
 * cards, follows every work order to its end and says how it all went.
 */
import * as vscode from 'vscode';
import type { SimDeviceVO } from '../gsl/models';
import type { CardOutcome } from '../core/actionSummary';
import { anyNotSucceeded, requestSummary, workOrdersSummary } from '../core/actionSummary';
import type { CardAction } from '../core/cardRules';
import { ACTION_WORDS, actionApplies, actionStatuses, sendCardAction, targetStatus } from '../core/cardRules';
import { cardLabel } from '../core/cardText';
import { errorMessage, SAME_OPERATION_WINDOW_MS } from '../core/errorWords';
import { plainText } from '../core/text';
import type { TrackedWorkOrder } from '../core/workOrders';
import type { AccountFleet } from '../fleet/fleets';
import type { CommandContext } from './commandContext';
import { chooseFleet } from './commandContext';
import { cardsFromArgs } from './cardArgs';
import { pickCards } from './pickCards';

export interface CardActionResult {
  action: CardAction;
  requested: SimDeviceVO[];
  outcomes: CardOutcome[];
  skipped: SimDeviceVO[];
  notAttempted: number;
  summary: string;
  /** Resolves when every accepted work order has ended. */
  finished: Promise<TrackedWorkOrder[]>;
}

const LISTED_IN_CONFIRM = 10;

interface Target {
  fleet: AccountFleet;
  card: SimDeviceVO;
}

export async function runCardAction(ctx: CommandContext, action: CardAction, node?: unknown, nodes?: unknown): Promise<CardActionResult | undefined> {
  const { t, ui } = ctx;
  const verb = t(ACTION_WORDS[action]);
  // Each card acts through its own account's client and work-order tracker.
  let targets: Target[] = cardsFromArgs(node, nodes, ctx.fleets.only()?.account.id).flatMap(({ accountId, card }) => {
    const fleet = ctx.fleets.get(accountId);
    return fleet ? [{ fleet, card }] : [];
  });
  if (targets.length === 0) {
    const fleet = await chooseFleet(ctx, undefined, t('{0}: choose cards', verb));
    if (!fleet) return undefined;
    const picked = await pickCards(ctx, fleet, { title: t('{0}: choose cards', verb), statuses: actionStatuses(action), many: true });
    if (!picked?.length) return undefined;
    targets = picked.map((card) => ({ fleet, card }));
  }
  const cards = targets.map((x) => x.card);

  const applicableTargets = targets.filter((x) => actionApplies(action, x.card) && !x.fleet.tracker.isPending(x.card.sim_card_id));
  const applicable = applicableTargets.map((x) => x.card);
  const skipped = cards.filter((c) => !applicable.includes(c));
  if (applicable.length === 0) {
    void ui.info(t('{0} does not apply to the selected cards (wrong status, or a work order is still running).', verb));
    return undefined;
  }

  const names = applicable.slice(0, LISTED_IN_CONFIRM).map(cardLabel).join('\n');
  const more = applicable.length > LISTED_IN_CONFIRM ? `\n${t('…and {0} more.', applicable.length - LISTED_IN_CONFIRM)}` : '';
  const skipNote = skipped.length ? `\n\n${t('{0} selected cards are skipped: the action does not apply to them now.', skipped.length)}` : '';
  const question = applicable.length === 1 ? t('{0} card {1}?', verb, cardLabel(applicable[0])) : t('{0} {1} cards?', verb, applicable.length);
  if (!(await ui.confirm(question, `${names}${more}${skipNote}`, verb))) return undefined;

  const outcomes: CardOutcome[] = [];
  const following: Array<Promise<TrackedWorkOrder & { label: string }>> = [];
  await vscode.window.withProgress(
    { location: vscode.ProgressLocation.Notification, title: t('{0}: sending requests', verb), cancellable: true },
    async (progress, token) => {
      for (const [i, { fleet, card }] of applicableTargets.entries()) {
        if (token.isCancellationRequested) break;
        progress.report({ message: plainText(`${i + 1}/${applicable.length} ${cardLabel(card)}`), increment: 100 / applicable.length });
        const client = fleet.account.currentClient();
        try {
          if (!client) throw new Error(t('The account {0} is not signed in.', fleet.account.label));
          const { work_order_id } = await sendCardAction(client, action, card);
          ctx.log.info(`${action} ${cardLabel(card)}: work order ${work_order_id}`);
          outcomes.push({ card, ok: true });
          following.push(
            fleet.tracker.track({ workOrderId: work_order_id, cardId: card.sim_card_id, cid: card.cid, action }).then(async (o) => {
              // The group the card left and the one it reaches both change, and so do their counts.
              await ctx.refresh.cardsChanged(fleet.account.id, [card.sim_card_id], card.sim_status !== undefined ? [card.sim_status, targetStatus(action)] : [targetStatus(action)]);
              return { ...o, label: cardLabel(card) };
            }),
          );
        } catch (err) {
          const last = fleet.tracker.lastStarted(card.sim_card_id, action);
          const retryAt = last ? new Date(last.startedAt + SAME_OPERATION_WINDOW_MS) : undefined;
          const message = errorMessage(err, t, { retryAt, mutation: true });
          ctx.log.error(`${action} ${cardLabel(card)} failed: ${message}`, err);
          outcomes.push({ card, ok: false, message });
        }
      }
    },
  );
  const notAttempted = applicable.length - outcomes.length;
  const summary = requestSummary(action, outcomes, skipped, notAttempted, t);
  ctx.log.info(summary);
  const showDetails = t('Show Details');
  const failedAny = outcomes.some((o) => !o.ok);
  void (failedAny ? ui.warn(summary, showDetails) : ui.info(summary, showDetails)).then((choice) => {
    if (choice === showDetails) ctx.log.show();
  });

  const finished = Promise.all(following).then((orders) => {
    if (orders.length === 0) return orders;
    const text = workOrdersSummary(action, orders, t);
    ctx.log.info(text);
    void (anyNotSucceeded(orders) ? ui.warn(text, showDetails) : ui.info(text)).then((choice) => {
      if (choice === showDetails) ctx.log.show();
    });
    return orders;
  });
  return { action, requested: applicable, outcomes, skipped, notAttempted, summary, finished };
}

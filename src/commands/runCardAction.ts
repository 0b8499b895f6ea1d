/**
 * Runs resume, stop or activate on one card or a selection (house style 11): skips cards the
 * action does not apply to, asks once (modal, naming the cards), sends exactly one request per
 * card (mutations are never retried), keeps going past failures, can be cancelled between
 * cards, follows every work order to its end and says how it all went.
 */
import * as vscode from 'vscode';
import type { GslApi } from '../gsl/api';
import type { SimDeviceVO } from '../gsl/models';
import type { CardOutcome } from '../core/actionSummary';
import { actionConfirmation, anyNotSucceeded, requestSummary, workOrdersSummary } from '../core/actionSummary';
import type { CardAction } from '../core/cardRules';
import { ACTION_WORDS, actionApplies, actionStatuses, sendCardAction, targetStatus } from '../core/cardRules';
import { cardLabel } from '../core/cardText';
import { errorMessage, SAME_OPERATION_WINDOW_MS } from '../core/errorWords';
import { plainText } from '../core/text';
import type { TrackedWorkOrder } from '../core/workOrders';
import type { CommandContext } from './commandContext';
import { requireClient } from './commandContext';
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

export async function runCardAction(ctx: CommandContext, action: CardAction, node?: unknown, nodes?: unknown): Promise<CardActionResult | undefined> {
  const { t, ui } = ctx;
  const client = requireClient(ctx);
  if (!client) return undefined;
  const verb = t(ACTION_WORDS[action]);
  let cards = cardsFromArgs(node, nodes);
  if (cards.length === 0) {
    const picked = await pickCards(ctx, client, { title: t('{0}: choose cards', verb), statuses: actionStatuses(action), many: true });
    if (!picked?.length) return undefined;
    cards = picked;
  }

  const applicable = cards.filter((c) => actionApplies(action, c) && !ctx.tracker.isPending(c.sim_card_id));
  const skipped = cards.filter((c) => !applicable.includes(c));
  if (applicable.length === 0) {
    void ui.info(t('{0} does not apply to the selected cards (wrong status, or a work order is still running).', verb));
    return undefined;
  }

  const ask = actionConfirmation(action, applicable, skipped.length, t);
  if (!(await ui.confirm(ask.question, ask.detail, ask.button))) return undefined;
  return carryOutCardAction(ctx, action, client, applicable, skipped);
}

/**
 * What happens once the person said yes, whoever asked them (the command's dialog, or VS Code's
 * confirmation of an agent's tool): exactly one request per card, in order, never retried, with
 * progress that can be cancelled between cards; every work order followed to its end; a summary.
 */
export async function carryOutCardAction(
  ctx: CommandContext,
  action: CardAction,
  client: GslApi,
  applicable: readonly SimDeviceVO[],
  skipped: readonly SimDeviceVO[],
): Promise<CardActionResult> {
  const { t, ui } = ctx;
  const verb = t(ACTION_WORDS[action]);
  const outcomes: CardOutcome[] = [];
  const following: Array<Promise<TrackedWorkOrder & { label: string }>> = [];
  await vscode.window.withProgress(
    { location: vscode.ProgressLocation.Notification, title: t('{0}: sending requests', verb), cancellable: true },
    async (progress, token) => {
      for (const [i, card] of applicable.entries()) {
        if (token.isCancellationRequested) break;
        progress.report({ message: plainText(`${i + 1}/${applicable.length} ${cardLabel(card)}`), increment: 100 / applicable.length });
        try {
          const { work_order_id } = await sendCardAction(client, action, card);
          ctx.log.info(`${action} ${cardLabel(card)}: work order ${work_order_id}`);
          outcomes.push({ card, ok: true });
          following.push(
            ctx.tracker.track({ workOrderId: work_order_id, cardId: card.sim_card_id, cid: card.cid, action }).then(async (o) => {
              // The group the card left and the one it reaches both change, and so do their counts.
              await ctx.refresh.cardsChanged([card.sim_card_id], card.sim_status !== undefined ? [card.sim_status, targetStatus(action)] : [targetStatus(action)]);
              return { ...o, label: cardLabel(card) };
            }),
          );
        } catch (err) {
          const last = ctx.tracker.lastStarted(card.sim_card_id, action);
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
  return { action, requested: [...applicable], outcomes, skipped: [...skipped], notAttempted, summary, finished };
}

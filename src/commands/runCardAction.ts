/**
 * Runs resume, stop or activate on one card or a selection (house style 11): skips cards the
 * action does not apply to, asks once (modal, naming the cards), sends exactly one request per
 * card (mutations are never retried), keeps going past failures, can be cancelled between
 * cards, follows every work order to its end and says how it all went.
 */
import * as vscode from 'vscode';
import type { SimDeviceVO } from '../gsl/models';
import type { CardOutcome } from '../core/actionSummary';
import { actionConfirmation, anyNotSucceeded, requestSummary, workOrdersSummary } from '../core/actionSummary';
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

/** A card and the fleet (account) it acts through: that account's client and work-order tracker. */
export interface CardTarget {
  fleet: AccountFleet;
  card: SimDeviceVO;
}

/** Whether the action applies to the card now: its state allows it and no work order of this window is pending on it. */
export function targetApplies(action: CardAction, target: CardTarget): boolean {
  return actionApplies(action, target.card) && !target.fleet.tracker.isPending(target.card.sim_card_id);
}

export async function runCardAction(ctx: CommandContext, action: CardAction, node?: unknown, nodes?: unknown): Promise<CardActionResult | undefined> {
  const { t, ui } = ctx;
  const verb = t(ACTION_WORDS[action]);
  // Each card acts through its own account's client and work-order tracker.
  let targets: CardTarget[] = cardsFromArgs(node, nodes, ctx.fleets.only()?.account.id).flatMap(({ accountId, card }) => {
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

  const applicable = targets.filter((x) => targetApplies(action, x));
  const skipped = targets.filter((x) => !applicable.includes(x)).map((x) => x.card);
  if (applicable.length === 0) {
    void ui.info(t('{0} does not apply to the selected cards (wrong status, or a work order is still running).', verb));
    return undefined;
  }

  const ask = actionConfirmation(action, applicable.map((x) => x.card), skipped.length, t);
  if (!(await ui.confirm(ask.question, ask.detail, ask.button))) return undefined;
  return carryOutCardAction(ctx, action, applicable, skipped);
}

/**
 * What happens once the person said yes, whoever asked them (the command's dialog, or VS Code's
 * confirmation of an agent's tool): exactly one request per card, in order, never retried, with
 * progress that can be cancelled between cards; every work order followed to its end; a summary.
 */
export async function carryOutCardAction(
  ctx: CommandContext,
  action: CardAction,
  targets: readonly CardTarget[],
  skipped: readonly SimDeviceVO[],
): Promise<CardActionResult> {
  const { t, ui } = ctx;
  const verb = t(ACTION_WORDS[action]);
  const applicable = targets.map((x) => x.card);
  const outcomes: CardOutcome[] = [];
  const following: Array<Promise<TrackedWorkOrder & { label: string }>> = [];
  await vscode.window.withProgress(
    { location: vscode.ProgressLocation.Notification, title: t('{0}: sending requests', verb), cancellable: true },
    async (progress, token) => {
      for (const [i, { fleet, card }] of targets.entries()) {
        if (token.isCancellationRequested) break;
        progress.report({ message: plainText(`${i + 1}/${targets.length} ${cardLabel(card)}`), increment: 100 / targets.length });
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
  return { action, requested: [...applicable], outcomes, skipped: [...skipped], notAttempted, summary, finished };
}

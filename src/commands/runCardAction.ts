/**
 * Runs resume, stop or activate on one card or a selection (house style 11): skips cards the
 * action does not apply to, asks once (modal, naming the cards), sends exactly one request per
 * card (mutations are never retried), keeps going past failures, can be cancelled between
 * cards, follows every work order to its end and says how it all went.
 */
import * as vscode from 'vscode';
import type { GslApi } from '../gsl/api';
import type { SimDeviceVO, SimStatus, WorkOrderResponse } from '../gsl/models';
import { requestSummary, workOrdersSummary, type CardOutcome } from '../fleet/actionSummary';
import { ACTION_WORDS, actionApplies, targetStatus } from '../fleet/cardActions';
import { cardLabel } from '../fleet/cardText';
import type { CardAction, TrackedWorkOrder } from '../fleet/services';
import { errorMessage, SAME_OPERATION_WINDOW_MS } from '../host/errorMessages';
import type { CommandContext } from './commandContext';
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

const STATUSES: Record<CardAction, readonly SimStatus[]> = { resume: [14], stop: [20], activate: [10, 13] };
const LISTED_IN_CONFIRM = 10;

function send(client: GslApi, action: CardAction, card: SimDeviceVO): Promise<WorkOrderResponse> {
  const ref = { sim_card_id: card.sim_card_id };
  switch (action) {
    case 'resume':
      return client.resetSimCard(ref, { down_up_switch: 2 });
    case 'stop':
      return client.stopSimCard(ref, { down_up_switch: 1 });
    case 'activate':
      return client.enableSimCard(ref);
  }
}

export async function runCardAction(ctx: CommandContext, action: CardAction, node?: unknown, nodes?: unknown): Promise<CardActionResult | undefined> {
  const t = vscode.l10n.t;
  const client = ctx.session.currentClient();
  if (!client) {
    void vscode.window.showInformationMessage(t('Sign in or start the demo fleet first.'));
    return undefined;
  }
  let cards = cardsFromArgs(node, nodes);
  if (cards.length === 0) {
    const picked = await pickCards(client, { title: t('{0}: choose cards', t(ACTION_WORDS[action])), statuses: STATUSES[action], many: true });
    if (!picked?.length) return undefined;
    cards = picked;
  }

  const applicable = cards.filter((c) => actionApplies(action, c) && !ctx.tracker.isPending(c.sim_card_id));
  const skipped = cards.filter((c) => !applicable.includes(c));
  if (applicable.length === 0) {
    void vscode.window.showInformationMessage(
      t('{0} does not apply to the selected cards (wrong status, or a work order is still running).', t(ACTION_WORDS[action])),
    );
    return undefined;
  }

  const names = applicable.slice(0, LISTED_IN_CONFIRM).map(cardLabel).join('\n');
  const more = applicable.length > LISTED_IN_CONFIRM ? `\n${t('…and {0} more.', applicable.length - LISTED_IN_CONFIRM)}` : '';
  const skipNote = skipped.length ? `\n\n${t('{0} selected cards are skipped: the action does not apply to them now.', skipped.length)}` : '';
  const question =
    applicable.length === 1
      ? t('{0} card {1}?', t(ACTION_WORDS[action]), cardLabel(applicable[0]))
      : t('{0} {1} cards?', t(ACTION_WORDS[action]), applicable.length);
  if (!(await ctx.prompts.confirm(question, `${names}${more}${skipNote}`, t(ACTION_WORDS[action])))) return undefined;

  const outcomes: CardOutcome[] = [];
  const following: Array<Promise<TrackedWorkOrder & { label: string }>> = [];
  await vscode.window.withProgress(
    { location: vscode.ProgressLocation.Notification, title: t('{0}: sending requests', t(ACTION_WORDS[action])), cancellable: true },
    async (progress, token) => {
      for (const [i, card] of applicable.entries()) {
        if (token.isCancellationRequested) break;
        progress.report({ message: `${i + 1}/${applicable.length} ${cardLabel(card)}`, increment: 100 / applicable.length });
        try {
          const { work_order_id } = await send(client, action, card);
          ctx.log.info(`${action} ${cardLabel(card)}: work order ${work_order_id}`);
          outcomes.push({ card, ok: true });
          following.push(
            ctx.tracker
              .track({ workOrderId: work_order_id, cardId: card.sim_card_id, cid: card.cid, action })
              .then((o) => {
                // The group the card left and the one it reaches both change, and so do their counts.
                ctx.model.invalidate(card.sim_status !== undefined ? [card.sim_status, targetStatus(action)] : [targetStatus(action)]);
                ctx.services.fireCardsChanged({ cardIds: [card.sim_card_id] });
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
  void (failedAny ? vscode.window.showWarningMessage(summary, showDetails) : vscode.window.showInformationMessage(summary, showDetails)).then((choice) => {
    if (choice === showDetails) ctx.log.show();
  });

  const finished = Promise.all(following).then((orders) => {
    if (orders.length === 0) return orders;
    const text = workOrdersSummary(action, orders, t);
    ctx.log.info(text);
    const anyFailed = orders.some((o) => o.failReason !== undefined || o.status !== 4);
    void (anyFailed ? vscode.window.showWarningMessage(text, showDetails) : vscode.window.showInformationMessage(text)).then((choice) => {
      if (choice === showDetails) ctx.log.show();
    });
    return orders;
  });
  return { action, requested: applicable, outcomes, skipped, notAttempted, summary, finished };
}

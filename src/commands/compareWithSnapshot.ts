import * as vscode from 'vscode';
import { formatDate } from '../core/dateText';
import { cardLabel } from '../core/cardText';
import { plainText } from '../core/text';
import { snapshotDocumentUri } from '../fleet/snapshotDocuments';
import { chooseAttention, chooseEarlierSnapshot } from './attentionArgs';
import { cardsFromArgs } from './cardArgs';
import type { CommandContext } from './commandContext';

/**
 * simFleet.card.compareWithSnapshot — a card as an earlier snapshot kept it beside the card as the
 * latest run read it, in the diff editor. `{ since }` as the second argument skips the question.
 */
export async function compareWithSnapshot(ctx: CommandContext, node?: unknown, options?: unknown): Promise<[vscode.Uri, vscode.Uri] | undefined> {
  const { t, ui } = ctx;
  const title = t('Compare with Snapshot');
  const [target] = cardsFromArgs(node, undefined, ctx.fleets.only()?.account.id);
  if (!target) {
    void ui.info(t('Choose a card in the Cards view first.'));
    return undefined;
  }
  const attention = await chooseAttention(ctx, { accountId: target.accountId }, title);
  if (!attention) return undefined;
  // The latest run's reading, or (before a run has finished) the newest snapshot kept, as What Changed does.
  const latestAt = attention.result?.snapshot.takenAt ?? (await ctx.attention.history.list(attention.accountId)).at(-1)?.takenAt;
  if (latestAt === undefined) {
    void ui.info(t('No snapshot of {0} is kept yet: Needs attention keeps one when its run ends, or use Take Fleet Snapshot Now.', attention.fleet.account.label));
    return undefined;
  }
  const chosen = await chooseEarlierSnapshot(ctx, attention, latestAt, options, title);
  if (!chosen) return undefined;
  const cardId = target.card.sim_card_id;
  const left = snapshotDocumentUri(attention.accountId, chosen.takenAt, cardId);
  const right = snapshotDocumentUri(attention.accountId, latestAt, cardId);
  const day = (ms: number): string => formatDate(new Date(ms).toISOString(), t);
  // The tab's title is a plain-text surface: the card's label stays as typed.
  const label = plainText(ctx.hidden.mask(t('{0}: {1} ↔ {2}', cardLabel(target.card), day(chosen.takenAt), day(latestAt))));
  await vscode.commands.executeCommand('vscode.diff', left, right, label);
  return [left, right];
}

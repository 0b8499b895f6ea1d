import * as vscode from 'vscode';
import { SIM_STATUSES } from '../gsl/models';
import { cardDocumentUri } from '../editor/cardDocuments';
import { cardsFromArgs } from './cardArgs';
import type { CommandContext } from './commandContext';
import { chooseFleet } from './commandContext';
import type { LinkedCard } from './linkedCard';
import { linkedCard } from './linkedCard';
import { pickCards } from './pickCards';

/**
 * The card an action on one card starts from: a link's, the tree's (right-click), or one picked
 * from the palette. Undefined when there is none (after saying why, if a link failed).
 */
export async function oneCard(ctx: CommandContext, node: unknown, title: string): Promise<LinkedCard | undefined> {
  const linked = await linkedCard(ctx, node);
  if (linked === undefined) return undefined;
  if (linked !== 'none') return linked;
  const [fromTree] = cardsFromArgs(node, undefined, ctx.fleets.only()?.account.id);
  if (fromTree) return fromTree;
  const fleet = await chooseFleet(ctx, undefined, title);
  if (!fleet) return undefined;
  const [card] = (await pickCards(ctx, fleet, { title, statuses: SIM_STATUSES, many: false })) ?? [];
  return card ? { accountId: fleet.account.id, card } : undefined;
}

/** simFleet.card.openAsDocument — the card as read-only JSON (`simfleet:` document), every field, ids exact. */
export async function openAsDocument(ctx: CommandContext, node?: unknown): Promise<vscode.Uri | undefined> {
  const chosen = await oneCard(ctx, node, ctx.t('Open Card as Document'));
  if (!chosen) return undefined;
  const uri = cardDocumentUri({ accountId: chosen.accountId, cardId: chosen.card.sim_card_id }, chosen.card, ctx.hidden.mask);
  await vscode.window.showTextDocument(uri, { preview: false });
  return uri;
}

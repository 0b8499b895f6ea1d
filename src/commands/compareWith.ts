import * as vscode from 'vscode';
import type { SimDeviceVO } from '../gsl/models';
import { SIM_STATUSES } from '../gsl/models';
import type { AccountId } from '../core/accounts';
import { cardLabel } from '../core/cardText';
import type { Masker } from '../core/mask';
import { plainText } from '../core/text';
import { cardDocumentUri } from '../editor/cardDocuments';
import { cardsFromArgs } from './cardArgs';
import type { CommandContext } from './commandContext';
import { chooseFleet } from './commandContext';
import type { LinkedCard } from './linkedCard';
import { linkedCard } from './linkedCard';
import { oneCard } from './openAsDocument';
import { pickCards } from './pickCards';

/**
 * simFleet.card.compareWith — VS Code's diff editor between two cards' documents. With two cards
 * selected in the tree, those two; otherwise the card right-clicked (or a link's, or one picked)
 * on the left and, on the right, the card a second link argument names or the one picked next.
 */
export async function compareWith(ctx: CommandContext, node?: unknown, other?: unknown): Promise<[vscode.Uri, vscode.Uri] | undefined> {
  const { t } = ctx;
  const selected = cardsFromArgs(node, other, ctx.fleets.only()?.account.id);
  if (selected.length === 2) return diff(selected[0], selected[1], t, ctx.hidden.mask);
  const left = await oneCard(ctx, node, t('Compare Cards: choose the first card'));
  if (!left) return undefined;
  const linked = await linkedCard(ctx, other);
  if (linked === undefined) return undefined;
  let right: LinkedCard | undefined = linked === 'none' ? undefined : linked;
  if (!right) {
    // Any account's card: comparing a card with its twin in another account is a fair question.
    const title = t('Compare {0} with…', cardLabel(left.card));
    const fleet = await chooseFleet(ctx, undefined, title);
    if (!fleet) return undefined;
    const [picked] = (await pickCards(ctx, fleet, { title, statuses: SIM_STATUSES, many: false })) ?? [];
    if (!picked) return undefined;
    right = { accountId: fleet.account.id, card: picked };
  }
  return diff(left, right, t, ctx.hidden.mask);
}

async function diff(left: { accountId: AccountId; card: SimDeviceVO }, right: { accountId: AccountId; card: SimDeviceVO }, t: CommandContext['t'], mask: Masker): Promise<[vscode.Uri, vscode.Uri]> {
  const a = cardDocumentUri({ accountId: left.accountId, cardId: left.card.sim_card_id }, left.card, mask);
  const b = cardDocumentUri({ accountId: right.accountId, cardId: right.card.sim_card_id }, right.card, mask);
  // The tab's title is a plain-text surface: card data in it stays as typed.
  await vscode.commands.executeCommand('vscode.diff', a, b, plainText(mask(t('{0} ↔ {1}', cardLabel(left.card), cardLabel(right.card)))));
  return [a, b];
}

import * as vscode from 'vscode';
import { errorMessage } from '../host/errorMessages';
import { openCardDetail } from '../panels/index';
import { cardsFromArgs } from './cardArgs';
import type { CommandContext } from './commandContext';
import { pickCards } from './pickCards';

/** simFleet.card.openDetail — the card detail panel (also what a click on a card does). */
export async function showCardDetail(ctx: CommandContext, node?: unknown): Promise<void> {
  let [card] = cardsFromArgs(node);
  if (!card) {
    const client = ctx.session.currentClient();
    if (!client) return;
    [card] = (await pickCards(client, { title: vscode.l10n.t('Open Card Detail'), statuses: [10, 11, 13, 14, 20, 30], many: false })) ?? [];
    if (!card) return;
  }
  try {
    openCardDetail(ctx.services, card);
  } catch (err) {
    void vscode.window.showErrorMessage(errorMessage(err, vscode.l10n.t));
  }
}

import * as vscode from 'vscode';
import { errorMessage } from '../host/errorMessages';
import { openUsage } from '../panels/index';
import { cardsFromArgs } from './cardArgs';
import type { CommandContext } from './commandContext';
import { pickCards } from './pickCards';

/** simFleet.card.openUsage — daily and monthly usage of the selected cards. */
export async function showCardUsage(ctx: CommandContext, node?: unknown, nodes?: unknown): Promise<void> {
  let cards = cardsFromArgs(node, nodes);
  if (cards.length === 0) {
    const client = ctx.session.currentClient();
    if (!client) return;
    cards = (await pickCards(client, { title: vscode.l10n.t('Open Usage'), statuses: [10, 11, 13, 14, 20, 30], many: true })) ?? [];
    if (cards.length === 0) return;
  }
  try {
    openUsage(ctx.services, cards);
  } catch (err) {
    void vscode.window.showErrorMessage(errorMessage(err, vscode.l10n.t));
  }
}

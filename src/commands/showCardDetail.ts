import { SIM_STATUSES } from '../gsl/models';
import { errorMessage } from '../core/errorWords';
import { cardsFromArgs } from './cardArgs';
import type { CommandContext } from './commandContext';
import { requireClient } from './commandContext';
import { pickCards } from './pickCards';

/** simFleet.card.openDetail — the card detail panel (also what a click on a card does). */
export async function showCardDetail(ctx: CommandContext, node?: unknown): Promise<void> {
  let [card] = cardsFromArgs(node);
  if (!card) {
    const client = requireClient(ctx);
    if (!client) return;
    [card] = (await pickCards(ctx, client, { title: ctx.t('Open Card Detail'), statuses: SIM_STATUSES, many: false })) ?? [];
    if (!card) return;
  }
  try {
    ctx.panels.openCardDetail(card);
  } catch (err) {
    void ctx.ui.error(errorMessage(err, ctx.t));
  }
}

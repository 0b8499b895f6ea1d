import { SIM_STATUSES } from '../gsl/models';
import { errorMessage } from '../core/errorWords';
import { cardsFromArgs } from './cardArgs';
import type { CommandContext } from './commandContext';
import { requireClient } from './commandContext';
import { pickCards } from './pickCards';

/** simFleet.card.openUsage — daily and monthly usage of the selected cards. */
export async function showCardUsage(ctx: CommandContext, node?: unknown, nodes?: unknown): Promise<void> {
  let cards = cardsFromArgs(node, nodes);
  if (cards.length === 0) {
    const client = requireClient(ctx);
    if (!client) return;
    cards = (await pickCards(ctx, client, { title: ctx.t('Open Usage'), statuses: SIM_STATUSES, many: true })) ?? [];
    if (cards.length === 0) return;
  }
  try {
    ctx.panels.openUsage(cards);
  } catch (err) {
    void ctx.ui.error(errorMessage(err, ctx.t));
  }
}

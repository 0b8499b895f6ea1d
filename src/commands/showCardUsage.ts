import { SIM_STATUSES } from '../gsl/models';
import { errorMessage } from '../core/errorWords';
import { cardsFromArgs } from './cardArgs';
import type { CommandContext } from './commandContext';
import { requireClient } from './commandContext';
import { linkedCard } from './linkedCard';
import { pickCards } from './pickCards';

/** simFleet.card.openUsage — daily and monthly usage of the selected cards (or of a card link's card). */
export async function showCardUsage(ctx: CommandContext, node?: unknown, nodes?: unknown): Promise<void> {
  const linked = await linkedCard(ctx, node);
  if (linked === undefined) return;
  let cards = linked === 'none' ? cardsFromArgs(node, nodes) : [linked.card];
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

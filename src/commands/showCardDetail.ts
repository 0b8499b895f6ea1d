import { SIM_STATUSES } from '../gsl/models';
import { errorMessage } from '../core/errorWords';
import { cardsFromArgs } from './cardArgs';
import type { CommandContext } from './commandContext';
import { requireClient } from './commandContext';
import { linkedCard } from './linkedCard';
import { pickCards } from './pickCards';

/** simFleet.card.openDetail — the card detail panel (also what a click on a card, or a card link in a file, does). */
export async function showCardDetail(ctx: CommandContext, node?: unknown): Promise<void> {
  const linked = await linkedCard(ctx, node);
  if (linked === undefined) return;
  let [card] = linked === 'none' ? cardsFromArgs(node) : [linked.card];
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

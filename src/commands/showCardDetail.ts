import { SIM_STATUSES } from '../gsl/models';
import { errorMessage } from '../core/errorWords';
import { cardsFromArgs } from './cardArgs';
import type { CommandContext } from './commandContext';
import { chooseFleet } from './commandContext';
import { linkedCard } from './linkedCard';
import { pickCards } from './pickCards';

/** simFleet.card.openDetail — the card detail panel (also what a click on a card, or a card link in a file, does). */
export async function showCardDetail(ctx: CommandContext, node?: unknown): Promise<void> {
  const linked = await linkedCard(ctx, node);
  if (linked === undefined) return;
  let [target] = linked === 'none' ? cardsFromArgs(node, undefined, ctx.fleets.only()?.account.id) : [linked];
  if (!target) {
    const fleet = await chooseFleet(ctx, undefined, ctx.t('Open Card Detail'));
    if (!fleet) return;
    const [card] = (await pickCards(ctx, fleet, { title: ctx.t('Open Card Detail'), statuses: SIM_STATUSES, many: false })) ?? [];
    if (!card) return;
    target = { accountId: fleet.account.id, card };
  }
  try {
    ctx.panels.openCardDetail(target.accountId, target.card);
  } catch (err) {
    void ctx.ui.error(errorMessage(err, ctx.t));
  }
}

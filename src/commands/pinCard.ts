import { SIM_STATUSES } from '../gsl/models';
import { cardLabel } from '../core/cardText';
import { cardsFromArgs } from './cardArgs';
import type { CommandContext } from './commandContext';
import { chooseFleet } from './commandContext';
import { pickCards } from './pickCards';

/** simFleet.card.pin — keeps the cards in the Pinned group at the top of their account, across restarts. */
export async function pinCard(ctx: CommandContext, node?: unknown, nodes?: unknown): Promise<number> {
  let targets = cardsFromArgs(node, nodes, ctx.fleets.only()?.account.id);
  if (targets.length === 0) {
    const fleet = await chooseFleet(ctx, undefined, ctx.t('Pin Card'));
    if (!fleet) return 0;
    const cards = (await pickCards(ctx, fleet, { title: ctx.t('Pin Card'), statuses: SIM_STATUSES, many: true })) ?? [];
    targets = cards.map((card) => ({ accountId: fleet.account.id, card }));
  }
  let pinned = 0;
  for (const { accountId, card } of targets) {
    const fleet = ctx.fleets.get(accountId);
    if (!fleet || fleet.pins.has(card.sim_card_id)) continue;
    await fleet.pins.pin(card);
    ctx.log.info(`Pinned ${cardLabel(card)}`);
    pinned++;
  }
  if (pinned > 0) ctx.milestones.reached('pinned');
  return pinned;
}

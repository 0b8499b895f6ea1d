import type { AccountId } from '../core/accounts';
import { cardLabel } from '../core/cardText';
import { cardsFromArgs } from './cardArgs';
import type { CommandContext } from './commandContext';

/** simFleet.card.unpin — takes the cards out of their account's Pinned group. */
export async function unpinCard(ctx: CommandContext, node?: unknown, nodes?: unknown): Promise<number> {
  let targets: Array<{ accountId: AccountId; cardId: string }> = cardsFromArgs(node, nodes, ctx.fleets.only()?.account.id).map((x) => ({ accountId: x.accountId, cardId: x.card.sim_card_id }));
  if (targets.length === 0) {
    // From the palette: every pinned card of every account, to choose from.
    const several = ctx.fleets.all().length > 1;
    const items = ctx.fleets.all().flatMap((f) =>
      f.pins.list().map((p) => ({
        value: { accountId: f.account.id, cardId: p.cardId },
        label: p.card ? cardLabel(p.card) : p.cardId,
        description: several ? f.account.label : undefined,
      })),
    );
    if (items.length === 0) {
      void ctx.ui.info(ctx.t('No card is pinned.'));
      return 0;
    }
    targets = (await ctx.ui.pickMany(items, { title: ctx.t('Unpin Card') })) ?? [];
  }
  let unpinned = 0;
  for (const { accountId, cardId } of targets) {
    const fleet = ctx.fleets.get(accountId);
    if (!fleet?.pins.has(cardId)) continue;
    await fleet.pins.unpin(cardId);
    unpinned++;
  }
  return unpinned;
}

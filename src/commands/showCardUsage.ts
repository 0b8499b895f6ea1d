import { SIM_STATUSES } from '../gsl/models';
import type { SimDeviceVO } from '../gsl/models';
import type { AccountId } from '../core/accounts';
import { errorMessage } from '../core/errorWords';
import { cardsFromArgs } from './cardArgs';
import type { CommandContext } from './commandContext';
import { chooseFleet } from './commandContext';
import { linkedCard } from './linkedCard';
import { pickCards } from './pickCards';

/** simFleet.card.openUsage — daily and monthly usage of the selected cards (one panel per account), or of a card link's card. */
export async function showCardUsage(ctx: CommandContext, node?: unknown, nodes?: unknown): Promise<void> {
  const linked = await linkedCard(ctx, node);
  if (linked === undefined) return;
  const byAccount = new Map<AccountId, SimDeviceVO[]>();
  const named = linked === 'none' ? cardsFromArgs(node, nodes, ctx.fleets.only()?.account.id) : [linked];
  for (const { accountId, card } of named) byAccount.set(accountId, [...(byAccount.get(accountId) ?? []), card]);
  if (byAccount.size === 0) {
    const fleet = await chooseFleet(ctx, undefined, ctx.t('Open Usage'));
    if (!fleet) return;
    const cards = (await pickCards(ctx, fleet, { title: ctx.t('Open Usage'), statuses: SIM_STATUSES, many: true })) ?? [];
    if (cards.length === 0) return;
    byAccount.set(fleet.account.id, cards);
  }
  try {
    for (const [accountId, cards] of byAccount) ctx.panels.openUsage(accountId, cards);
    ctx.milestones.reached('usage');
  } catch (err) {
    void ctx.ui.error(errorMessage(err, ctx.t));
  }
}

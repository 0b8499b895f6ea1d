import { SIM_STATUSES } from '../gsl/models';
import type { SimDeviceVO } from '../gsl/models';
import type { AccountId } from '../core/accounts';
import { errorMessage } from '../core/errorWords';
import { cardsFromArgs } from './cardArgs';
import type { CommandContext } from './commandContext';
import { chooseFleet } from './commandContext';
import { pickCards } from './pickCards';

/** simFleet.card.openUsage — daily and monthly usage of the selected cards (one panel per account). */
export async function showCardUsage(ctx: CommandContext, node?: unknown, nodes?: unknown): Promise<void> {
  const byAccount = new Map<AccountId, SimDeviceVO[]>();
  for (const { accountId, card } of cardsFromArgs(node, nodes, ctx.fleets.only()?.account.id)) byAccount.set(accountId, [...(byAccount.get(accountId) ?? []), card]);
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

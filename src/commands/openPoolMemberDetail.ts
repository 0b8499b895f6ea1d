import type { SimDeviceVO } from '../gsl/models';
import type { CommandContext } from './commandContext';
import { poolMemberCard } from './poolMemberCard';

/** simFleet.poolMember.openDetail — opens a pool member's card in its detail panel. */
export async function openPoolMemberDetail(ctx: CommandContext, node?: unknown): Promise<SimDeviceVO | undefined> {
  const found = await poolMemberCard(ctx, node);
  if (!found) return undefined;
  ctx.panels.openCardDetail(found.accountId, found.card);
  return found.card;
}

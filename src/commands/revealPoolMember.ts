import type { SimDeviceVO } from '../gsl/models';
import type { CommandContext } from './commandContext';
import { poolMemberCard } from './poolMemberCard';
import { revealInTree } from './revealInTree';

/** simFleet.poolMember.reveal — shows a pool member's card in the Cards view. */
export async function revealPoolMember(ctx: CommandContext, node?: unknown): Promise<SimDeviceVO | undefined> {
  const found = await poolMemberCard(ctx, node);
  if (!found) return undefined;
  await revealInTree(ctx, found.accountId, found.card);
  return found.card;
}

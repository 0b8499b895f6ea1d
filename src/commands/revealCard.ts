import type { SimDeviceVO } from '../gsl/models';
import { cardsFromArgs } from './cardArgs';
import type { CommandContext } from './commandContext';
import { linkedCard } from './linkedCard';
import { revealInTree } from './revealInTree';

/** simFleet.card.reveal — shows a card link's card (from a hover in a file) in the Cards view. */
export async function revealCard(ctx: CommandContext, node?: unknown): Promise<SimDeviceVO | undefined> {
  const linked = await linkedCard(ctx, node);
  if (linked === undefined) return undefined;
  const [target] = linked === 'none' ? cardsFromArgs(node, undefined, ctx.fleets.only()?.account.id) : [linked];
  if (!target) return undefined;
  await revealInTree(ctx, target.accountId, target.card);
  return target.card;
}

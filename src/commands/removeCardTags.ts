import type { CommandContext } from './commandContext';
import { runCardAction, type CardActionResult } from './runCardAction';

/** simFleet.card.removeTags — BatchSetTags with each card's tags minus the chosen ones. */
export function removeCardTags(ctx: CommandContext, node?: unknown, nodes?: unknown): Promise<CardActionResult | undefined> {
  return runCardAction(ctx, 'removeTags', node, nodes);
}

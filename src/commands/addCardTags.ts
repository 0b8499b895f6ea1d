import type { CommandContext } from './commandContext';
import { runCardAction, type CardActionResult } from './runCardAction';

/** simFleet.card.addTags — BatchSetTags with each card's tags plus the chosen ones (new tags are created first). */
export function addCardTags(ctx: CommandContext, node?: unknown, nodes?: unknown): Promise<CardActionResult | undefined> {
  return runCardAction(ctx, 'addTags', node, nodes);
}

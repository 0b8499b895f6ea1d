import type { CommandContext } from './commandContext';
import { runCardAction, type CardActionResult } from './runCardAction';

/** simFleet.card.setAttribute — BatchSetAttributes: one custom attribute's value on the cards (empty clears it). */
export function setCardAttribute(ctx: CommandContext, node?: unknown, nodes?: unknown): Promise<CardActionResult | undefined> {
  return runCardAction(ctx, 'setAttribute', node, nodes);
}

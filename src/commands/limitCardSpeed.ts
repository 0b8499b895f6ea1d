import type { CommandContext } from './commandContext';
import { runCardAction, type CardActionResult } from './runCardAction';

/** simFleet.card.limitSpeed — SetSpeedValue, with only the limits the cards' carriers offer. */
export function limitCardSpeed(ctx: CommandContext, node?: unknown, nodes?: unknown): Promise<CardActionResult | undefined> {
  return runCardAction(ctx, 'limitSpeed', node, nodes);
}

import type { CommandContext } from './commandContext';
import { runCardAction, type CardActionResult } from './runCardAction';

/** simFleet.card.stop — API StopSimCard on cards in use. */
export function stopCard(ctx: CommandContext, node?: unknown, nodes?: unknown): Promise<CardActionResult | undefined> {
  return runCardAction(ctx, 'stop', node, nodes);
}

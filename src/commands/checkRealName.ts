import type { CommandContext } from './commandContext';
import { runCardAction, type CardActionResult } from './runCardAction';

/** simFleet.card.checkRealName — ShowRealNamed: asks the carrier, now, whether the cards are real-name registered. */
export function checkRealName(ctx: CommandContext, node?: unknown, nodes?: unknown): Promise<CardActionResult | undefined> {
  return runCardAction(ctx, 'checkRealName', node, nodes);
}

import type { CommandContext } from './commandContext';
import { runCardAction, type CardActionResult } from './runCardAction';

/** simFleet.card.cutNetwork — StartStopNet ADD: turns a China Telecom card's data network off. */
export function cutCardNetwork(ctx: CommandContext, node?: unknown, nodes?: unknown): Promise<CardActionResult | undefined> {
  return runCardAction(ctx, 'cutNetwork', node, nodes);
}

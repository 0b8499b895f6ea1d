import type { CommandContext } from './commandContext';
import { runCardAction, type CardActionResult } from './runCardAction';

/** simFleet.card.restoreNetwork — StartStopNet DEL: turns a cut China Telecom card's network back on. */
export function restoreCardNetwork(ctx: CommandContext, node?: unknown, nodes?: unknown): Promise<CardActionResult | undefined> {
  return runCardAction(ctx, 'restoreNetwork', node, nodes);
}

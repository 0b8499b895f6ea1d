import type { CommandContext } from './commandContext';
import { runCardAction, type CardActionResult } from './runCardAction';

/** simFleet.card.clearRealName — DeleteRealName on China Telecom cards, behind a second, typed confirmation. */
export function clearRealName(ctx: CommandContext, node?: unknown, nodes?: unknown): Promise<CardActionResult | undefined> {
  return runCardAction(ctx, 'clearRealName', node, nodes);
}

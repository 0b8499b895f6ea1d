import type { CommandContext } from './commandContext';
import { runCardAction, type CardActionResult } from './runCardAction';

/** simFleet.card.clearAttribute — BatchSetAttributes with an empty value for one custom attribute. */
export function clearCardAttribute(ctx: CommandContext, node?: unknown, nodes?: unknown): Promise<CardActionResult | undefined> {
  return runCardAction(ctx, 'clearAttribute', node, nodes);
}

import type { CommandContext } from './commandContext';
import { runCardAction, type CardActionResult } from './runCardAction';

/** simFleet.card.activate — API EnableSimCard on testable or activatable physical cards. */
export function activateCard(ctx: CommandContext, node?: unknown, nodes?: unknown): Promise<CardActionResult | undefined> {
  return runCardAction(ctx, 'activate', node, nodes);
}

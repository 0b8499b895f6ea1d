import type { CommandContext } from './commandContext';
import { runCardAction, type CardActionResult } from './runCardAction';

/** simFleet.card.resume — API ResetSimCard on deactivated cards. */
export function resumeCard(ctx: CommandContext, node?: unknown, nodes?: unknown): Promise<CardActionResult | undefined> {
  return runCardAction(ctx, 'resume', node, nodes);
}

import type { CommandContext } from './commandContext';
import { runCardAction, type CardActionResult } from './runCardAction';

/** simFleet.card.cancelUsageCutoff — SetExceedCutNet 2: cancels the usage threshold. */
export function cancelUsageCutoff(ctx: CommandContext, node?: unknown, nodes?: unknown): Promise<CardActionResult | undefined> {
  return runCardAction(ctx, 'cancelUsageCutoff', node, nodes);
}

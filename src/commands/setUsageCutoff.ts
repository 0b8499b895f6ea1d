import type { CommandContext } from './commandContext';
import { runCardAction, type CardActionResult } from './runCardAction';

/** simFleet.card.setUsageCutoff — SetExceedCutNet 1: cuts the network once a card has used the threshold (MB). */
export function setUsageCutoff(ctx: CommandContext, node?: unknown, nodes?: unknown): Promise<CardActionResult | undefined> {
  return runCardAction(ctx, 'setUsageCutoff', node, nodes);
}

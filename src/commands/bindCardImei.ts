import type { CommandContext } from './commandContext';
import { runCardAction, type CardActionResult } from './runCardAction';

/** simFleet.card.bindImei — RegisterImei: binds the card to the device in use, or (one China Telecom card) to an IMEI. */
export function bindCardImei(ctx: CommandContext, node?: unknown, nodes?: unknown): Promise<CardActionResult | undefined> {
  return runCardAction(ctx, 'bindImei', node, nodes);
}

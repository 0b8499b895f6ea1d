import type { CommandContext } from './commandContext';
import { runCardAction, type CardActionResult } from './runCardAction';

/** simFleet.card.sendSms — SendSms to the cards by container id, one message checked to fit one SMS. */
export function sendCardSms(ctx: CommandContext, node?: unknown, nodes?: unknown): Promise<CardActionResult | undefined> {
  return runCardAction(ctx, 'sendSms', node, nodes);
}

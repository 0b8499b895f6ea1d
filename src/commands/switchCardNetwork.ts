import type { CommandContext } from './commandContext';
import { runCardAction, type CardActionResult } from './runCardAction';

/** simFleet.card.switchNetwork — SwitchNetwork, on three-network cards, to a carrier they are not online with. */
export function switchCardNetwork(ctx: CommandContext, node?: unknown, nodes?: unknown): Promise<CardActionResult | undefined> {
  return runCardAction(ctx, 'switchNetwork', node, nodes);
}

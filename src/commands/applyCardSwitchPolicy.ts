import type { CommandContext } from './commandContext';
import { runCardAction, type CardActionResult } from './runCardAction';

/** simFleet.card.applySwitchPolicy — SetNetworkSwitchPolicy, one of the account's policies on three-network cards. */
export function applyCardSwitchPolicy(ctx: CommandContext, node?: unknown, nodes?: unknown): Promise<CardActionResult | undefined> {
  return runCardAction(ctx, 'applySwitchPolicy', node, nodes);
}

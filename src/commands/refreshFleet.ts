import type { CommandContext } from './commandContext';

/** simFleet.fleet.refresh — forget what is loaded and ask the server again. */
export async function refreshFleet(ctx: CommandContext): Promise<void> {
  ctx.refresh.refreshNow();
  await ctx.model.loadCounts();
}

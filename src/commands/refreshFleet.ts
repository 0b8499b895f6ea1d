import type { CommandContext } from './commandContext';

/** simFleet.fleet.refresh — ask the server again for the counts and every loaded page, keeping the view's place. */
export async function refreshFleet(ctx: CommandContext): Promise<void> {
  await ctx.refresh.refreshNow();
}

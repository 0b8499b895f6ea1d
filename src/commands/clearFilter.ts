import type { CommandContext } from './commandContext';

/** simFleet.fleet.clearFilter — show the whole fleet again, in the server's order. */
export async function clearFilter(ctx: CommandContext): Promise<void> {
  ctx.model.setFilter({});
  ctx.model.setSort(undefined);
}

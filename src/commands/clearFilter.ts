import type { CommandContext } from './commandContext';
import { accountOfArg } from './commandContext';

/** simFleet.fleet.clearFilter — show the whole fleet again, in the server's order: of the account named, or of every account. */
export async function clearFilter(ctx: CommandContext, arg?: unknown): Promise<void> {
  const named = accountOfArg(arg);
  for (const fleet of ctx.fleets.all()) {
    if (named !== undefined && fleet.account.id !== named) continue;
    fleet.model.setFilter({});
    fleet.model.setSort(undefined);
  }
}

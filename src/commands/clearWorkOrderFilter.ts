import type { CommandContext } from './commandContext';
import { accountOfArg } from './commandContext';

/** simFleet.workOrders.clearFilter — every work order again: of the account named, or of every account. */
export async function clearWorkOrderFilter(ctx: CommandContext, arg?: unknown): Promise<void> {
  const named = accountOfArg(arg);
  for (const f of ctx.fleets.all()) if (named === undefined || f.account.id === named) f.workOrders.setFilter({});
}

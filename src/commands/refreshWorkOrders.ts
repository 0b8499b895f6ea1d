import type { CommandContext } from './commandContext';
import { accountOfArg } from './commandContext';

/** simFleet.workOrders.refresh — read the work orders again (also "Retry" after an error): of the account named, or of every account. */
export async function refreshWorkOrders(ctx: CommandContext, arg?: unknown): Promise<void> {
  const named = accountOfArg(arg);
  const lists = ctx.fleets.all().filter((f) => named === undefined || f.account.id === named);
  for (const f of lists) f.workOrders.reset();
  await Promise.all(lists.map((f) => f.workOrders.load()));
}

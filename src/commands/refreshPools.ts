import type { CommandContext } from './commandContext';
import { accountOfArg } from './commandContext';

/** simFleet.pools.refresh — read the pools again (also "Retry" after an error): of the account named, or of every account. */
export async function refreshPools(ctx: CommandContext, arg?: unknown): Promise<void> {
  const named = accountOfArg(arg);
  const lists = ctx.fleets.all().filter((f) => named === undefined || f.account.id === named);
  for (const f of lists) f.pools.reset();
  await Promise.all(lists.map((f) => f.pools.load()));
}

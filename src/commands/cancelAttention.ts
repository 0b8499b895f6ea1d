import { accountOfArg } from './commandContext';
import type { CommandContext } from './commandContext';

/** simFleet.attention.cancel — stops the runs on their way (the account's, or every one); earlier results stay. */
export async function cancelAttention(ctx: CommandContext, arg?: unknown): Promise<number> {
  const named = accountOfArg(arg);
  let stopped = 0;
  for (const a of ctx.attention.all()) if ((named === undefined || a.accountId === named) && a.cancel()) stopped++;
  return stopped;
}

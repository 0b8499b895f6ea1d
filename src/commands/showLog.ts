import type { CommandContext } from './commandContext';

/** simFleet.log.show — the "SIM Fleet" output channel. */
export async function showLog(ctx: CommandContext): Promise<void> {
  ctx.log.show();
}

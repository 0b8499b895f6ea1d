import type { AttentionReason } from '../core/attention/settings';
import { chooseAttention } from './attentionArgs';
import type { CommandContext } from './commandContext';

/**
 * simFleet.attention.run — looks for the cards needing attention again now (also "Retry" after a
 * failed run). The tree stays usable meanwhile; resolves with the counts when the run finished.
 */
export async function runAttention(ctx: CommandContext, arg?: unknown): Promise<Record<AttentionReason, number> | undefined> {
  const attention = await chooseAttention(ctx, arg, ctx.t('Find Cards Needing Attention'));
  if (!attention) return undefined;
  const run = await attention.run();
  return run ? attention.counts() : undefined;
}

import { GroupNode } from '../fleet/nodes/groupNode';
import { LoadMoreNode } from '../fleet/nodes/loadMoreNode';
import type { CommandContext } from './commandContext';

/** simFleet.group.loadMore — the next page of a status group (also "Retry" after a failed page). */
export async function loadMore(ctx: CommandContext, node?: unknown): Promise<void> {
  const status = node instanceof LoadMoreNode || node instanceof GroupNode ? node.status : undefined;
  if (status === undefined) return;
  if (ctx.model.group(status).error !== undefined) await ctx.model.retry(status);
  else await ctx.model.loadNextPage(status);
}

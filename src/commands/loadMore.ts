import { GroupNode } from '../fleet/nodes/groupNode';
import { LoadMoreNode } from '../fleet/nodes/loadMoreNode';
import type { CommandContext } from './commandContext';

/** simFleet.group.loadMore — the next page of a status group (also "Retry" after a failed page). */
export async function loadMore(_ctx: CommandContext, node?: unknown): Promise<void> {
  const group = node instanceof LoadMoreNode ? node.parent : node instanceof GroupNode ? node : undefined;
  if (!group) return;
  const { model } = group.fleet;
  if (model.group(group.status).error !== undefined) await model.retry(group.status);
  else await model.loadNextPage(group.status);
}

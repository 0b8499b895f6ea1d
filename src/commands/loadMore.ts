import { GroupNode } from '../fleet/nodes/groupNode';
import { LoadMoreNode } from '../fleet/nodes/loadMoreNode';
import type { PagedNode } from '../fleet/nodes/loadMoreNode';
import type { CommandContext } from './commandContext';

/** simFleet.group.loadMore — the next page of a status group or a Needs attention list (also "Retry" after a failed page). */
export async function loadMore(_ctx: CommandContext, node?: unknown): Promise<void> {
  // A Needs attention list shows the next page of what its run found.
  const target = node instanceof LoadMoreNode ? node.parent : node;
  if (target !== null && typeof target === 'object' && 'showMore' in target) return (target as PagedNode).showMore();
  const group = target instanceof GroupNode ? target : undefined;
  if (!group) return;
  const { model } = group.fleet;
  if (model.group(group.status).error !== undefined) await model.retry(group.status);
  else await model.loadNextPage(group.status);
}

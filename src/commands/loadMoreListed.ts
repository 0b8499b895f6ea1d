import { PageMoreNode } from '../fleet/nodes/pageMoreNode';
import type { CommandContext } from './commandContext';

/** simFleet.list.loadMore — the next page of a paged list in the Work Orders or Pools view (also "Retry" after a failed page). */
export async function loadMoreListed(_ctx: CommandContext, node?: unknown): Promise<void> {
  if (node instanceof PageMoreNode) await node.loadMore();
}

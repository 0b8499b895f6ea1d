import { PageMoreNode } from '../fleet/nodes/workOrderNodes';
import type { CommandContext } from './commandContext';

/** simFleet.workOrders.loadMore — the next page of work orders or of an order's cards (also "Retry" after a failed page). */
export async function loadMoreWorkOrders(_ctx: CommandContext, node?: unknown): Promise<void> {
  if (node instanceof PageMoreNode) await node.loadMore();
}

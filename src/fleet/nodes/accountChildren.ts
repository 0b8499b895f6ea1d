/** What an account shows under its root (or at the view's root when it is the only one): its status groups, or why not. */
import type { CommandId } from '../../core/commandIds';
import { errorMessage } from '../../core/errorWords';
import { SIM_STATUSES } from '../../gsl/models';
import type { SimStatus } from '../../gsl/models';
import type { AccountFleet } from '../fleets';
import { isFilterActive } from '../filter';
import type { FleetNode, TreeContext } from './fleetNode';
import type { GroupNode } from './groupNode';
import { MessageNode } from './messageNode';
import type { PinnedNode } from './pinnedNode';
import type { AttentionGroupNode } from './attentionGroupNode';
import type { AttentionStatusNode } from './attentionStatusNode';

/** The nodes an account shows, made once per account so refresh events can name them. */
export interface AccountNodeSet {
  groups: ReadonlyMap<SimStatus, GroupNode>;
  pinned: PinnedNode;
  /** Needs attention, and its status groups for "Needs attention only". */
  attention?: AttentionGroupNode;
  attentionGroups?: ReadonlyMap<SimStatus, AttentionStatusNode>;
  /** "Needs attention only" is on: the status groups hold only the cards needing attention. */
  attentionOnly?: () => boolean;
}

export async function accountChildren(fleet: AccountFleet, ctx: TreeContext, parent: FleetNode | undefined, nodes: AccountNodeSet): Promise<FleetNode[]> {
  const { groups } = nodes;
  // Pinned cards come first, whatever the filter: they are what the person watches.
  const pinned = fleet.pins.list().length > 0 ? [nodes.pinned] : [];
  const { model } = fleet;
  const { t } = ctx;
  if (!model.countsLoaded && model.countsError === undefined) await model.loadCounts();
  const failed = model.countsError;
  const retry = { command: 'simFleet.fleet.refresh' satisfies CommandId, title: t('Retry') };
  if (failed !== undefined && !model.countsLoaded) return [...pinned, new MessageNode(parent, 'error', errorMessage(failed, t), retry, undefined, ctx.mask)];
  // A refresh that failed keeps the fleet on screen and says so above it.
  const notice = failed !== undefined ? [new MessageNode(parent, 'error', t('Could not refresh: {0}', errorMessage(failed, t)), retry, undefined, ctx.mask)] : [];
  if (model.total() === 0) {
    return [
      ...pinned,
      isFilterActive(model.filter)
        ? new MessageNode(parent, 'empty', t('No cards match the filter.'), { command: 'simFleet.fleet.clearFilter' satisfies CommandId, title: t('Clear Filter'), arguments: [{ accountId: fleet.account.id }] })
        : new MessageNode(parent, 'empty', t('This fleet has no cards.')),
    ];
  }
  // Needs attention comes right after the pins (see attentionGroupNode.ts), above the status groups.
  const attention = nodes.attention?.shown ? [nodes.attention] : [];
  const only = attention.length > 0 && nodes.attentionOnly?.() === true && nodes.attentionGroups;
  const statusGroups: FleetNode[] = only ? SIM_STATUSES.map((s) => nodes.attentionGroups!.get(s)!) : SIM_STATUSES.map((s) => groups.get(s) as GroupNode);
  return [...notice, ...pinned, ...attention, ...statusGroups];
}

import * as vscode from 'vscode';
import type { AnyPool } from '../core/poolText';
import { POOL_KINDS } from '../core/poolText';
import { PoolKindNode, PoolNode, poolAccountNode } from '../fleet/nodes/poolNodes';
import { treeContext } from '../fleet/nodes/fleetNode';
import { cardsFromArgs } from './cardArgs';
import type { CommandContext } from './commandContext';

/**
 * simFleet.card.showPool — shows the pool a card belongs to in the Pools view, selected: the
 * pools are read page by page until it is found. Returns the pool (what a test checks).
 */
export async function showCardPool(ctx: CommandContext, node?: unknown): Promise<AnyPool | undefined> {
  const [target] = cardsFromArgs(node, undefined, ctx.fleets.only()?.account.id);
  const { t, ui } = ctx;
  const poolId = target?.card.sim_pool_id;
  const fleet = target ? ctx.fleets.get(target.accountId) : undefined;
  if (!target || !fleet) return undefined;
  if (!poolId) {
    void ui.info(t('This card is not in a data pool.'));
    return undefined;
  }
  const { pools } = fleet;
  await pools.load();
  let found = pools.find(poolId);
  for (const kind of POOL_KINDS) {
    const list = pools.pools(kind);
    while (!found && list.hasMore && list.error === undefined) {
      await list.loadMore();
      found = pools.find(poolId);
    }
  }
  if (!found) {
    void ui.info(t('The pool of this card was not found in this account.'));
    return undefined;
  }
  // VS Code's own command that shows a view (not one of ours, so not a CommandId).
  await vscode.commands.executeCommand('simFleet.pools.focus');
  const treeCtx = treeContext(ctx.fleets, t, () => ctx.hidden.mask);
  const kindNode = new PoolKindNode(treeCtx.multiAccount ? poolAccountNode(fleet, treeCtx) : undefined, fleet, found.kind, treeCtx);
  try {
    await ctx.poolsView.reveal(new PoolNode(kindNode, fleet, found, treeCtx), { select: true, focus: true, expand: false });
  } catch (err) {
    ctx.log.error('Could not reveal the pool', err);
  }
  return found;
}

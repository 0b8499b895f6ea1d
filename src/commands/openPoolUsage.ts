import type { AnyPool } from '../core/poolText';
import type { PoolUsagePanel } from '../panels/index';
import type { CommandContext } from './commandContext';

/** A pool node of the Pools view, as a menu passes it: its account and the pool. */
function poolOf(node: unknown): { accountId: string; pool: AnyPool } | undefined {
  if (typeof node !== 'object' || node === null) return undefined;
  const { accountId, pool } = node as { accountId?: unknown; pool?: Partial<AnyPool> };
  if (typeof accountId !== 'string' || !pool || (pool.kind !== 'flow' && pool.kind !== 'back') || typeof pool.pool?.id !== 'string') return undefined;
  return { accountId, pool: pool as AnyPool };
}

/** simFleet.pool.openUsage — a pool's last six billing cycles in the usage panel's chart and table, with CSV export. */
export function openPoolUsage(ctx: CommandContext, node?: unknown): PoolUsagePanel | undefined {
  const found = poolOf(node);
  if (!found) {
    void ctx.ui.info(ctx.t('Open Pool Usage from a pool in the Pools view.'));
    return undefined;
  }
  return ctx.panels.openPoolUsage(found.accountId, found.pool);
}

/**
 * An account's data pools, as the Pools view shows them: flow (forward) pools and back pools of
 * the current billing cycle (ListSimPools, ListBackPools), each paged, and each pool's member
 * cards of that cycle (ListSimPoolMembers, ListBackPoolMembers), paged when it is expanded.
 * Plain Node (no `vscode`).
 */
import type { GslApi } from '../gsl/api';
import type { PoolMemVO } from '../gsl/models';
import type { AnyPool, PoolKind } from '../core/poolText';
import { POOL_KINDS } from '../core/poolText';
import { Emitter } from '../core/events';
import type { Disposable } from '../core/events';
import { PagedList } from './pagedList';
import { billingCycleKey } from '../core/attention/days';

export type PoolListClient = Pick<GslApi, 'listSimPools' | 'listBackPools' | 'listSimPoolMembers' | 'listBackPoolMembers'>;


export class PoolList implements Disposable {
  private readonly lists: Record<PoolKind, PagedList<AnyPool>>;
  private readonly memberLists = new Map<string, PagedList<PoolMemVO>>();
  private readonly changed = new Emitter<void>();
  readonly onDidChange = this.changed.event;

  constructor(
    private readonly client: () => PoolListClient | undefined,
    private readonly pageSize: () => number,
  ) {
    const fire = () => this.changed.fire();
    this.lists = {
      flow: new PagedList<AnyPool>(
        async ({ offset, limit }) => {
          const r = await this.requireClient().listSimPools({ limit, offset });
          return { count: r.count, items: r.pools.map((pool) => ({ kind: 'flow' as const, pool })) };
        },
        pageSize,
        fire,
      ),
      back: new PagedList<AnyPool>(
        async ({ offset, limit }) => {
          const r = await this.requireClient().listBackPools({ limit, offset });
          return { count: r.count, items: r.pools.map((pool) => ({ kind: 'back' as const, pool })) };
        },
        pageSize,
        fire,
      ),
    };
  }

  /** One kind's pools, paged. */
  pools(kind: PoolKind): PagedList<AnyPool> {
    return this.lists[kind];
  }

  /** The first page of both kinds, read at once (one round trip). */
  load(): Promise<void> {
    return Promise.all(POOL_KINDS.map((k) => this.lists[k].load())).then(() => undefined);
  }

  /** Forgets everything; the next look reads again. */
  reset(): void {
    for (const k of POOL_KINDS) this.lists[k].reset();
    for (const m of this.memberLists.values()) m.reset();
    this.memberLists.clear();
    this.changed.fire();
  }

  /** A pool's member cards in the pool's billing cycle, paged; made once per pool. */
  membersOf(p: AnyPool): PagedList<PoolMemVO> {
    const key = `${p.kind}:${p.pool.id}`;
    let list = this.memberLists.get(key);
    if (!list) {
      const cycle = p.pool.billing_cycle ?? billingCycleKey(Date.now());
      list = new PagedList<PoolMemVO>(
        async ({ offset, limit }) => {
          const client = this.requireClient();
          const query = { billing_cycle: cycle, limit, offset };
          const r = p.kind === 'flow' ? await client.listSimPoolMembers(p.pool.id, query) : await client.listBackPoolMembers(p.pool.id, query);
          return { count: r.count, items: r.pool_members };
        },
        this.pageSize,
        () => this.changed.fire(),
      );
      this.memberLists.set(key, list);
    }
    return list;
  }

  /** The pool a card belongs to, among those loaded. */
  find(poolId: string): AnyPool | undefined {
    for (const k of POOL_KINDS) {
      const hit = this.lists[k].items.find((p) => p.pool.id === poolId);
      if (hit) return hit;
    }
    return undefined;
  }

  dispose(): void {
    this.changed.dispose();
  }

  private requireClient(): PoolListClient {
    const client = this.client();
    if (!client) throw new Error('The account is not signed in.');
    return client;
  }
}

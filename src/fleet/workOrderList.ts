/**
 * An account's work orders, as the Work Orders view shows them: every order the API lists
 * (whoever started it: the console, colleagues, automation, the API, this window), newest first,
 * with the orders still pending on top, filtered by type and status, page by page. Each order's
 * per-card lines load when it is expanded. `followPending` reads the pending orders again and
 * reports those that ended, so the view can follow them while it is visible. Plain Node (no `vscode`).
 */
import type { GslApi } from '../gsl/api';
import type { Id, WorkOrderDetailVo, WorkOrderStatus, WorkOrderVo } from '../gsl/models';
import { MAX_LIMIT } from '../gsl/paging';
import { Emitter } from '../core/events';
import type { Disposable } from '../core/events';
import { PENDING_WORK_ORDER_STATUSES, isFinalStatus } from '../core/workOrders';
import { PagedList } from './pagedList';

export type WorkOrderListClient = Pick<GslApi, 'listWorkOrders' | 'listWorkOrderDetails' | 'showWorkOrder'>;

/** What the view is narrowed to: one order type, one status (gsl-api.md 3.6), or neither. */
export interface WorkOrderFilter {
  type?: number;
  status?: WorkOrderStatus;
}

export function isWorkOrderFilterActive(f: WorkOrderFilter): boolean {
  return f.type !== undefined || f.status !== undefined;
}

const newestFirst = (a: WorkOrderVo, b: WorkOrderVo): number => (a.create_time < b.create_time ? 1 : a.create_time > b.create_time ? -1 : 0);

export class WorkOrderList implements Disposable {
  private filterValue: WorkOrderFilter = {};
  private pendingOrders: WorkOrderVo[] = [];
  private pendingFailure: unknown;
  private pendingRead = false;
  private pendingGeneration = 0;
  private pendingLoad: Promise<void> | undefined;
  private readonly lines = new Map<Id, PagedList<WorkOrderDetailVo>>();
  readonly orders: PagedList<WorkOrderVo>;
  private readonly changed = new Emitter<void>();
  readonly onDidChange = this.changed.event;

  constructor(
    private readonly client: () => WorkOrderListClient | undefined,
    private readonly pageSize: () => number,
  ) {
    this.orders = new PagedList<WorkOrderVo>(
      async ({ offset, limit }) => {
        const r = await this.requireClient().listWorkOrders({ ...this.query(), limit, offset });
        return { count: r.count, items: r.work_orders };
      },
      pageSize,
      () => this.changed.fire(),
    );
  }

  get filter(): WorkOrderFilter {
    return this.filterValue;
  }

  /** Narrows the list; what is loaded is forgotten and read again. */
  setFilter(filter: WorkOrderFilter): void {
    this.filterValue = { ...filter };
    this.reset();
  }

  /** Whether the first page and the pending orders came back (or failed). */
  get settled(): boolean {
    return this.orders.settled && this.pendingRead;
  }

  /** The error to show instead of the list: the first page's, or the pending orders'. */
  get error(): unknown {
    return this.orders.error ?? this.pendingFailure;
  }

  /** The pending orders first (newest first), then every loaded order not among them. */
  rows(): WorkOrderVo[] {
    const pending = [...this.pendingOrders].sort(newestFirst);
    const ids = new Set(pending.map((o) => o.id));
    return [...pending, ...this.orders.items.filter((o) => !ids.has(o.id))];
  }

  /** Orders this list knows to be pending. */
  get pending(): readonly WorkOrderVo[] {
    return this.pendingOrders;
  }

  /** The first page and every pending order, read at once (one round trip). */
  load(): Promise<void> {
    if (!this.pendingRead) this.pendingLoad ??= this.readPending().finally(() => (this.pendingLoad = undefined));
    return Promise.all([this.orders.load(), this.pendingLoad]).then(() => undefined);
  }

  /** Forgets everything; the next look reads again. */
  reset(): void {
    this.orders.reset();
    this.pendingOrders = [];
    this.pendingFailure = undefined;
    this.pendingRead = false;
    this.pendingGeneration++;
    this.pendingLoad = undefined;
    for (const l of this.lines.values()) l.reset();
    this.lines.clear();
    this.changed.fire();
  }

  /** One order's per-card lines (ListWorkOrderDetails), paged; made once per order. */
  linesOf(orderId: Id): PagedList<WorkOrderDetailVo> {
    let list = this.lines.get(orderId);
    if (!list) {
      list = new PagedList<WorkOrderDetailVo>(
        async ({ offset, limit }) => {
          const r = await this.requireClient().listWorkOrderDetails(orderId, { limit, offset });
          return { count: r.count, items: r.work_order_details };
        },
        this.pageSize,
        () => this.changed.fire(),
      );
      this.lines.set(orderId, list);
    }
    return list;
  }

  /**
   * Reads the pending orders again. Those that are no longer pending are read once more for how
   * they ended, take their place in the list, and are returned; new pending orders join the top.
   */
  async followPending(): Promise<WorkOrderVo[]> {
    const before = this.pendingOrders;
    const generation = this.pendingGeneration;
    await this.readPending();
    if (generation !== this.pendingGeneration || this.pendingFailure !== undefined) return [];
    const still = new Set(this.pendingOrders.map((o) => o.id));
    const client = this.client();
    if (!client) return [];
    const ended: WorkOrderVo[] = [];
    for (const gone of before.filter((o) => !still.has(o.id))) {
      const order = await client.showWorkOrder(gone.id).catch(() => undefined);
      if (generation !== this.pendingGeneration) return [];
      if (!order || !isFinalStatus(order.status)) continue;
      ended.push(order);
      // Lines that were loaded while it ran are read again for their outcome.
      this.lines.get(order.id)?.reset();
      if (!this.orders.replace(order, (o) => o.id === order.id) && this.matches(order)) {
        const newest = this.orders.items[0];
        if (!newest || newestFirst(order, newest) <= 0) this.orders.prepend(order);
      }
    }
    if (ended.length > 0) this.changed.fire();
    return ended;
  }

  dispose(): void {
    this.pendingGeneration++;
    this.changed.dispose();
  }

  private matches(order: WorkOrderVo): boolean {
    const f = this.filterValue;
    return (f.type === undefined || order.work_order_type === f.type) && (f.status === undefined || order.status === f.status);
  }

  private query(): { work_order_type?: number; status?: WorkOrderStatus } {
    const f = this.filterValue;
    return { ...(f.type !== undefined ? { work_order_type: f.type } : {}), ...(f.status !== undefined ? { status: f.status } : {}) };
  }

  private requireClient(): WorkOrderListClient {
    const client = this.client();
    if (!client) throw new Error('The account is not signed in.');
    return client;
  }

  /** Every pending order of the filter's type: one request per pending status the filter admits, at once. */
  private async readPending(): Promise<void> {
    const generation = this.pendingGeneration;
    // The follower reads every few seconds: the view is drawn again only when what it shows changed.
    const shown = (): string => JSON.stringify([this.pendingRead, this.pendingFailure === undefined ? null : String(this.pendingFailure), this.pendingOrders]);
    const before = shown();
    const statuses = PENDING_WORK_ORDER_STATUSES.filter((s) => this.filterValue.status === undefined || this.filterValue.status === s);
    const type = this.filterValue.type;
    try {
      const client = this.requireClient();
      const pages = await Promise.all(statuses.map((status) => client.listWorkOrders({ status, ...(type !== undefined ? { work_order_type: type } : {}), limit: MAX_LIMIT, offset: 1 })));
      if (generation !== this.pendingGeneration) return;
      this.pendingOrders = pages.flatMap((p) => p.work_orders);
      this.pendingFailure = undefined;
    } catch (err) {
      if (generation !== this.pendingGeneration) return;
      this.pendingFailure = err;
    }
    this.pendingRead = true;
    if (shown() !== before) this.changed.fire();
  }
}

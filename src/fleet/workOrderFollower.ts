/**
 * Follows the account's pending work orders while the Work Orders view is visible, whoever
 * started them: every few seconds each signed-in account's list reads its pending orders again,
 * and for each that ended its cards (every line of the order) are handed on, so the Cards view
 * and the detail panels that show them read them again. Stops while the view is hidden or nothing
 * is pending. Plain Node (no `vscode`).
 */
import type { Id, WorkOrderVo } from '../gsl/models';
import { MAX_LIMIT, paginate } from '../gsl/paging';
import type { AccountId } from '../core/accounts';
import type { Disposable, Event } from '../core/events';
import type { WorkOrderListClient } from './workOrderList';
import type { Fleets } from './fleets';

/** How often pending orders are read again while the view is visible. */
export const FOLLOW_INTERVAL_MS = 3000;

export interface WorkOrderFollowerOptions {
  fleets: Pick<Fleets, 'all' | 'onDidChange'>;
  view: { readonly visible: boolean; readonly onDidChangeVisibility: Event<unknown> };
  /** An order ended: its account, the order, and the cards it touched. */
  onEnded: (accountId: AccountId, order: WorkOrderVo, cardIds: Id[]) => void;
  intervalMs?: number;
}

export class WorkOrderFollower implements Disposable {
  private timer: ReturnType<typeof setTimeout> | undefined;
  private running = false;
  private readonly subscriptions: Disposable[];
  private listWatches: Disposable[] = [];

  constructor(private readonly options: WorkOrderFollowerOptions) {
    this.subscriptions = [options.view.onDidChangeVisibility(() => this.schedule()), options.fleets.onDidChange(() => this.subscribe())];
    this.subscribe();
  }

  /** Whether a check is due (the view is visible and some account has a pending order). */
  get following(): boolean {
    return this.timer !== undefined || this.running;
  }

  /** Reads every account's pending orders now and hands on those that ended. */
  async followNow(): Promise<void> {
    this.running = true;
    try {
      await Promise.all(
        this.options.fleets.all().map(async (fleet) => {
          const list = fleet.workOrders;
          if (!list.settled || list.pending.length === 0) return;
          for (const order of await list.followPending()) {
            const client = fleet.account.currentClient();
            const cardIds = client ? await cardsOf(client, order).catch(() => []) : [];
            this.options.onEnded(fleet.account.id, order, cardIds);
          }
        }),
      );
    } finally {
      this.running = false;
    }
    this.schedule();
  }

  dispose(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    for (const d of [...this.subscriptions, ...this.listWatches]) d.dispose();
  }

  /** Schedules the next check when the view is visible and something is pending. */
  private schedule(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    if (this.running || !this.options.view.visible) return;
    if (!this.options.fleets.all().some((f) => f.workOrders.pending.length > 0)) return;
    this.timer = setTimeout(() => {
      this.timer = undefined;
      void this.followNow();
    }, this.options.intervalMs ?? FOLLOW_INTERVAL_MS);
  }

  /** A list that loaded pending orders starts the following. */
  private subscribe(): void {
    for (const d of this.listWatches) d.dispose();
    this.listWatches = this.options.fleets.all().map((f) => f.workOrders.onDidChange(() => this.timer === undefined && this.schedule()));
    this.schedule();
  }
}

/** Every card of an order: its lines, read whole. */
async function cardsOf(client: Pick<WorkOrderListClient, 'listWorkOrderDetails'>, order: WorkOrderVo): Promise<Id[]> {
  const ids: Id[] = [];
  for await (const page of paginate(
    async ({ offset, limit }, signal) => {
      const r = await client.listWorkOrderDetails(order.id, { limit, offset }, { signal });
      return { count: r.count, items: r.work_order_details };
    },
    { pageSize: MAX_LIMIT, operation: 'List work order details' },
  )) {
    ids.push(...page.map((l) => l.sim_card_id));
  }
  return ids;
}

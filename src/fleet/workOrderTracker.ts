/**
 * Follows the work orders this window started to their end: polls `showWorkOrder` with a
 * growing delay (1 s → 5 s) until the order reaches a final status. Plain Node (no `vscode`).
 */
import type { GslApi } from '../gsl/api';
import type { Id, WorkOrderVo } from '../gsl/models';
import { FINAL_WORK_ORDER_STATUSES } from '../gsl/models';
import { Emitter } from './emitter';
import type { CardAction, TrackedWorkOrder, WorkOrderTracker } from './services';

export interface WorkOrderTrackerOptions {
  client: () => GslApi | undefined;
  firstDelayMs?: number;
  maxDelayMs?: number;
  /** Consecutive failed polls after which the order is given up on (reported, not retried forever). */
  maxPollErrors?: number;
}

export function isFinalStatus(status: number | undefined): boolean {
  return status !== undefined && (FINAL_WORK_ORDER_STATUSES as readonly number[]).includes(status);
}

/** Completed (4) with no failed line is success; everything else final is not. */
export function succeeded(order: Pick<TrackedWorkOrder, 'status' | 'failReason'>): boolean {
  return order.status === 4 && !order.failReason;
}

export class FleetWorkOrderTracker implements WorkOrderTracker {
  private readonly orders: TrackedWorkOrder[] = [];
  private readonly changed = new Emitter<TrackedWorkOrder>();
  readonly onDidChange = this.changed.event;
  private disposed = false;
  private readonly timers = new Set<{ cancel(): void }>();

  constructor(private readonly options: WorkOrderTrackerOptions) {}

  forCard(cardId: Id): readonly TrackedWorkOrder[] {
    return this.orders.filter((o) => o.cardId === cardId);
  }

  isPending(cardId: Id): boolean {
    return this.orders.some((o) => o.cardId === cardId && o.finishedAt === undefined);
  }

  pendingAction(cardId: Id): CardAction | undefined {
    return this.orders.find((o) => o.cardId === cardId && o.finishedAt === undefined)?.action;
  }

  /** The latest order this window started for that card and action (for the 5-minute rule). */
  lastStarted(cardId: Id, action: CardAction): TrackedWorkOrder | undefined {
    return this.orders.filter((o) => o.cardId === cardId && o.action === action).sort((a, b) => b.startedAt - a.startedAt)[0];
  }

  /** Starts following an order; resolves with it once it has ended (or was given up on). */
  track(order: { workOrderId: Id; cardId: Id; cid?: string; action: CardAction }): Promise<TrackedWorkOrder> {
    const tracked: TrackedWorkOrder = { ...order, startedAt: Date.now() };
    this.orders.push(tracked);
    this.changed.fire(tracked);
    return this.follow(tracked);
  }

  dispose(): void {
    this.disposed = true;
    for (const t of this.timers) t.cancel();
    this.timers.clear();
    this.changed.dispose();
  }

  private async follow(tracked: TrackedWorkOrder): Promise<TrackedWorkOrder> {
    let delay = this.options.firstDelayMs ?? 1000;
    const maxDelay = this.options.maxDelayMs ?? 5000;
    const maxErrors = this.options.maxPollErrors ?? 20;
    let errors = 0;
    for (;;) {
      if (!(await this.sleep(delay))) return tracked;
      delay = Math.min(maxDelay, Math.round(delay * 1.5));
      const client = this.options.client();
      if (!client) return this.end(tracked, undefined, 'The session ended before the work order did.');
      let order: WorkOrderVo | undefined;
      try {
        order = await client.showWorkOrder(tracked.workOrderId);
        errors = 0;
      } catch (err) {
        if (++errors >= maxErrors) return this.end(tracked, undefined, `Could not read the work order: ${err instanceof Error ? err.message : String(err)}`);
        continue;
      }
      if (!order) continue;
      if (order.status !== tracked.status) {
        tracked.status = order.status;
        if (!isFinalStatus(order.status)) this.changed.fire(tracked);
      }
      if (isFinalStatus(order.status)) {
        const failed = order.status !== 4 || order.fail_count > 0;
        return this.end(tracked, order.status, failed ? order.fail_reason || undefined : undefined, failed);
      }
    }
  }

  private end(tracked: TrackedWorkOrder, status: number | undefined, failReason?: string, failed = failReason !== undefined): TrackedWorkOrder {
    tracked.status = status;
    tracked.finishedAt = Date.now();
    // A failed order without a reason from the service still must not read as a success.
    if (failed) tracked.failReason = failReason ?? 'The work order failed without a reason.';
    if (!this.disposed) this.changed.fire(tracked);
    return tracked;
  }

  private sleep(ms: number): Promise<boolean> {
    if (this.disposed) return Promise.resolve(false);
    return new Promise((resolve) => {
      const handle = setTimeout(() => {
        this.timers.delete(timer);
        resolve(true);
      }, ms);
      const timer = {
        cancel: () => {
          clearTimeout(handle);
          resolve(false);
        },
      };
      this.timers.add(timer);
    });
  }
}

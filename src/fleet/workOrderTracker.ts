/**
 * Follows the work orders this window started to their end: polls `showWorkOrder` with a
 * growing delay (1 s → 5 s) until the order reaches a final status. Plain Node (no `vscode`).
 */
import type { GslApi } from '../gsl/api';
import type { Id, WorkOrderVo } from '../gsl/models';
import type { CardAction } from '../core/cardRules';
import { Emitter } from '../core/events';
import type { TrackedWorkOrder, WorkOrderTracker } from '../core/workOrders';
import { workOrderOutcome } from '../core/workOrders';

export interface WorkOrderTrackerOptions {
  client: () => GslApi | undefined;
  firstDelayMs?: number;
  maxDelayMs?: number;
  /** Consecutive failed polls after which the order is given up on (reported, not retried forever). */
  maxPollErrors?: number;
  /** Polls in flight at once, whatever the number of orders followed (a 600-card action follows 600). */
  maxConcurrentPolls?: number;
}

export class FleetWorkOrderTracker implements WorkOrderTracker {
  private readonly orders: TrackedWorkOrder[] = [];
  private readonly changed = new Emitter<TrackedWorkOrder>();
  readonly onDidChange = this.changed.event;
  private disposed = false;
  private readonly timers = new Set<{ cancel(): void }>();
  private polling = 0;
  private readonly waitingToPoll: Array<() => void> = [];

  constructor(private readonly options: WorkOrderTrackerOptions) {}

  forCard(cardId: Id): readonly TrackedWorkOrder[] {
    return this.orders.filter((o) => o.cardId === cardId);
  }

  isPending(cardId: Id): boolean {
    return this.orders.some((o) => o.cardId === cardId && o.outcome === 'pending');
  }

  pendingAction(cardId: Id): CardAction | undefined {
    return this.orders.find((o) => o.cardId === cardId && o.outcome === 'pending')?.action;
  }

  /** The latest order this window started for that card and action (for the 5-minute rule). */
  lastStarted(cardId: Id, action: CardAction): TrackedWorkOrder | undefined {
    return this.orders.filter((o) => o.cardId === cardId && o.action === action).sort((a, b) => b.startedAt - a.startedAt)[0];
  }

  /** Starts following an order; resolves with it once it has ended (or was given up on). */
  track(order: { workOrderId: Id; cardId: Id; cid?: string; action: CardAction }): Promise<TrackedWorkOrder> {
    const tracked: TrackedWorkOrder = { ...order, outcome: 'pending', startedAt: Date.now() };
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
      if (!client) return this.giveUp(tracked, 'The session ended before the work order did.');
      let order: WorkOrderVo | undefined;
      await this.pollSlot();
      try {
        order = await client.showWorkOrder(tracked.workOrderId);
        errors = 0;
      } catch (err) {
        if (++errors >= maxErrors) return this.giveUp(tracked, `Could not read the work order: ${err instanceof Error ? err.message : String(err)}`);
        continue;
      } finally {
        this.releasePollSlot();
      }
      if (this.disposed) return tracked;
      if (!order) continue;
      const outcome = workOrderOutcome(order);
      if (outcome === 'pending') {
        if (order.status !== tracked.status) {
          tracked.status = order.status;
          this.changed.fire(tracked);
        }
        continue;
      }
      tracked.status = order.status;
      // A failed order without a reason from the service still must not read as a success.
      return this.end(tracked, outcome, outcome === 'failed' ? order.fail_reason || 'The work order failed without a reason.' : undefined);
    }
  }

  /** Waits for a free polling slot, so many orders share a few connections instead of opening one each. */
  private pollSlot(): Promise<void> {
    if (this.polling < (this.options.maxConcurrentPolls ?? 4)) {
      this.polling++;
      return Promise.resolve();
    }
    return new Promise((resolve) => this.waitingToPoll.push(resolve));
  }

  private releasePollSlot(): void {
    const next = this.waitingToPoll.shift();
    if (next) next();
    else this.polling--;
  }

  private giveUp(tracked: TrackedWorkOrder, reason: string): TrackedWorkOrder {
    return this.end(tracked, 'unknown', reason);
  }

  private end(tracked: TrackedWorkOrder, outcome: TrackedWorkOrder['outcome'], failReason: string | undefined): TrackedWorkOrder {
    tracked.outcome = outcome;
    tracked.finishedAt = Date.now();
    if (failReason !== undefined) tracked.failReason = failReason;
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

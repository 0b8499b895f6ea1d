/**
 * Whether a work order has ended and how (gsl-api.md 3.6, 5.1): the one rule the tracker, the
 * summaries and the panels share.
 */
import type { Id, WorkOrderVo } from '../gsl/models';
import { FINAL_WORK_ORDER_STATUSES } from '../gsl/models';
import type { CardAction } from './cardRules';
import type { Event } from './events';

/**
 * `unknown`: the order could not be followed to its end (the session ended, or it could not be
 * read); it may have been carried out.
 */
export type WorkOrderOutcome = 'pending' | 'succeeded' | 'failed' | 'unknown';

export function isFinalStatus(status: number | undefined): boolean {
  return status !== undefined && (FINAL_WORK_ORDER_STATUSES as readonly number[]).includes(status);
}

/** Completed (4) with no failed line is success; every other final status is failure. */
export function workOrderOutcome(order: Pick<WorkOrderVo, 'status'> & Partial<Pick<WorkOrderVo, 'fail_count'>>): WorkOrderOutcome {
  if (!isFinalStatus(order.status)) return 'pending';
  return order.status === 4 && !(order.fail_count && order.fail_count > 0) ? 'succeeded' : 'failed';
}

/** A work order this window started, as the tracker follows it. */
export interface TrackedWorkOrder {
  workOrderId: Id;
  cardId: Id;
  cid?: string;
  action: CardAction;
  /** WorkOrderVo.status once known (3 processing, 4 completed, 6 failed, …). */
  status?: number;
  outcome: WorkOrderOutcome;
  startedAt: number;
  finishedAt?: number;
  /** Why it failed or could not be followed; the service's own words when it gave any. */
  failReason?: string;
}

export function succeeded(order: Pick<TrackedWorkOrder, 'outcome'>): boolean {
  return order.outcome === 'succeeded';
}

/** Work orders this window started, followed to their end. */
export interface WorkOrderTracker {
  forCard(cardId: Id): readonly TrackedWorkOrder[];
  isPending(cardId: Id): boolean;
  pendingAction(cardId: Id): CardAction | undefined;
  readonly onDidChange: Event<TrackedWorkOrder>;
}

/**
 * Whether a work order has ended and how (gsl-api.md 3.6, 5.1): the one rule the tracker, the
 * summaries and the panels share.
 */
import type { Id, SimStatus, WorkOrderStatus, WorkOrderVo } from '../gsl/models';
import { FINAL_WORK_ORDER_STATUSES } from '../gsl/models';
import type { CardAction } from './cardRules';
import { targetStatus } from './cardRules';
import type { Event } from './events';

/**
 * `unknown`: the order could not be followed to its end (the session ended, or it could not be
 * read); it may have been carried out.
 */
export type WorkOrderOutcome = 'pending' | 'succeeded' | 'failed' | 'unknown';

export function isFinalStatus(status: number | undefined): boolean {
  return status !== undefined && (FINAL_WORK_ORDER_STATUSES as readonly number[]).includes(status);
}

/** Statuses of an order that has not ended: under review (1), reviewed (2), processing (3). */
export const PENDING_WORK_ORDER_STATUSES: readonly WorkOrderStatus[] = [1, 2, 3];

/**
 * The card action a work order type carries out (gsl-api.md 3.6), for the types whose effect on
 * a card SIM Fleet knows: a batch of resumes is a resume, one card at a time.
 */
const TYPE_ACTIONS: Partial<Record<number, CardAction>> = {
  1: 'activate',
  4: 'resume',
  5: 'stop',
  6: 'resume',
  7: 'stop',
  10: 'activate',
  11: 'cutNetwork',
  12: 'setUsageCutoff',
  13: 'bindImei',
  14: 'clearRealName',
  15: 'limitSpeed',
  17: 'bindImei',
  19: 'setUsageCutoff',
  20: 'restoreNetwork',
  21: 'cancelUsageCutoff',
  22: 'cancelUsageCutoff',
};

/** The status an order of this type leaves its cards in, when it moves them (23: batch dismantle). */
export function statusAfterWorkOrder(type: number): SimStatus | undefined {
  if (type === 23) return 30;
  const action = TYPE_ACTIONS[type];
  return action ? targetStatus(action) : undefined;
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

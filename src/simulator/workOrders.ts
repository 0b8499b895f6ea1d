/**
 * Work orders (gsl-api.md 5.1, 5.2): card operations answer at once with an order id; the
 * order stays "processing" for `delayMs` of the simulator clock, then completes and changes
 * the card, or fails when a rule checked at completion does not hold.
 */
import type { WorkOrderDetailVo, WorkOrderVo } from '../gsl/models';
import { ApiError } from './errors';
import { isoTime } from './dates';

const REPEAT_WINDOW_MS = 5 * 60_000;

export interface OrderTarget {
  sim_card_id: string;
  cid: string;
  sim_type: number;
}

/** What kind of order, for the pending-order conflict rules. */
export type OrderKind = 'suspend' | 'resume' | 'activate' | 'other';

export interface WorkOrderSpec {
  /** Operation name; the 5-minute repeat rule is per card and operation. */
  op: string;
  kind: OrderKind;
  type: number;
  target: OrderTarget;
  reqDetail: string;
  /** Applies the change; returns a failure reason to fail the order instead. */
  complete: () => string | undefined;
}

export interface WorkOrder {
  vo: WorkOrderVo;
  details: WorkOrderDetailVo[];
  spec?: WorkOrderSpec;
  dueAt: number;
}

export class WorkOrderBook {
  readonly orders: WorkOrder[] = [];
  private readonly byId = new Map<string, WorkOrder>();
  private readonly pendingByCard = new Map<string, WorkOrder[]>();
  private readonly lastAccepted = new Map<string, number>();
  private readonly timers = new Set<NodeJS.Timeout>();
  private nextId = 9007199254750001n;

  constructor(
    private readonly now: () => number,
    private readonly delayMs: number,
    private readonly onCardChange: () => void,
  ) {}

  get(id: string): WorkOrder | undefined {
    return this.byId.get(id);
  }

  pending(cardId: string): WorkOrder[] {
    return this.pendingByCard.get(cardId) ?? [];
  }

  /**
   * The concurrency rules, checked before a new order is accepted. The repeat rule comes
   * first, then pending orders: 00016015 for enable while an activation is pending, and
   * 00016010 for anything else while any order on the card is pending (the docs advise
   * against concurrent operations; we refuse them, as the console does).
   */
  guard(cardId: string, op: string, kind: OrderKind): void {
    const last = this.lastAccepted.get(`${cardId}|${op}`);
    if (last !== undefined && this.now() - last < REPEAT_WINDOW_MS) {
      throw new ApiError(403, 'GSL.00016016', 'The same operation is not allowed again within 5 minutes; please wait');
    }
    const pending = this.pending(cardId);
    if (pending.length === 0) return;
    if (kind === 'activate' && pending.some((o) => o.spec?.kind === 'activate')) {
      throw new ApiError(403, 'GSL.00016015', 'The card still has an unfinished activation work order; do not repeat the operation');
    }
    if (pending.some((o) => o.spec?.kind === 'suspend')) {
      throw new ApiError(403, 'GSL.00016010', 'The card still has an unfinished suspend work order; do not repeat the operation');
    }
    throw new ApiError(403, 'GSL.00016010', `The card still has an unfinished work order (${pending[0].vo.id}); wait until it completes`);
  }

  create(spec: WorkOrderSpec): WorkOrder {
    const now = this.now();
    const id = (this.nextId++).toString();
    const order: WorkOrder = {
      vo: {
        id,
        sim_type: spec.target.sim_type,
        work_order_type: spec.type,
        req_detail: spec.reqDetail,
        total_count: 1,
        success_count: 0,
        fail_count: 0,
        process_count: 1,
        status: 3,
        create_time: isoTime(now),
        finish_time: null,
        fail_reason: null,
        response: null,
        work_order_source: 8,
        work_order_source_desc: 'Customer via API',
      },
      details: [{ id, sim_type: spec.target.sim_type, status: 2, cid: spec.target.cid, sim_card_id: spec.target.sim_card_id, create_time: isoTime(now), finish_time: null, description: null }],
      spec,
      dueAt: now + this.delayMs,
    };
    this.add(order);
    const list = this.pendingByCard.get(spec.target.sim_card_id) ?? [];
    list.push(order);
    this.pendingByCard.set(spec.target.sim_card_id, list);
    this.lastAccepted.set(`${spec.target.sim_card_id}|${spec.op}`, now);
    this.schedule(order, this.delayMs);
    return order;
  }

  /** A finished order from before the simulator started (console orders, batches, for a lived-in list). */
  addHistory(vo: WorkOrderVo, details: WorkOrderDetailVo[]): void {
    this.add({ vo, details, dueAt: 0 });
  }

  /** Puts the seeded orders in creation order (the list answers newest first from it); call before any new order. */
  sortByCreation(): void {
    this.orders.sort((a, b) => (a.vo.create_time < b.vo.create_time ? -1 : a.vo.create_time > b.vo.create_time ? 1 : 0));
  }

  private add(order: WorkOrder): void {
    this.orders.push(order);
    this.byId.set(order.vo.id, order);
  }

  private schedule(order: WorkOrder, ms: number): void {
    const timer = setTimeout(() => {
      this.timers.delete(timer);
      this.settleDue();
      // The clock moved but not far enough (timer granularity): look again for the rest.
      const left = order.dueAt - this.now();
      if (order.vo.status === 3 && left > 0 && left < ms) this.schedule(order, left + 1);
    }, ms + 1);
    timer.unref();
    this.timers.add(timer);
  }

  /** Complete every order that is due by the simulator clock. */
  settleDue(): void {
    const now = this.now();
    for (const [cardId, list] of this.pendingByCard) {
      const left = list.filter((o) => {
        if (o.dueAt > now) return true;
        this.finish(o, now);
        return false;
      });
      if (left.length) this.pendingByCard.set(cardId, left);
      else this.pendingByCard.delete(cardId);
    }
  }

  /** Complete every pending order now, whatever its due time (admin endpoint). */
  settleAll(): number {
    let n = 0;
    for (const list of this.pendingByCard.values()) for (const o of list) o.dueAt = Math.min(o.dueAt, this.now());
    for (const list of this.pendingByCard.values()) n += list.length;
    this.settleDue();
    return n;
  }

  private finish(order: WorkOrder, now: number): void {
    const failure = order.spec?.complete();
    const vo = order.vo;
    const detail = order.details[0];
    vo.finish_time = isoTime(now);
    vo.process_count = 0;
    detail.finish_time = vo.finish_time;
    if (failure) {
      vo.status = 6;
      vo.fail_count = 1;
      vo.fail_reason = failure;
      detail.status = 3;
      detail.description = failure;
    } else {
      vo.status = 4;
      vo.success_count = 1;
      vo.response = 'success';
      detail.status = 1;
      detail.description = 'success';
    }
    this.onCardChange();
  }

  close(): void {
    for (const t of this.timers) clearTimeout(t);
    this.timers.clear();
  }
}

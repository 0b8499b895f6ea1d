/**
 * A card's whole history from the API: every work order that touched it, whoever started it
 * (the console, operations staff, automation rules, scheduled stops, the API, this window), with
 * the order's status and the card's own line (succeeded, failed and why).
 *
 * The API has no per-card query for work orders: ListWorkOrders searches by order id only, and
 * ListWorkOrderDetails lists one order's lines. So the history is the account's orders read
 * whole (500 a page), and each order's lines read once: an order of up to {@link LINES_READ}
 * cards in one request of all its lines, a larger one by the card's container id. Lines of
 * orders that have ended never change, so they are kept (per account, up to
 * {@link KEPT_LINES_MAX} lines) and the next card's history asks only about orders it has not
 * seen end. Reads only: retried by the client, and cancellable. No `vscode`.
 */
import type { CallOptions, GslApi } from '../gsl/api';
import type { Id, SimDeviceVO, WorkOrderDetailVo, WorkOrderVo } from '../gsl/models';
import { paginate } from '../gsl/paging';
import { sendEach } from './requestQueue';
import { isFinalStatus } from './workOrders';

export type HistoryClient = Pick<GslApi, 'listWorkOrders' | 'listWorkOrderDetails'>;

/** One order in a card's history: the order, and the card's line in it. */
export interface HistoryEntry {
  order: WorkOrderVo;
  line: WorkOrderDetailVo;
}

export interface HistoryProgress {
  /** Orders read from the list so far, and how many the account has (once known). */
  ordersListed: number;
  ordersTotal?: number;
  /** Orders whose lines were looked at (from what is kept, or asked). */
  ordersChecked: number;
  /** Requests for lines sent. */
  linesAsked: number;
}

/** Orders of at most this many cards have all their lines read at once (and kept once ended). */
export const LINES_READ = 500;
/** Lines kept per account at most; beyond, orders are asked again each time. */
export const KEPT_LINES_MAX = 200_000;
const LINE_CONCURRENCY = 4;

type Card = Pick<SimDeviceVO, 'sim_card_id' | 'cid'>;

export class CardHistoryIndex {
  /** Lines of ended orders, by order id and then card id. */
  private readonly kept = new Map<Id, Map<Id, WorkOrderDetailVo>>();
  /** Ended orders too large to keep whole: the lines asked for by card (`null`: the card is not in it). */
  private readonly keptPerCard = new Map<string, WorkOrderDetailVo | null>();
  private keptLines = 0;

  constructor(private readonly client: () => HistoryClient | undefined) {}

  /** How many lines are kept (for tests of the cache). */
  get size(): number {
    return this.keptLines;
  }

  /** Forgets every kept line (another sign-in, say). */
  forget(): void {
    this.kept.clear();
    this.keptPerCard.clear();
    this.keptLines = 0;
  }

  /** The card's work orders, newest first. */
  async historyOf(card: Card, options: CallOptions & { onProgress?: (p: HistoryProgress) => void } = {}): Promise<HistoryEntry[]> {
    const client = this.client();
    if (!client) throw new Error('The account is not signed in.');
    const { signal, onProgress } = options;
    const progress: HistoryProgress = { ordersListed: 0, ordersChecked: 0, linesAsked: 0 };
    const orders: WorkOrderVo[] = [];
    for await (const page of paginate<WorkOrderVo>(
      async ({ offset, limit }, s) => {
        const r = await client.listWorkOrders({ limit, offset }, { signal: s });
        return { count: r.count, items: r.work_orders };
      },
      { signal, operation: 'List work orders', onCount: (count) => (progress.ordersTotal = count) },
    )) {
      orders.push(...page);
      progress.ordersListed = orders.length;
      onProgress?.({ ...progress });
    }
    const found = new Map<Id, HistoryEntry>();
    const outcomes = await sendEach(
      orders,
      async (order) => {
        const line = await this.lineOf(client, order, card, progress, signal);
        progress.ordersChecked++;
        onProgress?.({ ...progress });
        if (line) found.set(order.id, { order, line });
      },
      { concurrency: LINE_CONCURRENCY, isCancelled: () => signal?.aborted === true },
    );
    const failed = outcomes.find((o) => o && !o.ok);
    if (failed && !failed.ok) throw failed.error;
    if (signal?.aborted) throw signal.reason instanceof Error ? signal.reason : new Error('cancelled');
    // The list is newest first; so is the history, whatever order the lines came back in.
    return orders.flatMap((o) => found.get(o.id) ?? []);
  }

  private async lineOf(client: HistoryClient, order: WorkOrderVo, card: Card, progress: HistoryProgress, signal?: AbortSignal): Promise<WorkOrderDetailVo | undefined> {
    const ended = isFinalStatus(order.status);
    const whole = this.kept.get(order.id);
    if (whole) return whole.get(card.sim_card_id);
    const perCard = `${order.id}|${card.sim_card_id}`;
    const known = this.keptPerCard.get(perCard);
    if (known !== undefined) return known ?? undefined;
    progress.linesAsked++;
    if (order.total_count <= LINES_READ) {
      const r = await client.listWorkOrderDetails(order.id, { limit: LINES_READ, offset: 1 }, { signal });
      const lines = new Map(r.work_order_details.map((l) => [l.sim_card_id, l]));
      if (ended && this.keptLines + lines.size <= KEPT_LINES_MAX) {
        this.kept.set(order.id, lines);
        this.keptLines += lines.size;
      }
      return lines.get(card.sim_card_id);
    }
    if (!card.cid) return undefined;
    // A large batch: only the lines for this card's container id (a search that may match more).
    const r = await client.listWorkOrderDetails(order.id, { main_search_key: card.cid, limit: 10, offset: 1 }, { signal });
    const line = r.work_order_details.find((l) => l.sim_card_id === card.sim_card_id);
    if (ended && this.keptLines < KEPT_LINES_MAX) {
      this.keptPerCard.set(perCard, line ?? null);
      this.keptLines++;
    }
    return line;
  }
}

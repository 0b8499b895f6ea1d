/**
 * Cards whose work orders ended, gathered for a moment and announced together: a 600-card action
 * reads each status group again a few times, not 600 times. Each `add` resolves once the refresh
 * that covers it is done, so "the work order ended" still means "the tree shows it".
 */
import type { Id, SimStatus } from '../gsl/models';
import type { AccountId } from '../core/accounts';
import type { RefreshManager } from '../fleet/refreshManager';

interface Pending {
  cardIds: Set<Id>;
  statuses: Set<SimStatus>;
}

export class CardChangeBatch {
  private pending = new Map<AccountId, Pending>();
  private waiters: Array<() => void> = [];
  private timer: ReturnType<typeof setTimeout> | undefined;
  private inFlight: Promise<void> = Promise.resolve();

  constructor(
    private readonly refresh: Pick<RefreshManager, 'cardsChanged'>,
    private readonly delayMs = 250,
  ) {}

  add(accountId: AccountId, cardIds: readonly Id[], statuses: readonly SimStatus[]): Promise<void> {
    const p = this.pending.get(accountId) ?? { cardIds: new Set(), statuses: new Set() };
    for (const id of cardIds) p.cardIds.add(id);
    for (const s of statuses) p.statuses.add(s);
    this.pending.set(accountId, p);
    const done = new Promise<void>((resolve) => this.waiters.push(resolve));
    this.timer ??= setTimeout(() => void this.flush(), this.delayMs);
    return done;
  }

  /** Announces what is gathered now; resolves when every refresh asked for so far is done. */
  flush(): Promise<void> {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    const batch = this.pending;
    const waiters = this.waiters;
    this.pending = new Map();
    this.waiters = [];
    const work = Promise.all([...batch].map(([accountId, p]) => this.refresh.cardsChanged(accountId, [...p.cardIds], [...p.statuses]))).then(() => undefined);
    this.inFlight = Promise.all([this.inFlight, work]).then(() => undefined);
    const all = this.inFlight;
    void all.finally(() => waiters.forEach((w) => w()));
    return all;
  }
}

/**
 * The cards an account's person pinned: kept per account across restarts (ids only, in global
 * state), and read live from the service (one ShowSimCard each, a few at a time) so the Pinned
 * group shows each card's current status. Plain Node (no `vscode`).
 */
import type { GslApi } from '../gsl/api';
import type { Id, SimDeviceVO } from '../gsl/models';
import type { AccountId } from '../core/accounts';
import { Emitter } from '../core/events';
import type { KeyValueStore } from '../core/storage';
import { stateKeys } from '../core/storage';

export interface PinnedCard {
  cardId: Id;
  /** The card as last read; absent until the first answer. */
  card?: SimDeviceVO;
  /** Why the last read failed (the card may have been removed from the account). */
  error?: unknown;
}

/** Cards read at once when refreshing the pins. */
const READS_IN_FLIGHT = 4;

export class PinnedCards {
  private readonly entries = new Map<Id, PinnedCard>();
  private readonly changed = new Emitter<void>();
  readonly onDidChange = this.changed.event;

  constructor(
    private readonly store: KeyValueStore,
    private readonly accountId: AccountId,
    private readonly client: () => GslApi | undefined,
  ) {
    for (const id of store.get<Id[]>(stateKeys.pins(accountId)) ?? []) if (typeof id === 'string') this.entries.set(id, { cardId: id });
  }

  list(): readonly PinnedCard[] {
    return [...this.entries.values()];
  }

  has(cardId: Id): boolean {
    return this.entries.has(cardId);
  }

  async pin(card: SimDeviceVO): Promise<void> {
    this.entries.set(card.sim_card_id, { cardId: card.sim_card_id, card });
    await this.save();
    this.changed.fire();
  }

  async unpin(cardId: Id): Promise<void> {
    if (!this.entries.delete(cardId)) return;
    await this.save();
    this.changed.fire();
  }

  /** Reads every pinned card (or the given ones) again; failures are kept per card, never thrown. */
  async refresh(only?: readonly Id[]): Promise<void> {
    const client = this.client();
    if (!client) return;
    const ids = [...this.entries.keys()].filter((id) => !only || only.includes(id));
    let next = 0;
    const worker = async (): Promise<void> => {
      while (next < ids.length) {
        const id = ids[next++];
        try {
          const card = await client.showSimCard({ sim_card_id: id });
          if (this.entries.has(id)) this.entries.set(id, { cardId: id, card });
        } catch (error) {
          const old = this.entries.get(id);
          if (old) this.entries.set(id, { ...old, error });
        }
      }
    };
    await Promise.all(Array.from({ length: Math.min(READS_IN_FLIGHT, ids.length) }, worker));
    if (ids.length) this.changed.fire();
  }

  dispose(): void {
    this.changed.dispose();
  }

  private save(): PromiseLike<void> {
    return this.store.update(stateKeys.pins(this.accountId), [...this.entries.keys()]);
  }
}

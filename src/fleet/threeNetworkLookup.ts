/**
 * Whether a card is a three-network card, and with which carrier it is online
 * (ListSimDeviceMultiply by card id), asked when its tooltip is first shown and kept for the
 * session. A read that fails is not kept: the next hover asks again. Plain Node (no `vscode`).
 */
import type { GslApi } from '../gsl/api';
import type { Id, SimDeviceMultiplyVo } from '../gsl/models';

export class ThreeNetworkLookup {
  private readonly known = new Map<Id, SimDeviceMultiplyVo | null>();

  constructor(private readonly client: () => Pick<GslApi, 'listSimDeviceMultiply'> | undefined) {}

  /** The card's three-network record, or undefined (not one, or not known now). */
  async of(cardId: Id): Promise<SimDeviceMultiplyVo | undefined> {
    const kept = this.known.get(cardId);
    if (kept !== undefined) return kept ?? undefined;
    const client = this.client();
    if (!client) return undefined;
    try {
      const page = await client.listSimDeviceMultiply({ sim_card_id: cardId, limit: 10, offset: 1 });
      const found = page.sim_cards.find((c) => c.sim_card_id === cardId) ?? null;
      this.known.set(cardId, found);
      return found ?? undefined;
    } catch {
      return undefined;
    }
  }

  /** Forgets what is kept (a switch of carrier, a refresh). */
  forget(): void {
    this.known.clear();
  }
}

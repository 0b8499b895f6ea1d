/**
 * The signed-in accounts, as every surface that is not the tree sees them (hovers, documents,
 * change plans, language-model tools): each with a stable id, a label and its own client. A card
 * is always known together with the id of the account it belongs to.
 */
import type { Id } from '../gsl/models';
import type { Event } from './events';
import type { SessionState } from './session';

/** Stable for as long as the account is signed in: the demo fleet, or an account's endpoint and key. */
export type AccountId = string;

export interface FleetAccount extends SessionState {
  readonly id: AccountId;
}

export interface FleetAccounts {
  /** The accounts with a session ready or connecting, in the order the person added them. */
  all(): readonly FleetAccount[];
  get(id: AccountId): FleetAccount | undefined;
  readonly onDidChange: Event<void>;
}

/** A card and the account it belongs to: what commands, panels and links pass around. */
export interface AccountCard {
  accountId: AccountId;
  cardId: Id;
}

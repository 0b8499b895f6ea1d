/**
 * The signed-in accounts: several at once (a real account, another region, the demo fleet beside
 * them), each with a stable id, a label and its own client. Every card SIM Fleet shows, acts on or
 * links to is known together with the id of the account it belongs to.
 */
import type { GslApi } from '../gsl/api';
import type { Id } from '../gsl/models';
import type { Event } from './events';

/** Stable for as long as the account is kept: `demo`, or one made from the endpoint and the key or user. */
export type AccountId = string;

export type AccountKind = 'account' | 'demo';

/** What the view shows as a whole: nobody signed in, a sign-in under way, or at least one account (demo only → `demo`). */
export type FleetState = 'signedOut' | 'connecting' | 'account' | 'demo';

export interface FleetAccount {
  readonly id: AccountId;
  readonly kind: AccountKind;
  /** A name for the account that reveals nothing secret. */
  readonly label: string;
  /** The account's client, while it is signed in. */
  currentClient(): GslApi | undefined;
}

export interface FleetAccounts {
  /** The signed-in accounts, in the order they were added. */
  all(): readonly FleetAccount[];
  get(id: AccountId): FleetAccount | undefined;
  readonly state: FleetState;
  /** Resolves when the account is signed in (at once if it is), for panels restored before it is. */
  whenSignedIn(id: AccountId): Promise<FleetAccount>;
  readonly onDidChange: Event<void>;
}

/** A card and the account it belongs to: what commands, panels and links pass around. */
export interface AccountCard {
  accountId: AccountId;
  cardId: Id;
}

export interface CardsChangedEvent {
  /** The account whose cards changed; undefined: any account. */
  accountId?: AccountId;
  /** Cards known to have changed; undefined means "anything may have changed" (a refresh). */
  cardIds?: Id[];
}

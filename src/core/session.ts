/** What the fleet model, the tree and the panels need to know of the session, and nothing more. */
import type { GslApi } from '../gsl/api';
import type { Id } from '../gsl/models';
import type { Event } from './events';

export type SessionKind = 'signedOut' | 'connecting' | 'account' | 'demo';

export interface SessionState {
  readonly kind: SessionKind;
  /** A name for the account that reveals nothing secret. */
  readonly label: string | undefined;
  readonly onDidChange: Event<void>;
  /** The client if a session is ready now, else undefined. */
  currentClient(): GslApi | undefined;
  /** Resolves once a session is ready (at once if one is). */
  client(): Promise<GslApi>;
}

export interface CardsChangedEvent {
  /** Cards known to have changed; undefined means "anything may have changed" (a refresh). */
  cardIds?: Id[];
}

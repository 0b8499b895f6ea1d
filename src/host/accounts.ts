/**
 * The signed-in accounts (core `FleetAccounts`) over today's single session: one account while
 * signed in or on the demo, none otherwise.
 */
import type { AccountId, FleetAccount, FleetAccounts } from '../core/accounts';
import type { Event } from '../core/events';
import type { Session } from './session';

export class SessionAccounts implements FleetAccounts {
  readonly onDidChange: Event<void>;

  constructor(private readonly session: Session) {
    this.onDidChange = session.onDidChange;
  }

  all(): readonly FleetAccount[] {
    const kind = this.session.kind;
    if (kind === 'signedOut') return [];
    const session = this.session;
    const id: AccountId = kind === 'demo' ? 'demo' : `account:${session.label ?? ''}`;
    return [
      {
        id,
        get kind() {
          return session.kind;
        },
        get label() {
          return session.label;
        },
        onDidChange: session.onDidChange,
        currentClient: () => session.currentClient(),
        client: () => session.client(),
      },
    ];
  }

  get(id: AccountId): FleetAccount | undefined {
    return this.all().find((a) => a.id === id);
  }
}

/** Signed-in accounts for plain-Node tests of what looks across accounts (card lookup, change plans). */
import type { FleetAccount, FleetAccounts } from '../../../src/core/accounts';
import { Emitter } from '../../../src/core/events';
import type { GslApi } from '../../../src/gsl/api';

/** Accounts by id, each answering with its client; `list` can be edited and `changed` fired. */
export function accountsOf(...entries: Array<[string, GslApi]>): FleetAccounts & { changed: Emitter<void>; list: Array<[string, GslApi]> } {
  const changed = new Emitter<void>();
  const list = [...entries];
  const make = ([id, client]: [string, GslApi]): FleetAccount => ({
    id,
    kind: 'demo',
    label: id,
    currentClient: () => client,
  });
  return {
    changed,
    list,
    onDidChange: changed.event,
    state: list.length ? 'demo' : 'signedOut',
    whenSignedIn: async (id) => make(list.find((e) => e[0] === id)!),
    all: () => list.map(make),
    get: (id) => list.filter((e) => e[0] === id).map(make)[0],
  };
}

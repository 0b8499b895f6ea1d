/**
 * Credentials live only in VS Code SecretStorage (the OS keychain), never in settings or state:
 * one entry per account (its credentials and endpoints) and the list of kept account ids. The
 * keys are a typed union so a typo cannot create a second, forgotten secret.
 */
import { createHash } from 'node:crypto';
import type * as vscode from 'vscode';
import type { CredentialStore, Credentials, GslEndpoints } from '../gsl/api';
import type { AccountId } from '../core/accounts';

type SecretKey = 'simFleet.accounts' | `simFleet.account.${string}` | 'simFleet.credentials';

/** Where the single account of earlier versions was kept; read once, moved, then deleted. */
const LEGACY_KEY: SecretKey = 'simFleet.credentials';
const INDEX_KEY: SecretKey = 'simFleet.accounts';
const accountKey = (id: AccountId): SecretKey => `simFleet.account.${id}`;

export interface KeptAccount {
  id: AccountId;
  credentials: Credentials;
  endpoints: GslEndpoints;
}

function isCredentials(x: unknown): x is Credentials {
  const c = x as Credentials | undefined;
  return typeof c === 'object' && c !== null && (c.kind === 'aksk' || c.kind === 'iam');
}

function parse<T>(raw: string | undefined): T | undefined {
  if (!raw) return undefined;
  try {
    return JSON.parse(raw) as T;
  } catch {
    // A damaged entry is treated as "not kept" rather than failing activation.
    return undefined;
  }
}

export class AccountVault {
  constructor(private readonly secrets: vscode.SecretStorage) {}

  /** Every kept account, in the order kept; an account kept by an earlier version is moved here first. */
  async list(legacyEndpoints: GslEndpoints): Promise<KeptAccount[]> {
    await this.moveLegacy(legacyEndpoints);
    const ids = parse<string[]>(await this.secrets.get(INDEX_KEY)) ?? [];
    const out: KeptAccount[] = [];
    for (const id of ids) {
      const kept = parse<KeptAccount>(await this.secrets.get(accountKey(id)));
      if (kept && kept.id === id && isCredentials(kept.credentials) && kept.endpoints) out.push(kept);
    }
    return out;
  }

  async keep(account: KeptAccount): Promise<void> {
    await this.secrets.store(accountKey(account.id), JSON.stringify(account));
    const ids = parse<string[]>(await this.secrets.get(INDEX_KEY)) ?? [];
    if (!ids.includes(account.id)) await this.secrets.store(INDEX_KEY, JSON.stringify([...ids, account.id]));
  }

  async forget(id: AccountId): Promise<void> {
    await this.secrets.delete(accountKey(id));
    const ids = (parse<string[]>(await this.secrets.get(INDEX_KEY)) ?? []).filter((x) => x !== id);
    if (ids.length) await this.secrets.store(INDEX_KEY, JSON.stringify(ids));
    else await this.secrets.delete(INDEX_KEY);
  }

  async has(id?: AccountId): Promise<boolean> {
    const ids = parse<string[]>(await this.secrets.get(INDEX_KEY)) ?? [];
    return id === undefined ? ids.length > 0 : ids.includes(id);
  }

  /** The client's view of one kept account: its credentials, read from the keychain when asked. */
  credentialStore(id: AccountId): CredentialStore {
    return {
      get: async () => {
        const kept = parse<KeptAccount>(await this.secrets.get(accountKey(id)));
        return kept && isCredentials(kept.credentials) ? kept.credentials : undefined;
      },
    };
  }

  private async moveLegacy(endpoints: GslEndpoints): Promise<void> {
    const legacy = parse<Credentials>(await this.secrets.get(LEGACY_KEY));
    if (!isCredentials(legacy)) return;
    await this.keep({ id: accountIdOf(legacy, endpoints), credentials: legacy, endpoints });
    await this.secrets.delete(LEGACY_KEY);
  }
}

/** Holds credentials in memory: for checking them before they are kept, and for the demo. */
export class MemoryCredentialStore implements CredentialStore {
  constructor(private readonly credentials: Credentials) {}
  async get(): Promise<Credentials> {
    return this.credentials;
  }
}

/**
 * An account's id: the same access key or IAM user on the same endpoint is the same account, so
 * signing in to it again replaces it rather than adding a second root. A hash, so the id (which
 * names per-account state such as pins) reveals neither the key nor the user.
 */
export function accountIdOf(credentials: Credentials, endpoints: GslEndpoints): AccountId {
  let host: string;
  try {
    host = new URL(endpoints.gsl).host;
  } catch {
    host = endpoints.gsl;
  }
  const who = credentials.kind === 'iam' ? `iam:${credentials.domain}/${credentials.user}` : `ak:${credentials.ak}`;
  return `acct-${createHash('sha256').update(`${who}@${host}`).digest('hex').slice(0, 16)}`;
}

/** A name for the account that reveals nothing secret (no key, no password). */
export function accountLabel(credentials: Credentials): string {
  if (credentials.kind === 'iam') return `${credentials.user}@${credentials.domain}`;
  // The first characters of an AK identify it in the console without exposing it.
  return `AK ${credentials.ak.slice(0, 4)}…`;
}

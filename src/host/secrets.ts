/**
 * Credentials live only in VS Code SecretStorage (the OS keychain), never in settings or state.
 * The keys are a typed union so a typo cannot create a second, forgotten secret.
 */
import type * as vscode from 'vscode';
import type { CredentialStore, Credentials } from '../gsl/api';

export type SecretKey = 'simFleet.credentials';

export class SecretCredentialStore implements CredentialStore {
  constructor(private readonly secrets: vscode.SecretStorage) {}

  async get(): Promise<Credentials | undefined> {
    const raw = await this.read('simFleet.credentials');
    if (!raw) return undefined;
    try {
      const parsed = JSON.parse(raw) as Credentials;
      return parsed.kind === 'aksk' || parsed.kind === 'iam' ? parsed : undefined;
    } catch {
      // A damaged entry is treated as "not signed in" rather than failing activation.
      return undefined;
    }
  }

  store(credentials: Credentials): Promise<void> {
    return this.write('simFleet.credentials', JSON.stringify(credentials));
  }

  async clear(): Promise<void> {
    await this.secrets.delete('simFleet.credentials' satisfies SecretKey);
  }

  private async read(key: SecretKey): Promise<string | undefined> {
    return this.secrets.get(key);
  }

  private async write(key: SecretKey, value: string): Promise<void> {
    await this.secrets.store(key, value);
  }
}

/** Holds credentials in memory: for checking them before they are kept, and for the demo. */
export class MemoryCredentialStore implements CredentialStore {
  constructor(private readonly credentials: Credentials) {}
  async get(): Promise<Credentials> {
    return this.credentials;
  }
}

/** A name for the account that reveals nothing secret (no key, no password). */
export function accountLabel(credentials: Credentials): string {
  if (credentials.kind === 'iam') return `${credentials.user}@${credentials.domain}`;
  // The first characters of an AK identify it in the console without exposing it.
  return `AK ${credentials.ak.slice(0, 4)}…`;
}

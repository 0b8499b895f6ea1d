/**
 * The signed-in accounts (core `FleetAccounts`): kept accounts restored at start, accounts added by
 * signing in, and the demo fleet beside them. Each account owns its client; signing out of one
 * leaves the others. Credentials are kept per account in SecretStorage only (secrets.ts).
 */
import * as vscode from 'vscode';
import type { CredentialStore, Credentials, GslApi, GslEndpoints } from '../gsl/api';
import { DEFAULT_ENDPOINTS } from '../gsl/api';
import type { GslClient } from '../gsl/client';
import type { AccountId, AccountKind, FleetAccount, FleetAccounts, FleetState } from '../core/accounts';
import type { ClientLog } from './clientFactory';
import { createClient } from './clientFactory';
import type { DemoFleet, DemoOptions } from './demoFleet';
import { loadRuntime } from './runtime';
import { AccountVault, MemoryCredentialStore, accountIdOf, accountLabel } from './secrets';
import { settings } from './settings';

export const DEMO_ACCOUNT_ID: AccountId = 'demo';

/** One signed-in account and its client. */
export class AccountSession implements FleetAccount {
  constructor(
    readonly id: AccountId,
    readonly kind: AccountKind,
    readonly label: string,
    readonly endpoints: GslEndpoints,
    private readonly client: GslClient,
    readonly demo?: DemoFleet,
  ) {}

  currentClient(): GslApi {
    return this.client;
  }

  async close(): Promise<void> {
    await this.client.dispose().catch(() => undefined);
    await this.demo?.close().catch(() => undefined);
  }
}

function labelFor(credentials: Credentials, endpoints: GslEndpoints): string {
  const base = accountLabel(credentials);
  if (endpoints.gsl === DEFAULT_ENDPOINTS.gsl) return base;
  // Two accounts can share a name across regions or endpoints; the host tells them apart.
  try {
    return `${base} · ${new URL(endpoints.gsl).host}`;
  } catch {
    return base;
  }
}

export class AccountRegistry implements FleetAccounts, vscode.Disposable {
  private readonly accounts: AccountSession[] = [];
  private connecting = 0;
  private readonly waiters = new Map<AccountId, Array<(a: FleetAccount) => void>>();
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChange = this.changed.event;
  private readonly vault: AccountVault;

  constructor(
    secrets: vscode.SecretStorage,
    private readonly log: ClientLog,
  ) {
    this.vault = new AccountVault(secrets);
  }

  all(): readonly AccountSession[] {
    return this.accounts;
  }

  get(id: AccountId): AccountSession | undefined {
    return this.accounts.find((a) => a.id === id);
  }

  get state(): FleetState {
    if (this.accounts.some((a) => a.kind === 'account')) return 'account';
    if (this.accounts.length > 0) return 'demo';
    return this.connecting > 0 ? 'connecting' : 'signedOut';
  }

  /** The demo fleet, while it runs. */
  get demo(): DemoFleet | undefined {
    return this.get(DEMO_ACCOUNT_ID)?.demo;
  }

  whenSignedIn(id: AccountId): Promise<FleetAccount> {
    const now = this.get(id);
    if (now) return Promise.resolve(now);
    return new Promise((resolve) => this.waiters.set(id, [...(this.waiters.get(id) ?? []), resolve]));
  }

  /** Signs in to every kept account (reading the keychain takes a moment; the view says "connecting"). */
  async restore(): Promise<number> {
    let restored = 0;
    await this.withConnecting(async () => {
      for (const kept of await this.vault.list(settings.endpoints())) {
        if (this.get(kept.id)) continue;
        const client = createClient(kept.endpoints, this.vault.credentialStore(kept.id), this.log);
        this.add(new AccountSession(kept.id, 'account', labelFor(kept.credentials, kept.endpoints), kept.endpoints, client));
        restored++;
      }
    });
    return restored;
  }

  /**
   * Checks the credentials with a real call before keeping them, so a typo is reported at once and
   * never stored; adds the account beside the others (or replaces the same account). Throws the
   * client's error when the check fails.
   */
  async signIn(credentials: Credentials, endpoints: GslEndpoints): Promise<AccountSession> {
    const id = accountIdOf(credentials, endpoints);
    let session!: AccountSession;
    await this.withConnecting(async () => {
      const probe = createClient(endpoints, new MemoryCredentialStore(credentials), this.log);
      try {
        await probe.countSimCards({});
      } finally {
        await probe.dispose();
      }
      await this.vault.keep({ id, credentials, endpoints });
      // The endpoints of the latest sign-in are offered first next time.
      await settings.setEndpoints(endpoints);
      await this.remove(id);
      session = new AccountSession(id, 'account', labelFor(credentials, endpoints), endpoints, createClient(endpoints, this.vault.credentialStore(id), this.log));
      this.add(session);
    });
    return session;
  }

  /** Signs out of one account (its credentials are deleted) or stops the demo; the others stay. */
  async signOut(id: AccountId): Promise<void> {
    if (id !== DEMO_ACCOUNT_ID) await this.vault.forget(id);
    await this.remove(id);
    this.changed.fire();
  }

  async signOutAll(): Promise<void> {
    for (const a of [...this.accounts]) await this.signOut(a.id);
  }

  async startDemo(options: DemoOptions = {}): Promise<DemoFleet> {
    const running = this.demo;
    if (running) return running;
    let demo!: DemoFleet;
    await this.withConnecting(async () => {
      demo = await loadRuntime().startDemoFleet({ ...options, cards: options.cards ?? settings.demoCards() });
      const store: CredentialStore = new MemoryCredentialStore(demo.credentials);
      this.add(new AccountSession(DEMO_ACCOUNT_ID, 'demo', 'demo', demo.endpoints, createClient(demo.endpoints, store, this.log), demo));
    });
    return demo;
  }

  /** Whether credentials are kept (for one account, or any), without reading them into the caller. */
  hasStoredCredentials(id?: AccountId): Promise<boolean> {
    return this.vault.has(id);
  }

  async dispose(): Promise<void> {
    for (const a of this.accounts.splice(0)) await a.close();
    this.changed.dispose();
  }

  private add(session: AccountSession): void {
    this.accounts.push(session);
    const waiting = this.waiters.get(session.id) ?? [];
    this.waiters.delete(session.id);
    for (const resolve of waiting) resolve(session);
    this.changed.fire();
  }

  private async remove(id: AccountId): Promise<void> {
    const i = this.accounts.findIndex((a) => a.id === id);
    if (i < 0) return;
    const [gone] = this.accounts.splice(i, 1);
    await gone.close();
  }

  private async withConnecting(work: () => Promise<void>): Promise<void> {
    this.connecting++;
    this.changed.fire();
    try {
      await work();
    } finally {
      this.connecting--;
      this.changed.fire();
    }
  }
}

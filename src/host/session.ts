/**
 * Who the extension talks to: nobody (signed out), an account (credentials in SecretStorage) or
 * the demo fleet. Owns the current client; everything else asks the session for it, one way:
 * `currentClient()` when it must be there now, `client()` when it may wait for a sign-in.
 */
import * as vscode from 'vscode';
import type { CredentialStore, Credentials, GslApi, GslEndpoints } from '../gsl/api';
import type { GslClient } from '../gsl/client';
import type { ClientLog } from './clientFactory';
import { createClient } from './clientFactory';
import type { SessionKind, SessionState } from '../core/session';
import type { DemoFleet, DemoOptions } from './demoFleet';
import { loadRuntime } from './runtime';
import { MemoryCredentialStore, SecretCredentialStore, accountLabel } from './secrets';
import { settings } from './settings';

interface Current {
  kind: 'account' | 'demo';
  label: string;
  endpoints: GslEndpoints;
  client: GslClient;
  demo?: DemoFleet;
}

export class Session implements SessionState, vscode.Disposable {
  private current: Current | undefined;
  private connecting = false;
  private waiters: Array<(client: GslApi) => void> = [];
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChange = this.changed.event;
  private readonly store: SecretCredentialStore;

  constructor(
    secrets: vscode.SecretStorage,
    private readonly log: ClientLog,
  ) {
    this.store = new SecretCredentialStore(secrets);
  }

  get kind(): SessionKind {
    if (this.current) return this.current.kind;
    return this.connecting ? 'connecting' : 'signedOut';
  }
  get label(): string | undefined {
    return this.current?.label;
  }
  get endpoints(): GslEndpoints | undefined {
    return this.current?.endpoints;
  }
  get demo(): DemoFleet | undefined {
    return this.current?.demo;
  }

  currentClient(): GslApi | undefined {
    return this.current?.client;
  }

  /** Resolves once a session is ready (at once if one is). */
  client(): Promise<GslApi> {
    const c = this.current?.client;
    return c ? Promise.resolve(c) : new Promise((resolve) => this.waiters.push(resolve));
  }

  /** Picks up credentials kept by an earlier sign-in. */
  async restore(): Promise<boolean> {
    let restored = false;
    // Reading the keychain takes a moment; the view says "connecting" meanwhile, not "sign in".
    await this.withConnecting(async () => {
      const credentials = await this.store.get();
      if (!credentials || this.current) return;
      const endpoints = settings.endpoints();
      this.use({ kind: 'account', label: accountLabel(credentials), endpoints, client: createClient(endpoints, this.store, this.log) });
      restored = true;
    });
    return restored;
  }

  /**
   * Checks the credentials with a real call before keeping them, so a typo is reported at once
   * and never stored. Throws the client's error when the check fails.
   */
  async signIn(credentials: Credentials, endpoints: GslEndpoints): Promise<void> {
    await this.withConnecting(async () => {
      const probe = createClient(endpoints, new MemoryCredentialStore(credentials), this.log);
      try {
        await probe.countSimCards({});
      } finally {
        await probe.dispose();
      }
      await this.store.store(credentials);
      await settings.setEndpoints(endpoints);
      await this.replace({ kind: 'account', label: accountLabel(credentials), endpoints, client: createClient(endpoints, this.store, this.log) });
    });
  }

  async signOut(): Promise<void> {
    await this.store.clear();
    await this.replace(undefined);
  }

  async startDemo(options: DemoOptions = {}): Promise<DemoFleet> {
    if (this.current?.demo) return this.current.demo;
    let demo: DemoFleet | undefined;
    await this.withConnecting(async () => {
      demo = await loadRuntime().startDemoFleet({ ...options, cards: options.cards ?? settings.demoCards() });
      const store: CredentialStore = new MemoryCredentialStore(demo.credentials);
      await this.replace({ kind: 'demo', label: 'demo', endpoints: demo.endpoints, client: createClient(demo.endpoints, store, this.log), demo });
    });
    return demo as DemoFleet;
  }

  /** Whether credentials are kept (without reading them into the caller). */
  async hasStoredCredentials(): Promise<boolean> {
    return (await this.store.get()) !== undefined;
  }

  async dispose(): Promise<void> {
    await this.replace(undefined);
    this.changed.dispose();
  }

  private async withConnecting(work: () => Promise<void>): Promise<void> {
    this.connecting = true;
    this.changed.fire();
    try {
      await work();
    } finally {
      this.connecting = false;
      this.changed.fire();
    }
  }

  private async replace(next: Current | undefined): Promise<void> {
    const previous = this.current;
    this.current = undefined;
    if (previous) {
      await previous.client.dispose().catch(() => undefined);
      await previous.demo?.close().catch(() => undefined);
    }
    if (next) this.use(next);
    else this.changed.fire();
  }

  private use(next: Current): void {
    this.current = next;
    const waiters = this.waiters;
    this.waiters = [];
    for (const resolve of waiters) resolve(next.client);
    this.changed.fire();
  }
}

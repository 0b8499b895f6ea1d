/**
 * The status bar: one item per signed-in account (its name and fleet size; the demo says so), or
 * one item offering to sign in while nobody is. A click opens the account menu for that account.
 */
import * as vscode from 'vscode';
import type { AccountId, FleetAccount, FleetAccounts } from '../core/accounts';
import type { CommandId } from '../core/commandIds';
import { plainText } from '../core/text';
import type { Translate } from '../core/translate';

interface Entry {
  item: vscode.StatusBarItem;
  size?: number;
  version: number;
}

export class AccountStatusBar implements vscode.Disposable {
  private readonly entries = new Map<AccountId, Entry>();
  /** Shown while no account is signed in: "sign in", or "connecting…". */
  private readonly idle = vscode.window.createStatusBarItem('simFleet.session', vscode.StatusBarAlignment.Left, 10);
  private readonly subscription: vscode.Disposable;

  constructor(
    private readonly accounts: FleetAccounts,
    private readonly t: Translate = vscode.l10n.t,
  ) {
    this.idle.name = t('SIM Fleet Account');
    this.idle.command = 'simFleet.account.switch' satisfies CommandId;
    this.subscription = accounts.onDidChange(() => this.sync());
    this.sync();
  }

  /** What the items say, in order (the idle item, or one line per account). */
  get text(): string {
    const shown = [...this.entries.values()].map((e) => e.item.text);
    return shown.length ? shown.join(' | ') : this.idle.text;
  }

  dispose(): void {
    this.subscription.dispose();
    for (const e of this.entries.values()) e.item.dispose();
    this.idle.dispose();
  }

  private sync(): void {
    const { t } = this;
    const live = this.accounts.all();
    for (const [id, e] of this.entries) {
      if (!live.some((a) => a.id === id)) {
        e.item.dispose();
        this.entries.delete(id);
      }
    }
    live.forEach((account, i) => {
      let entry = this.entries.get(account.id);
      if (!entry) {
        const item = vscode.window.createStatusBarItem(`simFleet.account.${account.id}`, vscode.StatusBarAlignment.Left, 10 - i / 100);
        item.name = t('SIM Fleet Account');
        item.command = { command: 'simFleet.account.switch' satisfies CommandId, title: t('SIM Fleet Account'), arguments: [{ accountId: account.id }] };
        entry = { item, version: 0 };
        this.entries.set(account.id, entry);
        void this.count(account, entry);
      }
      this.render(account, entry);
      entry.item.show();
    });
    if (live.length === 0) {
      const connecting = this.accounts.state === 'connecting';
      this.idle.text = connecting ? `$(sync~spin) ${t('SIM Fleet: connecting…')}` : `$(radio-tower) ${t('SIM Fleet: sign in')}`;
      this.idle.tooltip = connecting ? t('SIM Fleet is connecting.') : t('SIM Fleet: not signed in. Click to sign in or try the demo fleet.');
      this.idle.accessibilityInformation = { label: this.idle.tooltip };
      this.idle.show();
    } else {
      this.idle.hide();
    }
  }

  /** One count-only call per account: the fleet size never needs the fleet itself. */
  private async count(account: FleetAccount, entry: Entry): Promise<void> {
    const version = ++entry.version;
    const client = account.currentClient();
    if (!client) return;
    try {
      const size = await client.countSimCards({});
      if (version !== entry.version || this.entries.get(account.id) !== entry) return;
      entry.size = size;
      this.render(account, entry);
    } catch {
      // The tree shows the error; the status bar just omits the number.
    }
  }

  private render(account: FleetAccount, entry: Entry): void {
    const { t } = this;
    const size = entry.size !== undefined ? t('{0} cards', entry.size.toLocaleString()) : undefined;
    if (account.kind === 'demo') {
      entry.item.text = `$(beaker) ${[t('SIM Fleet demo'), size].filter(Boolean).join(' · ')}`;
      entry.item.tooltip = t('SIM Fleet is showing the built-in demo fleet. Click to sign in, switch or stop the demo.');
    } else {
      // The account's name is typed by the person signing in: plain text, never an icon.
      const label = plainText(account.label);
      entry.item.text = `$(radio-tower) ${[label, size].filter(Boolean).join(' · ')}`;
      entry.item.tooltip = t('SIM Fleet account {0}. Click to switch account or sign out.', label);
    }
    entry.item.accessibilityInformation = { label: entry.item.tooltip };
  }
}

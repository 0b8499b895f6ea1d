/** The status bar item: which account (or the demo) is in use and how many cards it has. */
import * as vscode from 'vscode';
import type { CommandId } from '../core/commandIds';
import type { SessionState } from '../core/session';
import { plainText } from '../core/text';

export class SessionStatusBar implements vscode.Disposable {
  private readonly item = vscode.window.createStatusBarItem('simFleet.session', vscode.StatusBarAlignment.Left, 10);
  private readonly subscription: vscode.Disposable;
  private fleetSize: number | undefined;
  private version = 0;

  constructor(private readonly session: SessionState) {
    this.item.name = vscode.l10n.t('SIM Fleet Account');
    this.item.command = 'simFleet.account.switch' satisfies CommandId;
    this.subscription = session.onDidChange(() => void this.update());
    void this.update();
    this.item.show();
  }

  get text(): string {
    return this.item.text;
  }

  private async update(): Promise<void> {
    const version = ++this.version;
    this.fleetSize = undefined;
    this.render();
    const client = this.session.currentClient();
    if (!client) return;
    try {
      // One count-only call: the fleet size never needs the fleet itself.
      const size = await client.countSimCards({});
      if (version !== this.version) return;
      this.fleetSize = size;
    } catch {
      // The tree shows the error; the status bar just omits the number.
    }
    this.render();
  }

  private render(): void {
    const t = vscode.l10n.t;
    const size = this.fleetSize !== undefined ? t('{0} cards', this.fleetSize.toLocaleString()) : undefined;
    switch (this.session.kind) {
      case 'signedOut':
        this.item.text = `$(radio-tower) ${t('SIM Fleet: sign in')}`;
        this.item.tooltip = t('SIM Fleet: not signed in. Click to sign in or try the demo fleet.');
        break;
      case 'connecting':
        this.item.text = `$(sync~spin) ${t('SIM Fleet: connecting…')}`;
        this.item.tooltip = t('SIM Fleet is connecting.');
        break;
      case 'demo':
        this.item.text = `$(radio-tower) ${[t('SIM Fleet demo'), size].filter(Boolean).join(' · ')}`;
        this.item.tooltip = t('SIM Fleet is showing the built-in demo fleet. Click to sign in, switch or stop the demo.');
        break;
      case 'account': {
        // The account label is typed by the person signing in: plain text, never an icon.
        const label = plainText(this.session.label ?? '');
        this.item.text = `$(radio-tower) ${[label, size].filter(Boolean).join(' · ')}`;
        this.item.tooltip = t('SIM Fleet account {0}. Click to switch account or sign out.', label);
        break;
      }
    }
    this.item.accessibilityInformation = { label: this.item.tooltip as string };
  }

  dispose(): void {
    this.subscription.dispose();
    this.item.dispose();
  }
}

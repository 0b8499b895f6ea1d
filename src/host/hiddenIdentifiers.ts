/** The *Hide identifiers* setting as every surface reads it: on or off now, and when it changes. */
import * as vscode from 'vscode';
import type { Masker } from '../core/mask';
import { masker } from '../core/mask';
import { settings } from './settings';

export class HiddenIdentifiers implements vscode.Disposable {
  private hidden = settings.hideIdentifiers();
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChange = this.changed.event;
  private readonly subscription = vscode.workspace.onDidChangeConfiguration((e) => {
    if (!settings.affects(e, 'hideIdentifiers')) return;
    this.hidden = settings.hideIdentifiers();
    void vscode.commands.executeCommand('setContext', 'simFleet.hideIdentifiers', this.hidden);
    this.changed.fire();
  });

  constructor() {
    void vscode.commands.executeCommand('setContext', 'simFleet.hideIdentifiers', this.hidden);
  }

  get on(): boolean {
    return this.hidden;
  }

  /** What shown text goes through now. */
  readonly mask: Masker = (text) => masker(this.hidden)(text);

  dispose(): void {
    this.subscription.dispose();
    this.changed.dispose();
  }
}

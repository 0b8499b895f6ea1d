/**
 * Every question and notification SIM Fleet puts in front of a person goes through `Ui`, which
 * makes the text plain first (`plainText`): card labels, tag and attribute names and the
 * service's own messages can never become an icon or a link. The backend that shows them is
 * VS Code's window; only a test run (ExtensionMode.Test) can put another backend behind `Ui`,
 * to answer questions and read notifications. A normally installed copy has no such seam.
 */
import * as vscode from 'vscode';
import type { Masker } from '../core/mask';
import { showAll } from '../core/mask';
import { plainText } from '../core/text';

export interface PickItem<T> {
  value: T;
  label: string;
  description?: string;
  detail?: string;
  picked?: boolean;
  /** A codicon id of ours shown before the label (never text from the API). */
  icon?: string;
}

export interface PickOptions {
  title: string;
  placeholder?: string;
}

export type Severity = 'info' | 'warning' | 'error';

/** What shows the questions and notifications. */
export interface UiBackend {
  /** A modal confirmation; resolves true only when the person chose `action`. */
  confirm(message: string, detail: string, action: string): Promise<boolean>;
  pickOne<T>(items: readonly PickItem<T>[], options: PickOptions): Promise<T | undefined>;
  pickMany<T>(items: readonly PickItem<T>[], options: PickOptions): Promise<T[] | undefined>;
  input(options: vscode.InputBoxOptions): Promise<string | undefined>;
  /** The open-file dialog; resolves with the file chosen, if any. */
  pickFile(options: vscode.OpenDialogOptions): Promise<vscode.Uri | undefined>;
  /** Resolves with the action chosen, if any. */
  notify(severity: Severity, message: string, actions: readonly string[]): Promise<string | undefined>;
}

function quickPickItem<T>(item: PickItem<T>): vscode.QuickPickItem & { value: T } {
  return {
    value: item.value,
    label: item.icon ? `$(${item.icon}) ${item.label}` : item.label,
    description: item.description,
    detail: item.detail,
    picked: item.picked,
  };
}

export const windowBackend: UiBackend = {
  async confirm(message, detail, action) {
    const answer = await vscode.window.showWarningMessage(message, { modal: true, detail }, action);
    return answer === action;
  },
  async pickOne(items, options) {
    const picked = await vscode.window.showQuickPick(items.map(quickPickItem), { title: options.title, placeHolder: options.placeholder, matchOnDescription: true });
    return picked?.value;
  },
  async pickMany(items, options) {
    const picked = await vscode.window.showQuickPick(items.map(quickPickItem), { title: options.title, placeHolder: options.placeholder, canPickMany: true, matchOnDescription: true });
    return picked?.map((p) => p.value);
  },
  async input(options) {
    return vscode.window.showInputBox(options);
  },
  async pickFile(options) {
    const picked = await vscode.window.showOpenDialog({ ...options, canSelectMany: false });
    return picked?.[0];
  },
  async notify(severity, message, actions) {
    const show = severity === 'error' ? vscode.window.showErrorMessage : severity === 'warning' ? vscode.window.showWarningMessage : vscode.window.showInformationMessage;
    return show(message, ...actions);
  },
};

export class Ui {
  constructor(
    private readonly backend: () => UiBackend = () => windowBackend,
    /** *Hide identifiers*: masks ICCIDs and the like in everything shown. */
    private readonly mask: () => Masker = () => showAll,
  ) {}

  /** Text as a plain-text surface may show it: masked when identifiers are hidden, never an icon or a link. */
  private shown(text: string): string {
    return plainText(this.mask()(text));
  }

  private item<T>(item: PickItem<T>): PickItem<T> {
    return {
      ...item,
      label: this.shown(item.label),
      description: item.description === undefined ? undefined : this.shown(item.description),
      detail: item.detail === undefined ? undefined : this.shown(item.detail),
    };
  }

  confirm(message: string, detail: string, action: string): Promise<boolean> {
    // The detail lists cards one a line; each line is made plain on its own.
    return this.backend().confirm(this.shown(message), detail.split('\n').map((l) => this.shown(l)).join('\n'), action);
  }
  pickOne<T>(items: readonly PickItem<T>[], options: PickOptions): Promise<T | undefined> {
    return this.backend().pickOne(items.map((i) => this.item(i)), options);
  }
  pickMany<T>(items: readonly PickItem<T>[], options: PickOptions): Promise<T[] | undefined> {
    return this.backend().pickMany(items.map((i) => this.item(i)), options);
  }
  input(options: vscode.InputBoxOptions): Promise<string | undefined> {
    return this.backend().input(options);
  }
  pickFile(options: vscode.OpenDialogOptions): Promise<vscode.Uri | undefined> {
    return this.backend().pickFile(options);
  }
  info(message: string, ...actions: string[]): Promise<string | undefined> {
    return this.backend().notify('info', this.shown(message), actions);
  }
  warn(message: string, ...actions: string[]): Promise<string | undefined> {
    return this.backend().notify('warning', this.shown(message), actions);
  }
  error(message: string, ...actions: string[]): Promise<string | undefined> {
    return this.backend().notify('error', this.shown(message), actions);
  }
  /** A message in the status bar for a moment (icons are drawn there, so it is made plain too). */
  flash(message: string, ms: number): void {
    vscode.window.setStatusBarMessage(this.shown(message), ms);
  }
}

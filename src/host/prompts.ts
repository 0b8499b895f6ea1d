/**
 * The questions commands ask a person. Commands go through this object rather than calling
 * `vscode.window` directly, so integration tests can answer them (the API returned by
 * `activate()` exposes it); there is no user-facing way to skip a confirmation.
 */
import * as vscode from 'vscode';

export interface PickItem<T> extends vscode.QuickPickItem {
  value: T;
}

export interface Prompts {
  /** A modal confirmation; resolves true only when the person chose `action`. */
  confirm(message: string, detail: string, action: string): Promise<boolean>;
  pickOne<T>(items: readonly PickItem<T>[], options: { title: string; placeholder?: string }): Promise<T | undefined>;
  pickMany<T>(items: readonly PickItem<T>[], options: { title: string; placeholder?: string }): Promise<T[] | undefined>;
  input(options: vscode.InputBoxOptions): Promise<string | undefined>;
}

export const windowPrompts: Prompts = {
  async confirm(message, detail, action) {
    const answer = await vscode.window.showWarningMessage(message, { modal: true, detail }, action);
    return answer === action;
  },
  async pickOne(items, options) {
    const picked = await vscode.window.showQuickPick(items, { title: options.title, placeHolder: options.placeholder, matchOnDescription: true });
    return picked?.value;
  },
  async pickMany(items, options) {
    const picked = await vscode.window.showQuickPick(items, { title: options.title, placeHolder: options.placeholder, canPickMany: true, matchOnDescription: true });
    return picked?.map((p) => p.value);
  },
  async input(options) {
    return vscode.window.showInputBox(options);
  },
};

/** A replaceable holder: `current` is `windowPrompts` unless a test swaps it. */
export class PromptsHolder implements Prompts {
  current: Prompts = windowPrompts;
  confirm(message: string, detail: string, action: string): Promise<boolean> {
    return this.current.confirm(message, detail, action);
  }
  pickOne<T>(items: readonly PickItem<T>[], options: { title: string; placeholder?: string }): Promise<T | undefined> {
    return this.current.pickOne(items, options);
  }
  pickMany<T>(items: readonly PickItem<T>[], options: { title: string; placeholder?: string }): Promise<T[] | undefined> {
    return this.current.pickMany(items, options);
  }
  input(options: vscode.InputBoxOptions): Promise<string | undefined> {
    return this.current.input(options);
  }
}

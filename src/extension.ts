// Composition root (placeholder until the fleet explorer lands).
import type * as vscode from 'vscode';

export function activate(_context: vscode.ExtensionContext): void {
  // Nothing to wire yet.
}

export function deactivate(): void {
  // Nothing to release yet.
}

/**
 * A card as one of the fleet's snapshots kept it, as a read-only JSON document:
 * `simfleet-snapshot:/<account id>/<taken at, ms>/<card id>.json`. "Compare with Snapshot" opens
 * two of them in the diff editor: the card on a chosen day, and as the latest run read it.
 */
import * as vscode from 'vscode';
import { snapshotCardText } from '../core/changeWords';
import type { Masker } from '../core/mask';
import type { FleetAttention } from './attention';

export const SNAPSHOT_SCHEME = 'simfleet-snapshot';

export function snapshotDocumentUri(accountId: string, takenAt: number, cardId: string): vscode.Uri {
  return vscode.Uri.from({ scheme: SNAPSHOT_SCHEME, path: `/${encodeURIComponent(accountId)}/${takenAt}/${cardId}.json` });
}

/**
 * With *Hide identifiers* on, the documents mask identifiers as every other surface does; when the
 * setting changes, the open ones are read again.
 */
export class SnapshotDocuments implements vscode.TextDocumentContentProvider, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<vscode.Uri>();
  readonly onDidChange = this.changed.event;
  private readonly subscription: vscode.Disposable;

  constructor(
    private readonly attention: FleetAttention,
    private readonly mask: () => Masker,
    onDidChangeMask: vscode.Event<unknown>,
  ) {
    this.subscription = onDidChangeMask(() => {
      for (const doc of vscode.workspace.textDocuments) if (doc.uri.scheme === SNAPSHOT_SCHEME) this.changed.fire(doc.uri);
    });
  }

  dispose(): void {
    this.subscription.dispose();
    this.changed.dispose();
  }

  async provideTextDocumentContent(uri: vscode.Uri): Promise<string> {
    const m = /^\/([^/]+)\/(\d{13})\/(\d{1,20})\.json$/.exec(uri.path);
    if (!m) throw new Error('Not a SIM Fleet snapshot document');
    const accountId = decodeURIComponent(m[1]);
    const takenAt = Number(m[2]);
    // The latest run's reading is not a file yet when no snapshot was kept from it.
    const latest = this.attention.get(accountId)?.result?.snapshot;
    const snapshot = latest?.takenAt === takenAt ? latest : await this.attention.history.read(accountId, takenAt);
    const row = snapshot.findRow(m[3]);
    return this.mask()(snapshotCardText(row >= 0 ? snapshot.card(row) : undefined, takenAt));
  }
}

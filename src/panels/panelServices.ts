/** What the panels need from the rest of the extension; built once in `extension.ts`. */
import type * as vscode from 'vscode';
import type { Event } from '../core/events';
import type { Logger } from '../core/logger';
import type { CardsChangedEvent, SessionState } from '../core/session';
import type { Translate } from '../core/translate';
import type { WorkOrderTracker } from '../core/workOrders';

export interface PanelServices {
  readonly extensionUri: vscode.Uri;
  /** The one source of the client: `client()` waits for a sign-in, as a restored panel must. */
  readonly session: SessionState;
  readonly log: Logger;
  readonly workOrders: WorkOrderTracker;
  /** Fires after a refresh, or when an action's work order ends and the card changed. */
  readonly onDidChangeCards: Event<CardsChangedEvent>;
  /** `vscode.l10n.t` in the extension; tests pass another language's. */
  readonly t: Translate;
  /**
   * Only in a test run (ExtensionMode.Test): the pages may be asked what they show. Never set in
   * a normally installed copy, whose webview bundles do not even contain the answering code.
   */
  readonly testHooks: boolean;
}

/** What the panels need from the rest of the extension; built once in `extension.ts`. */
import type * as vscode from 'vscode';
import type { Event } from '../core/events';
import type { Logger } from '../core/logger';
import type { Masker } from '../core/mask';
import type { AccountId, CardsChangedEvent, FleetAccounts } from '../core/accounts';
import type { Translate } from '../core/translate';
import type { AttentionSettings } from '../core/attention/settings';
import type { TrackedWorkOrder, WorkOrderTracker } from '../core/workOrders';
import type { CardHistoryIndex } from '../core/cardHistory';

export interface PanelServices {
  readonly extensionUri: vscode.Uri;
  /** The one source of clients: a panel shows one account's cards and waits for it to sign in. */
  readonly accounts: FleetAccounts;
  readonly log: Logger;
  /** The work orders this window follows for an account. */
  workOrders(accountId: AccountId): WorkOrderTracker | undefined;
  /** A card's whole history from the API, per account (absent: the panel does not show it). */
  cardHistory?(accountId: AccountId): CardHistoryIndex | undefined;
  /** Any account's work order started, moved on or ended. */
  readonly onDidChangeWorkOrder: Event<{ accountId: AccountId; order: TrackedWorkOrder }>;
  /** Fires after a refresh, or when an action's work order ends and the card changed. */
  readonly onDidChangeCards: Event<CardsChangedEvent>;
  /** `vscode.l10n.t` in the extension; tests pass another language's. */
  readonly t: Translate;
  /** *Hide identifiers*: what every value sent to a page goes through. */
  readonly mask: () => Masker;
  /** Fires when *Hide identifiers* is turned on or off: the pages are sent again. */
  readonly onDidChangeMask: Event<void>;
  /** Whether the card is pinned in its account (the Pinned group of the Cards view). */
  isPinned(accountId: AccountId, cardId: string): boolean;
  /** Fires when any account's pins change. */
  readonly onDidChangePins: Event<void>;
  /** Asks before copying a real identifier while they are hidden; resolves whether to copy. */
  confirmCopy(what: string): Promise<boolean>;
  /**
   * Only in a test run (ExtensionMode.Test): the pages may be asked what they show. Never set in
   * a normally installed copy, whose webview bundles do not even contain the answering code.
   */
  readonly testHooks: boolean;
  /** Needs attention's settings, so the panels' forecast is the one the tree shows; the defaults when not given. */
  readonly attentionSettings?: () => AttentionSettings;
}

/**
 * What both panel hosts share: the locked-down webview, the `ready` handshake, message
 * validation, and, in test runs only, a snapshot round trip.
 */
import * as vscode from 'vscode';
import { isWebviewMessage } from './protocol';
import { maskDeep } from '../core/mask';
import type { PanelServices } from './panelServices';
import type { AccountId } from '../core/accounts';
import type { GslApi } from '../gsl/api';
import type { CardDetailPanelState, HostMessage, PanelKind, UsagePanelState, PoolUsagePanelState, WebviewMessage } from './protocol';
import { buildShell, makeNonce } from './html';
import { localizedStrings } from './strings';

export interface Snapshot {
  /** The page's visible text (`innerText`). */
  text: string;
  /** The page's markup, to check that API strings stayed text. */
  html: string;
}

/** The webview may only load our built scripts and our stylesheets. */
export function webviewOptions(extensionUri: vscode.Uri): vscode.WebviewOptions {
  return {
    enableScripts: true,
    enableCommandUris: false,
    localResourceRoots: [vscode.Uri.joinPath(extensionUri, 'dist', 'webview'), vscode.Uri.joinPath(extensionUri, 'media')],
  };
}

/** The account's client, once it is signed in (a panel restored after a reload waits for it). */
export async function signedInClient(services: PanelServices, accountId: AccountId): Promise<GslApi> {
  const account = await services.accounts.whenSignedIn(accountId);
  const client = account.currentClient();
  // A signed-in account always has its client; this would be a sign-out racing the lookup.
  if (!client) throw new Error(`The account ${account.label} is not signed in.`);
  return client;
}

export abstract class PanelHost implements vscode.Disposable {
  protected readonly disposables: vscode.Disposable[] = [];
  private ready = false;
  private readyWaiters: (() => void)[] = [];
  private snapshotSeq = 0;
  private readonly snapshotWaiters = new Map<number, (s: Snapshot) => void>();
  private disposed = false;
  private readonly disposeEmitter = new vscode.EventEmitter<void>();
  readonly onDidDispose = this.disposeEmitter.event;

  protected constructor(
    readonly panel: vscode.WebviewPanel,
    protected readonly services: PanelServices,
    private readonly kind: PanelKind,
    script: 'cardDetailPanel' | 'usagePanel',
  ) {
    const webview = panel.webview;
    webview.options = webviewOptions(services.extensionUri);
    webview.html = buildShell({
      cspSource: webview.cspSource,
      nonce: makeNonce(),
      scriptUri: webview.asWebviewUri(vscode.Uri.joinPath(services.extensionUri, 'dist', 'webview', `${script}.js`)).toString(),
      styleUri: webview.asWebviewUri(vscode.Uri.joinPath(services.extensionUri, 'media', 'panels', 'panels.css')).toString(),
      title: kind === 'cardDetail' ? services.t('SIM card') : services.t('SIM usage'),
      lang: vscode.env.language,
    });
    this.disposables.push(
      webview.onDidReceiveMessage((m: unknown) => this.handleMessage(m)),
      panel.onDidDispose(() => this.dispose()),
      // A hidden webview is torn down (no retainContextWhenHidden); it says `ready` again when shown.
      panel.onDidChangeViewState((e) => {
        if (!e.webviewPanel.visible) this.ready = false;
      }),
      // Turning *Hide identifiers* on or off sends the page its values again, masked or not.
      services.onDidChangeMask(() => this.update()),
      this.disposeEmitter,
    );
  }

  get isDisposed(): boolean {
    return this.disposed;
  }

  /** What the page saves for a reload: the card id(s) only. */
  protected abstract identity(): CardDetailPanelState | UsagePanelState | PoolUsagePanelState;
  /** The messages that describe what the panel shows now; re-sent whenever the page (re)loads. */
  protected abstract currentMessages(): HostMessage[];
  protected abstract handle(message: Exclude<WebviewMessage, { type: 'ready' } | { type: 'snapshot' }>): void | Promise<void>;

  /**
   * Posts only to a page that said `ready`; an earlier page gets everything from `currentMessages`
   * then. Every shown value is masked first when identifiers are hidden (ids the page sends back
   * are not: see `maskDeep`).
   */
  protected post(message: HostMessage): void {
    if (!this.ready || this.disposed) return;
    void this.panel.webview.postMessage(maskDeep(message, this.services.mask()));
  }

  protected update(): void {
    for (const m of this.currentMessages()) this.post(m);
  }

  /**
   * Every message from the page enters here (tests call it too, to act as the page would).
   * Anything that is not a well-formed protocol message is logged and dropped.
   */
  handleMessage(message: unknown): void {
    if (this.disposed) return;
    if (!isWebviewMessage(message)) {
      const type = typeof message === 'object' && message !== null && typeof (message as { type?: unknown }).type === 'string' ? (message as { type: string }).type : typeof message;
      this.services.log.warn(`Ignored a malformed message (${type.slice(0, 40)}) from the ${this.kind} panel.`);
      return;
    }
    if (message.type === 'ready') {
      this.ready = true;
      this.post({ type: 'init', panel: this.kind, strings: localizedStrings(this.services.t), identity: this.identity() });
      this.update();
      for (const w of this.readyWaiters.splice(0)) w();
      return;
    }
    if (message.type === 'snapshot') {
      const waiter = this.snapshotWaiters.get(message.requestId);
      if (!this.services.testHooks || !waiter) {
        this.services.log.warn(`Ignored an unrequested snapshot from the ${this.kind} panel.`);
        return;
      }
      this.snapshotWaiters.delete(message.requestId);
      waiter({ text: message.text, html: message.html });
      return;
    }
    Promise.resolve(this.handle(message)).catch((err: unknown) => this.services.log.error(`The ${this.kind} panel could not handle "${message.type}".`, err));
  }

  /** Resolves once the page has loaded and said `ready`. */
  whenReady(): Promise<void> {
    return this.ready ? Promise.resolve() : new Promise((resolve) => this.readyWaiters.push(resolve));
  }

  /** Test runs only: what the page shows now. */
  async snapshot(): Promise<Snapshot> {
    if (!this.services.testHooks) throw new Error('Snapshots exist only in test runs.');
    await this.whenReady();
    const requestId = ++this.snapshotSeq;
    const reply = new Promise<Snapshot>((resolve) => this.snapshotWaiters.set(requestId, resolve));
    this.post({ type: 'snapshot', requestId });
    return reply;
  }

  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    this.disposeEmitter.fire();
    for (const d of this.disposables.splice(0)) d.dispose();
    this.panel.dispose();
  }
}

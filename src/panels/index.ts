// The webview panels: opening them, one per card (or set of cards), and bringing them back after a
// window reload. One `Panels` object per extension; commands and tests reach panels through it.
import * as vscode from 'vscode';
import type { Id } from '../gsl/models';
import type { AccountId } from '../core/accounts';
import type { CardLike } from '../core/cardText';
import { isCardDetailPanelState, isPoolUsagePanelState, isUsagePanelState } from './protocol';
import { CARD_DETAIL_VIEW_TYPE, CardDetailPanel } from './cardDetailPanel';
import { USAGE_VIEW_TYPE, UsagePanel } from './usagePanel';
import { POOL_USAGE_VIEW_TYPE, PoolUsagePanel } from './poolUsagePanel';
import type { AnyPool } from '../core/poolText';
import { webviewOptions } from './panelHost';
import type { PanelServices } from './panelServices';

export { CardDetailPanel, UsagePanel, PoolUsagePanel, CARD_DETAIL_VIEW_TYPE, USAGE_VIEW_TYPE, POOL_USAGE_VIEW_TYPE };
export type { PanelServices };

/** A card detail panel's key: the same card id can exist in two accounts. */
const detailKey = (accountId: AccountId, cardId: Id): string => `${accountId}/${cardId}`;

export class Panels implements vscode.Disposable {
  private readonly detail = new Map<string, CardDetailPanel>();
  private readonly usage = new Set<UsagePanel>();
  private readonly poolUsage = new Set<PoolUsagePanel>();
  private readonly registrations: vscode.Disposable[];

  constructor(private readonly services: PanelServices) {
    this.registrations = [
      vscode.window.registerWebviewPanelSerializer(CARD_DETAIL_VIEW_TYPE, { deserializeWebviewPanel: (panel, state) => this.restoreDetail(panel, state) }),
      vscode.window.registerWebviewPanelSerializer(USAGE_VIEW_TYPE, { deserializeWebviewPanel: (panel, state) => this.restoreUsage(panel, state) }),
      vscode.window.registerWebviewPanelSerializer(POOL_USAGE_VIEW_TYPE, { deserializeWebviewPanel: (panel, state) => this.restorePoolUsage(panel, state) }),
    ];
  }

  /** Open card detail panels. */
  detailPanels(): readonly CardDetailPanel[] {
    return [...this.detail.values()];
  }

  /** The open detail panel of a card, if any. */
  detailPanel(accountId: AccountId, cardId: Id): CardDetailPanel | undefined {
    return this.detail.get(detailKey(accountId, cardId));
  }
  usagePanels(): ReadonlySet<UsagePanel> {
    return this.usage;
  }
  poolUsagePanels(): ReadonlySet<PoolUsagePanel> {
    return this.poolUsage;
  }

  /** Shows a pool's last six billing cycles, revealing the panel already open for it. */
  openPoolUsage(accountId: AccountId, pool: AnyPool): PoolUsagePanel {
    for (const p of this.poolUsage) {
      if (!p.isDisposed && p.shows(accountId, pool)) {
        p.panel.reveal();
        return p;
      }
    }
    return this.trackPoolUsage(new PoolUsagePanel(vscode.window.createWebviewPanel(POOL_USAGE_VIEW_TYPE, this.services.t('SIM usage'), vscode.ViewColumn.Active, this.options()), this.services, accountId, pool));
  }

  /** Shows the card's detail panel, revealing the one already open for it. */
  openCardDetail(accountId: AccountId, card: CardLike): CardDetailPanel {
    const existing = this.detail.get(detailKey(accountId, card.sim_card_id));
    if (existing && !existing.isDisposed) {
      existing.panel.reveal();
      return existing;
    }
    const panel = vscode.window.createWebviewPanel(CARD_DETAIL_VIEW_TYPE, this.services.t('SIM card'), vscode.ViewColumn.Active, this.options());
    return this.trackDetail(panel, accountId, card);
  }

  /** Shows usage for one account's cards, revealing a panel that already shows exactly these cards. */
  openUsage(accountId: AccountId, cards: readonly CardLike[]): UsagePanel {
    if (cards.length === 0) throw new Error('openUsage needs at least one card.');
    const ids = cards.map((c) => c.sim_card_id);
    for (const p of this.usage) {
      if (!p.isDisposed && p.shows(accountId, ids)) {
        p.panel.reveal();
        return p;
      }
    }
    const panel = vscode.window.createWebviewPanel(USAGE_VIEW_TYPE, this.services.t('SIM usage'), vscode.ViewColumn.Active, this.options());
    return this.trackUsage(new UsagePanel(panel, this.services, accountId, cards));
  }

  /** Restores a card detail panel after a reload from `{ accountId, cardId }`, fetching again once that account is signed in. */
  async restoreDetail(panel: vscode.WebviewPanel, state: unknown): Promise<void> {
    this.restore(panel, state, isCardDetailPanelState, 'a card detail panel whose saved state was not a card id', (accountId, s) => this.trackDetail(panel, accountId, { sim_card_id: s.cardId }));
  }

  /** Restores a usage panel after a reload from `{ accountId, cardIds }`. */
  async restoreUsage(panel: vscode.WebviewPanel, state: unknown): Promise<void> {
    this.restore(panel, state, isUsagePanelState, 'a usage panel whose saved state was not a list of card ids', (accountId, s) =>
      this.trackUsage(new UsagePanel(panel, this.services, accountId, s.cardIds.map((id) => ({ sim_card_id: id })))),
    );
  }

  /** Restores a pool's usage panel after a reload from `{ accountId, poolKind, poolId, poolName }`. */
  async restorePoolUsage(panel: vscode.WebviewPanel, state: unknown): Promise<void> {
    this.restore(panel, state, isPoolUsagePanelState, 'a pool usage panel whose saved state was not a pool', (accountId, s) => {
      // The cycles are read again by name and id; the rest of the pool's record is not needed here.
      const pool = { kind: s.poolKind, pool: { id: s.poolId, pool_name: s.poolName } } as AnyPool;
      this.trackPoolUsage(new PoolUsagePanel(panel, this.services, accountId, pool));
    });
  }

  /** A saved state is input like any other: a panel whose state does not pass its check is closed. */
  private restore<S extends { accountId?: string }>(panel: vscode.WebviewPanel, state: unknown, isState: (x: unknown) => x is S, what: string, make: (accountId: AccountId, state: S) => unknown): void {
    const accountId = isState(state) ? this.accountOf(state.accountId) : undefined;
    if (!isState(state) || accountId === undefined) {
      this.services.log.warn(`Closed ${what}.`);
      panel.dispose();
      return;
    }
    make(accountId, state);
  }

  /**
   * The account a restored panel belongs to. Panels saved before accounts had ids name none: they
   * belong to the one account signed in then, which after a reload is the first one back.
   */
  private accountOf(saved: AccountId | undefined): AccountId | undefined {
    return saved ?? this.services.accounts.all()[0]?.id;
  }

  dispose(): void {
    for (const r of this.registrations) r.dispose();
    for (const p of [...this.detail.values(), ...this.usage, ...this.poolUsage]) p.dispose();
  }

  private options(): vscode.WebviewPanelOptions & vscode.WebviewOptions {
    return { ...webviewOptions(this.services.extensionUri), enableFindWidget: true };
  }

  private trackPoolUsage(panel: PoolUsagePanel): PoolUsagePanel {
    this.poolUsage.add(panel);
    panel.onDidDispose(() => this.poolUsage.delete(panel));
    return panel;
  }

  private trackDetail(panel: vscode.WebviewPanel, accountId: AccountId, card: CardLike): CardDetailPanel {
    const detail = new CardDetailPanel(panel, this.services, accountId, card.sim_card_id, {
      initial: card,
      openUsage: (c) => this.openUsage(accountId, [c]),
    });
    const key = detailKey(accountId, detail.cardId);
    this.detail.set(key, detail);
    detail.onDidDispose(() => {
      if (this.detail.get(key) === detail) this.detail.delete(key);
    });
    return detail;
  }

  private trackUsage(panel: UsagePanel): UsagePanel {
    this.usage.add(panel);
    panel.onDidDispose(() => this.usage.delete(panel));
    return panel;
  }
}

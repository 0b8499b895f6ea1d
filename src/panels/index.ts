// The webview panels: opening them, one per card (or set of cards), and bringing them back after a
// window reload. One `Panels` object per extension; commands and tests reach panels through it.
import * as vscode from 'vscode';
import type { Id } from '../gsl/models';
import type { CardLike } from '../core/cardText';
import { isCardDetailPanelState, isUsagePanelState } from './protocol';
import { CARD_DETAIL_VIEW_TYPE, CardDetailPanel } from './cardDetailPanel';
import { USAGE_VIEW_TYPE, UsagePanel } from './usagePanel';
import { webviewOptions } from './panelHost';
import type { PanelServices } from './panelServices';

export { CardDetailPanel, UsagePanel, CARD_DETAIL_VIEW_TYPE, USAGE_VIEW_TYPE };
export type { PanelServices };

export class Panels implements vscode.Disposable {
  private readonly detail = new Map<Id, CardDetailPanel>();
  private readonly usage = new Set<UsagePanel>();
  private readonly registrations: vscode.Disposable[];

  constructor(private readonly services: PanelServices) {
    this.registrations = [
      vscode.window.registerWebviewPanelSerializer(CARD_DETAIL_VIEW_TYPE, { deserializeWebviewPanel: (panel, state) => this.restoreDetail(panel, state) }),
      vscode.window.registerWebviewPanelSerializer(USAGE_VIEW_TYPE, { deserializeWebviewPanel: (panel, state) => this.restoreUsage(panel, state) }),
    ];
  }

  /** Open card detail panels, by card id. */
  detailPanels(): ReadonlyMap<Id, CardDetailPanel> {
    return this.detail;
  }
  usagePanels(): ReadonlySet<UsagePanel> {
    return this.usage;
  }

  /** Shows the card's detail panel, revealing the one already open for it. */
  openCardDetail(card: CardLike): CardDetailPanel {
    const existing = this.detail.get(card.sim_card_id);
    if (existing && !existing.isDisposed) {
      existing.panel.reveal();
      return existing;
    }
    const panel = vscode.window.createWebviewPanel(CARD_DETAIL_VIEW_TYPE, this.services.t('SIM card'), vscode.ViewColumn.Active, this.options());
    return this.trackDetail(panel, card);
  }

  /** Shows usage for the cards, revealing a panel that already shows exactly these cards. */
  openUsage(cards: readonly CardLike[]): UsagePanel {
    if (cards.length === 0) throw new Error('openUsage needs at least one card.');
    const ids = cards.map((c) => c.sim_card_id);
    for (const p of this.usage) {
      if (!p.isDisposed && p.shows(ids)) {
        p.panel.reveal();
        return p;
      }
    }
    const panel = vscode.window.createWebviewPanel(USAGE_VIEW_TYPE, this.services.t('SIM usage'), vscode.ViewColumn.Active, this.options());
    return this.trackUsage(new UsagePanel(panel, this.services, cards));
  }

  /** Restores a card detail panel after a reload from `{ cardId }`, fetching again once signed in. */
  async restoreDetail(panel: vscode.WebviewPanel, state: unknown): Promise<void> {
    if (!isCardDetailPanelState(state)) {
      this.services.log.warn('Closed a card detail panel whose saved state was not a card id.');
      panel.dispose();
      return;
    }
    this.trackDetail(panel, { sim_card_id: state.cardId });
  }

  /** Restores a usage panel after a reload from `{ cardIds }`. */
  async restoreUsage(panel: vscode.WebviewPanel, state: unknown): Promise<void> {
    if (!isUsagePanelState(state)) {
      this.services.log.warn('Closed a usage panel whose saved state was not a list of card ids.');
      panel.dispose();
      return;
    }
    this.trackUsage(new UsagePanel(panel, this.services, state.cardIds.map((id) => ({ sim_card_id: id }))));
  }

  dispose(): void {
    for (const r of this.registrations) r.dispose();
    for (const p of [...this.detail.values(), ...this.usage]) p.dispose();
  }

  private options(): vscode.WebviewPanelOptions & vscode.WebviewOptions {
    return { ...webviewOptions(this.services.extensionUri), enableFindWidget: true };
  }

  private trackDetail(panel: vscode.WebviewPanel, card: CardLike): CardDetailPanel {
    const detail = new CardDetailPanel(panel, this.services, card.sim_card_id, {
      initial: card,
      openUsage: (c) => this.openUsage([c]),
    });
    this.detail.set(detail.cardId, detail);
    detail.onDidDispose(() => {
      if (this.detail.get(detail.cardId) === detail) this.detail.delete(detail.cardId);
    });
    return detail;
  }

  private trackUsage(panel: UsagePanel): UsagePanel {
    this.usage.add(panel);
    panel.onDidDispose(() => this.usage.delete(panel));
    return panel;
  }
}

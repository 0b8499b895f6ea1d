// Entry points of the webview panels: opening them, and bringing them back after a window reload.
import * as vscode from 'vscode';
import type { FleetServices } from '../fleet/services';
import type { Id, SimDeviceVO } from '../gsl/models';
import { isCardDetailPanelState, isUsagePanelState } from './protocol';
import { CARD_DETAIL_VIEW_TYPE, CardDetailPanel } from './cardDetailPanel';
import { USAGE_VIEW_TYPE, UsagePanel } from './usagePanel';
import { webviewOptions } from './panelHost';

export type CardLike = SimDeviceVO | { sim_card_id: Id };
export { CardDetailPanel, UsagePanel, CARD_DETAIL_VIEW_TYPE, USAGE_VIEW_TYPE };

const detailPanels = new Map<Id, CardDetailPanel>();
const usagePanels = new Set<UsagePanel>();

/** Open card detail panels, by card id (for tests and for the extension's own bookkeeping). */
export function openCardDetailPanels(): ReadonlyMap<Id, CardDetailPanel> {
  return detailPanels;
}
export function openUsagePanels(): ReadonlySet<UsagePanel> {
  return usagePanels;
}

function panelOptions(services: FleetServices): vscode.WebviewPanelOptions & vscode.WebviewOptions {
  return { ...webviewOptions(services.extensionUri), enableFindWidget: true };
}

function trackDetail(panel: CardDetailPanel): CardDetailPanel {
  detailPanels.set(panel.cardId, panel);
  panel.onDidDispose(() => {
    if (detailPanels.get(panel.cardId) === panel) detailPanels.delete(panel.cardId);
  });
  return panel;
}

function trackUsage(panel: UsagePanel): UsagePanel {
  usagePanels.add(panel);
  panel.onDidDispose(() => usagePanels.delete(panel));
  return panel;
}

function detailFor(services: FleetServices, panel: vscode.WebviewPanel, card: CardLike): CardDetailPanel {
  return trackDetail(
    new CardDetailPanel(panel, services, card.sim_card_id, {
      initial: 'cid' in card || 'iccid' in card ? (card as SimDeviceVO) : undefined,
      openUsage: (c) => openUsage(services, [c]),
    }),
  );
}

/** Shows the card's detail panel, revealing the one already open for it. */
export function openCardDetail(services: FleetServices, card: CardLike): CardDetailPanel {
  const existing = detailPanels.get(card.sim_card_id);
  if (existing && !existing.isDisposed) {
    existing.panel.reveal();
    return existing;
  }
  const panel = vscode.window.createWebviewPanel(CARD_DETAIL_VIEW_TYPE, vscode.l10n.t('SIM card'), vscode.ViewColumn.Active, panelOptions(services));
  return detailFor(services, panel, card);
}

/** Shows usage for the cards, revealing a panel that already shows exactly these cards. */
export function openUsage(services: FleetServices, cards: readonly CardLike[]): UsagePanel {
  if (cards.length === 0) throw new Error('openUsage needs at least one card.');
  const ids = cards.map((c) => c.sim_card_id);
  for (const p of usagePanels) {
    if (!p.isDisposed && p.shows(ids)) {
      p.panel.reveal();
      return p;
    }
  }
  const panel = vscode.window.createWebviewPanel(USAGE_VIEW_TYPE, vscode.l10n.t('SIM usage'), vscode.ViewColumn.Active, panelOptions(services));
  return trackUsage(new UsagePanel(panel, services, cards));
}

/** Restores card detail panels after a reload from `{ cardId }`, fetching again once signed in. */
export class CardDetailSerializer implements vscode.WebviewPanelSerializer<unknown> {
  constructor(private readonly services: FleetServices) {}

  async deserializeWebviewPanel(panel: vscode.WebviewPanel, state: unknown): Promise<void> {
    if (!isCardDetailPanelState(state)) {
      this.services.log.warn('Closed a card detail panel whose saved state was not a card id.');
      panel.dispose();
      return;
    }
    detailFor(this.services, panel, { sim_card_id: state.cardId });
  }
}

/** Restores usage panels after a reload from `{ cardIds }`. */
export class UsageSerializer implements vscode.WebviewPanelSerializer<unknown> {
  constructor(private readonly services: FleetServices) {}

  async deserializeWebviewPanel(panel: vscode.WebviewPanel, state: unknown): Promise<void> {
    if (!isUsagePanelState(state)) {
      this.services.log.warn('Closed a usage panel whose saved state was not a list of card ids.');
      panel.dispose();
      return;
    }
    trackUsage(new UsagePanel(panel, this.services, state.cardIds.map((id) => ({ sim_card_id: id }))));
  }
}

export function registerPanels(context: vscode.ExtensionContext, services: FleetServices): void {
  context.subscriptions.push(
    vscode.window.registerWebviewPanelSerializer(CARD_DETAIL_VIEW_TYPE, new CardDetailSerializer(services)),
    vscode.window.registerWebviewPanelSerializer(USAGE_VIEW_TYPE, new UsageSerializer(services)),
    {
      dispose: () => {
        for (const p of [...detailPanels.values(), ...usagePanels]) p.dispose();
      },
    },
  );
}

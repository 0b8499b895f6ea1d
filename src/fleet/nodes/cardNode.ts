/** One SIM card. Its tooltip is built only when hovered (`resolveTreeItem`). */
import * as vscode from 'vscode';
import type { SimDeviceVO } from '../../gsl/models';
import { cardAccessibilityLabel, cardDescription, cardLabel, cardTooltipMarkdown, STATUS_ICONS } from '../cardText';
import { cardContextValue, cardFlags } from '../contextValue';
import type { CardAction } from '../services';
import type { FleetNode } from './fleetNode';

export class CardNode implements FleetNode {
  constructor(
    readonly parent: FleetNode,
    readonly card: SimDeviceVO,
    private readonly pendingAction: CardAction | undefined,
  ) {}

  /**
   * Unique within the tree, which VS Code requires: while a work order moves a card, the
   * group it left may still list it when the group it reached already does, so the id
   * names the group as well as the card.
   */
  static id(card: Pick<SimDeviceVO, 'sim_card_id'>, group: number | undefined): string {
    return `card:${group ?? 'none'}:${card.sim_card_id}`;
  }

  getTreeItem(): vscode.TreeItem {
    const t = vscode.l10n.t;
    const card = this.card;
    const item = new vscode.TreeItem(cardLabel(card), vscode.TreeItemCollapsibleState.None);
    item.id = CardNode.id(card, (this.parent as { status?: number }).status);
    item.description = cardDescription(card, t, this.pendingAction);
    const look = card.sim_status !== undefined ? STATUS_ICONS[card.sim_status] : undefined;
    item.iconPath = this.pendingAction
      ? new vscode.ThemeIcon('sync~spin')
      : new vscode.ThemeIcon(look?.icon ?? 'circle-outline', look ? new vscode.ThemeColor(look.color) : undefined);
    item.accessibilityInformation = { label: cardAccessibilityLabel(card, t, this.pendingAction) };
    item.contextValue = cardContextValue(cardFlags(card, this.pendingAction !== undefined));
    item.command = { command: 'simFleet.card.openDetail', title: t('Open Card Detail'), arguments: [this] };
    return item;
  }

  /** The tooltip as escaped markdown: API strings (tags, attributes) are data, never markup. */
  tooltip(): vscode.MarkdownString {
    const md = new vscode.MarkdownString(cardTooltipMarkdown(this.card, vscode.l10n.t));
    md.supportHtml = false;
    md.isTrusted = false;
    md.supportThemeIcons = false;
    return md;
  }

  async getChildren(): Promise<FleetNode[]> {
    return [];
  }
}

/** One SIM card. Its tooltip is built only when hovered (`resolveTreeItem`). */
import * as vscode from 'vscode';
import type { SimDeviceMultiplyVo, SimDeviceVO } from '../../gsl/models';
import type { CardAction } from '../../core/cardRules';
import { cardAccessibilityLabel, cardDescription, cardLabel, cardTooltipMarkdown } from '../../core/cardText';
import type { CommandId } from '../../core/commandIds';
import { plainText } from '../../core/text';
import { cardContextValue, cardFlags } from '../contextValue';
import type { FleetNode, TreeContext } from './fleetNode';
import { STATUS_ICONS } from './statusLook';

export class CardNode implements FleetNode {
  constructor(
    readonly parent: FleetNode,
    readonly card: SimDeviceVO,
    /** The account the card belongs to: commands act through that account's client. */
    readonly accountId: string,
    private readonly pendingAction: CardAction | undefined,
    private readonly ctx: Pick<TreeContext, 't' | 'mask'>,
    private readonly pinned = false,
  ) {}

  /**
   * Unique within the tree, which VS Code requires: while a work order moves a card, the
   * group it left may still list it when the group it reached already does, so the id
   * names the account and the group as well as the card.
   */
  static id(accountId: string, card: Pick<SimDeviceVO, 'sim_card_id'>, place: string | undefined): string {
    return `card:${accountId}:${place ?? 'none'}:${card.sim_card_id}`;
  }

  getTreeItem(): vscode.TreeItem {
    const { card } = this;
    const { t, mask } = this.ctx;
    const item = new vscode.TreeItem(plainText(mask(cardLabel(card))), vscode.TreeItemCollapsibleState.None);
    item.id = CardNode.id(this.accountId, card, this.parent.key);
    item.description = plainText(mask(cardDescription(card, t, this.pendingAction)));
    const look = card.sim_status !== undefined ? STATUS_ICONS[card.sim_status] : undefined;
    item.iconPath = this.pendingAction
      ? new vscode.ThemeIcon('sync~spin')
      : new vscode.ThemeIcon(look?.icon ?? 'circle-outline', look ? new vscode.ThemeColor(look.color) : undefined);
    item.accessibilityInformation = { label: plainText(mask(cardAccessibilityLabel(card, t, this.pendingAction))) };
    item.contextValue = cardContextValue(cardFlags(card, this.pendingAction !== undefined, this.pinned));
    item.command = { command: 'simFleet.card.openDetail' satisfies CommandId, title: t('Open Card Detail'), arguments: [this] };
    return item;
  }

  /** The tooltip as escaped markdown: API strings (tags, attributes) are data, never markup. */
  tooltip(attributeNames?: readonly string[], threeNetwork?: Pick<SimDeviceMultiplyVo, 'online_carrier' | 'policy_name'>): vscode.MarkdownString {
    const md = new vscode.MarkdownString(cardTooltipMarkdown(this.card, this.ctx.t, this.ctx.mask, attributeNames, threeNetwork));
    md.supportHtml = false;
    md.isTrusted = false;
    md.supportThemeIcons = false;
    return md;
  }

  async getChildren(): Promise<FleetNode[]> {
    return [];
  }
}

import * as vscode from 'vscode';
import type { SimDeviceMultiplyVo, SimDeviceVO } from '../../gsl/models';
import type { CardAction } from '../../core/cardRules';
import { withThreeNetwork } from '../../core/cardRules';
import { cardAccessibilityLabel, cardDescription, cardLabel, cardTooltipMarkdown } from '../../core/cardText';
import type { CommandId } from '../../core/commandIds';
import { plainText } from '../../core/text';
import { cardContextValue, cardFlags } from '../contextValue';
import type { CardAttention } from '../../core/attentionWords';
import type { FleetNode, TreeContext } from './fleetNode';
import { STATUS_ICONS } from './statusLook';

export interface CardNodeExtra {
  /** Only what a snapshot keeps is known of the card yet: no action is offered until its record is read. */
  partial?: boolean;
  /** A line of the card's place in its list (a pool driver's share), shown first in its description. */
  note?: string;
}

/**
 * One SIM card. Its tooltip is built only when hovered (`resolveTreeItem`). When Needs attention
 * names the card, its description starts with the reasons' short form and its tooltip says them.
 */
export class CardNode implements FleetNode {
  constructor(
    readonly parent: FleetNode,
    readonly card: SimDeviceVO,
    /** The account the card belongs to: commands act through that account's client. */
    readonly accountId: string,
    private readonly pendingAction: CardAction | undefined,
    private readonly ctx: Pick<TreeContext, 't' | 'mask' | 'attentionOf' | 'threeNetworkOf'>,
    private readonly pinned = false,
    private readonly extra: CardNodeExtra = {},
  ) {}

  /** What Needs attention says of the card now. */
  private attention(): CardAttention | undefined {
    return this.ctx.attentionOf?.(this.accountId, this.card.sim_card_id);
  }

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
    const attention = this.attention();
    const reasons = attention ? (attention.dismissed ? t('dismissed {0}', attention.dismissed) : attention.short) : undefined;
    item.description = plainText(mask([this.extra.note, reasons, cardDescription(card, t, this.pendingAction)].filter(Boolean).join(' · ')));
    const look = card.sim_status !== undefined ? STATUS_ICONS[card.sim_status] : undefined;
    item.iconPath = this.pendingAction
      ? new vscode.ThemeIcon('sync~spin')
      : new vscode.ThemeIcon(look?.icon ?? 'circle-outline', look ? new vscode.ThemeColor(look.color) : undefined);
    const spoken = cardAccessibilityLabel(card, t, this.pendingAction);
    item.accessibilityInformation = { label: plainText(mask(reasons ? `${spoken}, ${reasons}` : spoken)) };
    const flag = attention ? (attention.dismissed ? 'dismissed' : 'needs') : undefined;
    const known = withThreeNetwork(card, this.ctx.threeNetworkOf?.(this.accountId, card.sim_card_id));
    item.contextValue = cardContextValue(cardFlags(known, this.pendingAction !== undefined, this.pinned, { attention: flag, partial: this.extra.partial }));
    item.command = { command: 'simFleet.card.openDetail' satisfies CommandId, title: t('Open Card Detail'), arguments: [this] };
    return item;
  }

  /** The tooltip as escaped markdown: API strings (tags, attributes) are data, never markup. */
  tooltip(attributeNames?: readonly string[], threeNetwork?: Pick<SimDeviceMultiplyVo, 'online_carrier' | 'policy_name'>): vscode.MarkdownString {
    const { t } = this.ctx;
    const a = this.attention();
    const notes = a ? (a.dismissed ? [t('Dismissed from Needs attention {0}', a.dismissed)] : a.long.map((line) => t('Needs attention: {0}', line))) : [];
    const md = new vscode.MarkdownString(cardTooltipMarkdown(this.card, t, this.ctx.mask, attributeNames, notes, threeNetwork));
    md.supportHtml = false;
    md.isTrusted = false;
    md.supportThemeIcons = false;
    return md;
  }

  async getChildren(): Promise<FleetNode[]> {
    return [];
  }
}

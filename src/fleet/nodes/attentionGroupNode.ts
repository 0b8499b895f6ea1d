/**
 * "Needs attention (312)" at the top of an account's groups (below Pinned: the cards a person
 * pinned are a handful they chose to watch; this group can hold hundreds). Its children are
 * the reasons with their counts, then the dismissed cards. While a run is on its way the
 * description says how far it is; a run that failed shows as an error row with Retry, and the
 * previous result, if any, stays below it.
 */
import * as vscode from 'vscode';
import type { CommandId } from '../../core/commandIds';
import type { AttentionReason } from '../../core/attention/settings';
import { ATTENTION_REASONS, progressText } from '../../core/attentionWords';
import { formatTime } from '../../core/dateText';
import { errorMessage } from '../../core/errorWords';
import type { AccountAttention } from '../attention';
import type { AccountFleet } from '../fleets';
import { AttentionReasonNode } from './attentionReasonNode';
import { DismissedNode } from './dismissedNode';
import type { FleetNode, TreeContext } from './fleetNode';
import { MessageNode } from './messageNode';

export class AttentionGroupNode implements FleetNode {
  readonly key = 'attention';
  private readonly reasons: Map<AttentionReason, AttentionReasonNode>;
  private readonly dismissedNode: DismissedNode;

  constructor(
    readonly fleet: AccountFleet,
    readonly attention: AccountAttention,
    private readonly ctx: TreeContext,
    private readonly root: () => FleetNode | undefined,
  ) {
    this.reasons = new Map(ATTENTION_REASONS.map((r) => [r, new AttentionReasonNode(r, fleet, attention, ctx, () => this)]));
    this.dismissedNode = new DismissedNode(fleet, attention, ctx, this);
  }

  get parent(): FleetNode | undefined {
    return this.root();
  }

  get accountId(): string {
    return this.fleet.account.id;
  }

  /** Shown unless Needs attention is turned off. */
  get shown(): boolean {
    return this.attention.state.kind !== 'off';
  }

  reasonNode(reason: AttentionReason): AttentionReasonNode {
    return this.reasons.get(reason)!;
  }

  /** The lists under this group that show a card now: Dismissed, or the rows of its reasons. */
  listsOf(cardId: string): FleetNode[] {
    if (this.attention.dismissal(cardId)) return [this.dismissedNode];
    return (this.attention.card(cardId)?.reasons ?? []).map((r) => this.reasons.get(r.reason)!);
  }

  static id(accountId: string): string {
    return `attention:${accountId}`;
  }

  getTreeItem(): vscode.TreeItem {
    const { t } = this.ctx;
    const { state, result } = this.attention;
    const total = result ? this.attention.cards().length : undefined;
    const item = new vscode.TreeItem(total === undefined ? t('Needs attention') : t('Needs attention ({0})', total.toLocaleString()), vscode.TreeItemCollapsibleState.Expanded);
    item.id = AttentionGroupNode.id(this.accountId);
    const parts: string[] = [];
    if (state.kind === 'running') parts.push(progressText(state.progress, this.fleet.model.total(), t));
    else if (state.kind === 'failed') parts.push(t('could not finish'));
    else if (state.kind === 'cancelled') parts.push(t('stopped'));
    else if (result) parts.push(t('as of {0}', formatTime(result.asOf)));
    const dismissed = this.attention.dismissed().length;
    if (dismissed) parts.push(t('{0} dismissed', dismissed));
    const description = parts.join(' · ');
    item.description = description;
    item.iconPath = state.kind === 'running' ? new vscode.ThemeIcon('sync~spin') : new vscode.ThemeIcon(total === 0 ? 'pass' : 'warning', new vscode.ThemeColor(total === 0 ? 'charts.green' : 'list.warningForeground'));
    item.contextValue = `simFleet.attention ${state.kind === 'running' ? 'running' : 'idle'}`;
    // A screen reader hears the state as well as the count: after a run stopped or failed, the count is an older run's.
    const spoken = total === undefined ? t('Needs attention, {0}', description || t('starting…')) : description ? t('Needs attention, {0} cards, {1}', total, description) : t('Needs attention, {0} cards', total);
    item.accessibilityInformation = { label: spoken };
    return item;
  }

  async getChildren(): Promise<FleetNode[]> {
    const { t } = this.ctx;
    const { state, result } = this.attention;
    const run = { command: 'simFleet.attention.run' satisfies CommandId, title: t('Retry'), arguments: [{ accountId: this.accountId }] };
    const notice: FleetNode[] = [];
    if (state.kind === 'failed') notice.push(new MessageNode(this, 'error', result ? t('The latest run did not finish: {0}', errorMessage(state.error, t)) : errorMessage(state.error, t), run, undefined, this.ctx.mask));
    if (!result) {
      if (state.kind === 'cancelled') return [new MessageNode(this, 'empty', t('Stopped before it finished.'), { ...run, title: t('Run again') })];
      return notice.length ? notice : [new MessageNode(this, 'empty', t('Looking for cards that need attention…'))];
    }
    const dismissed = this.attention.dismissed().length > 0 ? [this.dismissedNode] : [];
    return [...notice, ...ATTENTION_REASONS.map((r) => this.reasons.get(r)!), ...dismissed];
  }
}

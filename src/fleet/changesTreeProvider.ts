/**
 * The What Changed view: what changed in one account's fleet between a chosen snapshot and a
 * newer one (core/attention/compare.ts), one section per kind of change, every card linked to its
 * detail. Shown once a comparison is made (`simFleet.changesShown`).
 */
import * as vscode from 'vscode';
import type { AccountId } from '../core/accounts';
import type { SnapshotChanges } from '../core/attention/compare';
import type { ChangeRow, ChangeSection } from '../core/changeWords';
import { CHANGE_SECTIONS, CHANGE_SECTION_WORDS, changeRows } from '../core/changeWords';
import type { CommandId } from '../core/commandIds';
import type { Masker } from '../core/mask';
import { plainText } from '../core/text';
import type { Translate } from '../core/translate';
import { partialCard } from './attention';

export interface ChangesReport {
  accountId: AccountId;
  accountLabel: string;
  changes: SnapshotChanges;
}

type ChangesNode = { kind: 'section'; section: ChangeSection; rows: ChangeRow[] } | { kind: 'card'; row: ChangeRow };

export class ChangesTreeProvider implements vscode.TreeDataProvider<ChangesNode>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<ChangesNode | undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  private reportValue: ChangesReport | undefined;

  constructor(
    private readonly t: Translate,
    private readonly mask: () => Masker,
  ) {}

  get report(): ChangesReport | undefined {
    return this.reportValue;
  }

  show(report: ChangesReport | undefined): void {
    this.reportValue = report;
    void vscode.commands.executeCommand('setContext', 'simFleet.changesShown', report !== undefined);
    this.changed.fire(undefined);
  }

  refresh(): void {
    this.changed.fire(undefined);
  }

  getChildren(node?: ChangesNode): ChangesNode[] {
    const r = this.reportValue;
    if (!r) return [];
    if (!node) return CHANGE_SECTIONS.map((section) => ({ kind: 'section', section, rows: changeRows(r.changes, section, this.t) }));
    return node.kind === 'section' ? node.rows.map((row) => ({ kind: 'card', row })) : [];
  }

  getTreeItem(node: ChangesNode): vscode.TreeItem {
    const { t } = this;
    const mask = this.mask();
    if (node.kind === 'section') {
      const item = new vscode.TreeItem(t('{0} ({1})', t(CHANGE_SECTION_WORDS[node.section]), node.rows.length), node.rows.length ? vscode.TreeItemCollapsibleState.Expanded : vscode.TreeItemCollapsibleState.None);
      item.id = `changes:${node.section}`;
      item.contextValue = `simFleet.changeSection ${node.section}`;
      return item;
    }
    const { row } = node;
    // Labels and words come from the snapshot (API data): plain text, masked like the Cards view.
    const item = new vscode.TreeItem(plainText(mask(row.card.label || row.card.sim_card_id)), vscode.TreeItemCollapsibleState.None);
    item.id = `changes:${row.section}:${row.card.sim_card_id}`;
    item.description = plainText(mask(row.text));
    item.tooltip = plainText(mask(`${row.card.label}: ${row.text}`));
    item.contextValue = 'simFleet.changeCard';
    const card = partialCard({ sim_card_id: row.card.sim_card_id, label: row.card.label, sim_status: row.card.sim_status, flow_used: null, flow_left: null, price_plan_name: null, expire_time: null, tag_names: null });
    item.command = { command: 'simFleet.card.openDetail' satisfies CommandId, title: t('Open Card Detail'), arguments: [{ card, accountId: this.reportValue?.accountId }] };
    return item;
  }

  dispose(): void {
    this.changed.dispose();
  }
}

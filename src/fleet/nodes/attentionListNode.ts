/**
 * What the Needs attention lists share: a page of cards at a time (with "Load more"), each a card
 * node as elsewhere. A card is shown at once from what the run kept of it; its full record (which
 * the menus' actions depend on) is read in the background for the cards on screen.
 */
import type * as vscode from 'vscode';
import type { SimDeviceVO } from '../../gsl/models';
import type { AccountAttention } from '../attention';
import { partialCard } from '../attention';
import type { AccountFleet } from '../fleets';
import type { AttentionCard } from '../../core/attention/engine';
import { CardNode } from './cardNode';
import type { FleetNode, TreeContext } from './fleetNode';
import { MessageNode } from './messageNode';
import type { PagedNode } from './loadMoreNode';
import { LoadMoreNode } from './loadMoreNode';

/** Cards per page of a list. */
export const ATTENTION_PAGE = 50;

export interface ListedCard {
  card: SimDeviceVO;
  /** Only what the run kept is known yet. */
  partial: boolean;
  /** Shown first in the card's description. */
  note?: string;
}

export abstract class AttentionListNode implements PagedNode {
  private shown = ATTENTION_PAGE;

  constructor(
    readonly fleet: AccountFleet,
    readonly attention: AccountAttention,
    protected readonly ctx: TreeContext,
    private readonly parentNode: () => FleetNode | undefined,
    /** Names the list in its cards' ids. */
    readonly key: string,
  ) {}

  get parent(): FleetNode | undefined {
    return this.parentNode();
  }

  get accountId(): string {
    return this.fleet.account.id;
  }

  abstract getTreeItem(): vscode.TreeItem;

  /** Every card of the list, in order. */
  protected abstract listed(): ListedCard[];

  /** A card of the run as a card record: the full one when read, else what the run kept. */
  protected fromRun(c: AttentionCard, note?: string): ListedCard {
    const full = this.attention.record(c.sim_card_id);
    if (full) return { card: full, partial: false, note };
    const suspended = c.reasons.find((r) => r.reason === 'suspended');
    return { card: partialCard(c, suspended?.reason === 'suspended' ? suspended.operatorStatus : -1), partial: true, note };
  }

  async getChildren(): Promise<FleetNode[]> {
    const all = this.listed();
    const page = all.slice(0, this.shown);
    this.attention.wantRecords(page.filter((e) => e.partial).map((e) => e.card.sim_card_id));
    const { tracker, pins } = this.fleet;
    const nodes: FleetNode[] = page.map(
      (e) => new CardNode(this, e.card, this.accountId, tracker.pendingAction(e.card.sim_card_id), this.ctx, pins.has(e.card.sim_card_id), { partial: e.partial, note: e.note }),
    );
    if (all.length > page.length) nodes.push(new LoadMoreNode(this, page.length, all.length, this.ctx.t));
    if (nodes.length === 0) nodes.push(new MessageNode(this, 'empty', this.ctx.t('No cards')));
    return nodes;
  }

  showMore(): void {
    this.shown += ATTENTION_PAGE;
    this.ctx.refreshNode?.(this);
  }
}

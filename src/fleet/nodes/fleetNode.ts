/** What every node of the fleet tree offers (house style 5): its item, its children and its parent, so `reveal` works. */
import type * as vscode from 'vscode';
import type { ThreeNetworkInfo } from '../../core/cardRules';
import type { Masker } from '../../core/mask';
import type { Translate } from '../../core/translate';
import type { CardAttention } from '../../core/attentionWords';

export interface FleetNode {
  readonly parent: FleetNode | undefined;
  /** Names the node's place in the ids of its children (a status, or `pinned`), when it has cards. */
  readonly key?: string;
  getTreeItem(): vscode.TreeItem;
  getChildren(): Promise<FleetNode[]>;
}

/** What every node reads besides its own fleet: the words of the user's language, and the view's shape. */
export interface TreeContext {
  readonly t: Translate;
  /** More than one account is signed in: each has its own root, and ids name the account. */
  readonly multiAccount: boolean;
  /** *Hide identifiers*: what every label, description and tooltip goes through before it is shown. */
  readonly mask: Masker;
  /** Needs attention's word on a card, when a run names it or the person dismissed it. */
  readonly attentionOf?: (accountId: string, cardId: string) => CardAttention | undefined;
  /** Shows a node's children again (a list that shows more). */
  readonly refreshNode?: (node: FleetNode) => void;
  /** What is known now of a card as a three-network card (its menus offer Switch Network only then). */
  readonly threeNetworkOf?: (accountId: string, cardId: string) => ThreeNetworkInfo | undefined;
}

/**
 * The context every tree's nodes share: its words, its mask, and whether several accounts are shown
 * (read live from the fleets); `extra` is what only the Cards view offers.
 */
export function treeContext(fleets: { all(): readonly unknown[] }, t: Translate, mask: () => Masker, extra: Pick<TreeContext, 'attentionOf' | 'refreshNode' | 'threeNetworkOf'> = {}): TreeContext {
  return {
    ...extra,
    t,
    get multiAccount() {
      return fleets.all().length > 1;
    },
    get mask() {
      return mask();
    },
  };
}

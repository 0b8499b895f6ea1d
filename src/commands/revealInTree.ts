import * as vscode from 'vscode';
import type { SimDeviceVO } from '../gsl/models';
import type { AccountId } from '../core/accounts';
import { cardLabel } from '../core/cardText';
import type { CommandContext } from './commandContext';

/**
 * Shows a card in the Cards view, selected and focused: the view opens if it is closed, and the
 * card is loaded into its group if its page is not loaded (Find Card, a hover's Reveal link).
 */
export async function revealInTree(ctx: CommandContext, accountId: AccountId, card: SimDeviceVO): Promise<void> {
  // Placing the card in its group refreshes the group; reveal waits for pending refreshes, so the
  // view's copy of the group includes the card by the time it is revealed.
  ctx.fleets.get(accountId)?.model.pin(card);
  const node = ctx.tree.cardNode(card, accountId);
  if (node) {
    try {
      // Found from the palette, the Cards view may be closed; reveal selects only in a rendered tree.
      if (!ctx.treeView.visible) await showView(ctx.treeView);
      // A reveal that reaches the workbench while it redraws the tree is dropped silently, so
      // it is tried once more if the card did not become selected.
      for (let attempt = 0; attempt < 2 && !isSelected(ctx.treeView, accountId, card); attempt++) {
        const selected = selectionOf(ctx.treeView, accountId, card, 1000);
        await ctx.treeView.reveal(node, { select: true, focus: true, expand: false });
        await selected;
      }
    } catch (err) {
      ctx.log.error(`Could not reveal ${cardLabel(card)}`, err);
    }
  }
}

/** Opens the Cards view and resolves once it is visible (or after a few seconds regardless). */
async function showView(view: vscode.TreeView<unknown>): Promise<void> {
  let subscription: vscode.Disposable | undefined;
  const visible = new Promise<void>((resolve) => {
    subscription = view.onDidChangeVisibility((e) => e.visible && resolve());
    setTimeout(resolve, 3000);
  });
  // VS Code's own command that shows a view (not one of ours, so not a CommandId).
  await vscode.commands.executeCommand('simFleet.cards.focus');
  await visible;
  subscription?.dispose();
}

function isSelected(view: vscode.TreeView<unknown>, accountId: AccountId, card: SimDeviceVO): boolean {
  return view.selection.some((n) => {
    const node = n as { card?: SimDeviceVO; accountId?: AccountId };
    return node.card?.sim_card_id === card.sim_card_id && node.accountId === accountId;
  });
}


/** Resolves when the card becomes selected, or after `ms`. */
function selectionOf(view: vscode.TreeView<unknown>, accountId: AccountId, card: SimDeviceVO, ms: number): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(done, ms);
    const subscription = view.onDidChangeSelection(() => isSelected(view, accountId, card) && done());
    function done(): void {
      clearTimeout(timer);
      subscription.dispose();
      resolve();
    }
  });
}

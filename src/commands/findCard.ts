import * as vscode from 'vscode';
import type { SimDeviceVO } from '../gsl/models';
import { cardDescription, cardLabel } from '../core/cardText';
import { errorMessage } from '../core/errorWords';
import { simStatusWord } from '../core/words';
import { classifyFindInput, findQuery, validateFindInput } from '../fleet/findInput';
import type { CommandContext } from './commandContext';

/**
 * simFleet.card.find — asks for an ICCID, MSISDN or IMEI, searches the server (the whole fleet,
 * whatever the filter) and reveals the card in the tree, loading it into its group if its page
 * is not loaded.
 */
export async function findCard(ctx: CommandContext, text?: unknown): Promise<SimDeviceVO | undefined> {
  const { t, ui } = ctx;
  const fleets = ctx.fleets.all();
  if (fleets.length === 0) {
    void ui.info(t('Sign in or start the demo fleet first.'));
    return undefined;
  }
  const typed =
    typeof text === 'string'
      ? text
      : await ui.input({
          title: t('Find Card'),
          prompt: t('ICCID (19–20 characters), MSISDN or IMEI (15 digits)'),
          placeHolder: '8986…',
          validateInput: (v) => validateFindInput(v, t),
        });
  if (typed === undefined) return undefined;
  const problem = validateFindInput(typed, t);
  const shaped = classifyFindInput(typed);
  if (problem || !shaped) {
    void ui.error(problem ?? t('Enter an ICCID, an MSISDN or an IMEI.'));
    return undefined;
  }
  // Every signed-in account is searched, at once.
  const answers = await Promise.allSettled(
    fleets.map(async (fleet) => {
      const client = fleet.account.currentClient();
      const found = client ? (await client.listSimCards({ ...findQuery(shaped), limit: 10, offset: 1 })).sim_cards : [];
      return found.map((card) => ({ fleet, card }));
    }),
  );
  const matches = answers.flatMap((a) => (a.status === 'fulfilled' ? a.value : []));
  const failure = answers.find((a): a is PromiseRejectedResult => a.status === 'rejected');
  if (matches.length === 0) {
    void (failure ? ui.error(errorMessage(failure.reason, t)) : ui.info(t('No card matches {0}.', shaped.value)));
    return undefined;
  }
  let match = matches[0];
  if (matches.length > 1) {
    const several = fleets.length > 1;
    const chosen = await ui.pickOne(
      matches.map((m) => ({
        value: m,
        label: cardLabel(m.card),
        description: [several ? m.fleet.account.label : undefined, simStatusWord(m.card.sim_status, t), cardDescription(m.card, t)].filter(Boolean).join(' · '),
      })),
      { title: t('{0} cards match {1}', matches.length, shaped.value) },
    );
    if (!chosen) return undefined;
    match = chosen;
  }
  const { fleet, card } = match;
  ctx.milestones.reached('found');
  // The pin refreshes the group; reveal waits for pending refreshes, so the view's copy of the
  // group includes the card by the time it is revealed.
  fleet.model.pin(card);
  const node = ctx.tree.cardNode(card, fleet.account.id);
  if (node) {
    try {
      // Found from the palette, the Cards view may be closed; reveal selects only in a rendered tree.
      if (!ctx.treeView.visible) await showView(ctx.treeView);
      // A reveal that reaches the workbench while it redraws the tree is dropped silently, so
      // it is tried once more if the card did not become selected.
      for (let attempt = 0; attempt < 2 && !isSelected(ctx.treeView, card); attempt++) {
        const selected = selectionOf(ctx.treeView, card, 1000);
        await ctx.treeView.reveal(node, { select: true, focus: true, expand: false });
        await selected;
      }
    } catch (err) {
      ctx.log.error(`Could not reveal ${cardLabel(card)}`, err);
    }
  }
  return card;
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

function isSelected(view: vscode.TreeView<unknown>, card: SimDeviceVO): boolean {
  return view.selection.some((n) => (n as { card?: SimDeviceVO }).card?.sim_card_id === card.sim_card_id);
}

/** Resolves when the card becomes selected, or after `ms`. */
function selectionOf(view: vscode.TreeView<unknown>, card: SimDeviceVO, ms: number): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(done, ms);
    const subscription = view.onDidChangeSelection(() => isSelected(view, card) && done());
    function done(): void {
      clearTimeout(timer);
      subscription.dispose();
      resolve();
    }
  });
}

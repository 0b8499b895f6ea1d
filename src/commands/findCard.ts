import * as vscode from 'vscode';
import type { SimDeviceVO } from '../gsl/models';
import { cardDescription, cardLabel } from '../fleet/cardText';
import { classifyFindInput, findQuery, validateFindInput } from '../fleet/findInput';
import { simStatusWord } from '../fleet/words';
import { errorMessage } from '../host/errorMessages';
import type { CommandContext } from './commandContext';

/**
 * simFleet.card.find — asks for an ICCID, MSISDN or IMEI, searches the server (the whole fleet,
 * whatever the filter) and reveals the card in the tree, loading it into its group if its page
 * is not loaded.
 */
export async function findCard(ctx: CommandContext, text?: unknown): Promise<SimDeviceVO | undefined> {
  const t = vscode.l10n.t;
  const client = ctx.session.currentClient();
  if (!client) {
    void vscode.window.showInformationMessage(t('Sign in or start the demo fleet first.'));
    return undefined;
  }
  const typed =
    typeof text === 'string'
      ? text
      : await ctx.prompts.input({
          title: t('Find Card'),
          prompt: t('ICCID (19–20 characters), MSISDN or IMEI (15 digits)'),
          placeHolder: '8986…',
          validateInput: (v) => validateFindInput(v, t),
        });
  if (typed === undefined) return undefined;
  const problem = validateFindInput(typed, t);
  const shaped = classifyFindInput(typed);
  if (problem || !shaped) {
    void vscode.window.showErrorMessage(problem ?? t('Enter an ICCID, an MSISDN or an IMEI.'));
    return undefined;
  }
  let cards: SimDeviceVO[];
  try {
    cards = (await client.listSimCards({ ...findQuery(shaped), limit: 10, offset: 1 })).sim_cards;
  } catch (err) {
    void vscode.window.showErrorMessage(errorMessage(err, t));
    return undefined;
  }
  let card = cards[0];
  if (cards.length === 0) {
    void vscode.window.showInformationMessage(t('No card matches {0}.', shaped.value));
    return undefined;
  }
  if (cards.length > 1) {
    card = (await ctx.prompts.pickOne(
      cards.map((c) => ({ value: c, label: cardLabel(c), description: `${simStatusWord(c.sim_status, t)} · ${cardDescription(c, t)}` })),
      { title: t('{0} cards match {1}', cards.length, shaped.value) },
    )) as SimDeviceVO;
    if (!card) return undefined;
  }
  ctx.model.pin(card);
  const node = ctx.tree.cardNode(card);
  if (node) {
    try {
      await ctx.treeView.reveal(node, { select: true, focus: true, expand: false });
    } catch (err) {
      ctx.log.error(`Could not reveal ${cardLabel(card)}`, err);
    }
  }
  return card;
}

import * as vscode from 'vscode';
import { cardsFromArgs } from './cardArgs';
import type { CommandContext } from './commandContext';
import { confirmCopy } from './confirmCopy';
import { linkedCard } from './linkedCard';

/**
 * simFleet.card.copyIccid — the ICCIDs (or container ids) of the selected cards, one per line, or
 * of a card link's card. The real values, even while identifiers are hidden (after asking).
 */
export async function copyIccid(ctx: CommandContext, node?: unknown, nodes?: unknown): Promise<string | undefined> {
  const linked = await linkedCard(ctx, node);
  if (linked === undefined) return undefined;
  const cards = linked === 'none' ? cardsFromArgs(node, nodes, ctx.fleets.only()?.account.id).map((x) => x.card) : [linked.card];
  if (cards.length === 0) return undefined;
  const text = cards.map((c) => c.iccid || c.cid || c.sim_card_id).join('\n');
  if (!(await confirmCopy(ctx, cards.length === 1 ? text : ctx.t('{0} ICCIDs', cards.length)))) return undefined;
  await vscode.env.clipboard.writeText(text);
  ctx.ui.flash(ctx.t('Copied {0} ICCIDs', cards.length), 3000);
  return text;
}

import * as vscode from 'vscode';
import { plainText } from '../core/text';
import { cardsFromArgs } from './cardArgs';
import type { CommandContext } from './commandContext';
import { linkedCard } from './linkedCard';

/** simFleet.card.copyIccid — the ICCIDs (or container ids) of the selected cards, one per line, or of a card link's card. */
export async function copyIccid(ctx: CommandContext, node?: unknown, nodes?: unknown): Promise<string | undefined> {
  const linked = await linkedCard(ctx, node);
  if (linked === undefined) return undefined;
  const cards = linked === 'none' ? cardsFromArgs(node, nodes) : [linked.card];
  if (cards.length === 0) return undefined;
  const text = cards.map((c) => c.iccid || c.cid || c.sim_card_id).join('\n');
  await vscode.env.clipboard.writeText(text);
  vscode.window.setStatusBarMessage(plainText(ctx.t('Copied {0} ICCIDs', cards.length)), 3000);
  return text;
}

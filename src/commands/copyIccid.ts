import * as vscode from 'vscode';
import { plainText } from '../core/text';
import { cardsFromArgs } from './cardArgs';
import type { CommandContext } from './commandContext';

/** simFleet.card.copyIccid — the ICCIDs (or container ids) of the selected cards, one per line. */
export async function copyIccid(ctx: CommandContext, node?: unknown, nodes?: unknown): Promise<string | undefined> {
  const cards = cardsFromArgs(node, nodes);
  if (cards.length === 0) return undefined;
  const text = cards.map((c) => c.iccid || c.cid || c.sim_card_id).join('\n');
  await vscode.env.clipboard.writeText(text);
  vscode.window.setStatusBarMessage(plainText(ctx.t('Copied {0} ICCIDs', cards.length)), 3000);
  return text;
}

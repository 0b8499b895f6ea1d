import * as vscode from 'vscode';
import type { CommandContext } from './commandContext';

function setAttentionOnly(ctx: CommandContext, on: boolean): boolean {
  ctx.tree.attentionOnly = on;
  void vscode.commands.executeCommand('setContext', 'simFleet.attentionOnly', on);
  return on;
}

/** simFleet.attention.showOnly — each status group lists only its cards needing attention. */
export async function showAttentionOnly(ctx: CommandContext): Promise<boolean> {
  return setAttentionOnly(ctx, true);
}

/** simFleet.attention.showAll — the status groups list every card again. */
export async function showAllCards(ctx: CommandContext): Promise<boolean> {
  return setAttentionOnly(ctx, false);
}

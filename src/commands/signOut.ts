import * as vscode from 'vscode';
import type { CommandContext } from './commandContext';

/** simFleet.account.signOut — deletes the kept credentials (or stops the demo fleet). */
export async function signOut(ctx: CommandContext): Promise<void> {
  const wasDemo = ctx.session.kind === 'demo';
  await ctx.session.signOut();
  ctx.model.reset();
  ctx.log.info(wasDemo ? 'Demo fleet stopped' : 'Signed out; credentials deleted');
  void vscode.window.showInformationMessage(wasDemo ? vscode.l10n.t('The demo fleet has stopped.') : vscode.l10n.t('Signed out of GSL. The credentials were deleted.'));
}

import type { CommandContext } from './commandContext';

/** simFleet.account.signOut — deletes the kept credentials (or stops the demo fleet). */
export async function signOut(ctx: CommandContext): Promise<void> {
  const wasDemo = ctx.session.kind === 'demo';
  // The session's change resets the fleet (extension.ts, through the refresh manager).
  await ctx.session.signOut();
  ctx.log.info(wasDemo ? 'Demo fleet stopped' : 'Signed out; credentials deleted');
  void ctx.ui.info(wasDemo ? ctx.t('The demo fleet has stopped.') : ctx.t('Signed out of GSL. The credentials were deleted.'));
}

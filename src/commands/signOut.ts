import { DEMO_ACCOUNT_ID } from '../host/accounts';
import type { CommandContext } from './commandContext';
import { accountOfArg } from './commandContext';

/**
 * simFleet.account.signOut — signs out of one account (its credentials are deleted) or stops the
 * demo fleet; the other accounts stay. The account comes from the node or the status bar item,
 * else the only one, else the person picks.
 */
export async function signOut(ctx: CommandContext, arg?: unknown): Promise<void> {
  const { t } = ctx;
  const all = ctx.accounts.all();
  let id = accountOfArg(arg) ?? (all.length === 1 ? all[0].id : undefined);
  if (id === undefined) {
    if (all.length === 0) return;
    id = await ctx.ui.pickOne(
      all.map((a) => ({ value: a.id, label: a.label, icon: a.kind === 'demo' ? 'beaker' : 'account' })),
      { title: t('Sign Out'), placeholder: t('Sign out of which account?') },
    );
    if (id === undefined) return;
  }
  const account = ctx.accounts.get(id);
  if (!account) return;
  await ctx.accounts.signOut(id);
  const wasDemo = id === DEMO_ACCOUNT_ID;
  ctx.log.info(wasDemo ? 'Demo fleet stopped' : `Signed out of ${account.label}; credentials deleted`);
  void ctx.ui.info(wasDemo ? t('The demo fleet has stopped.') : t('Signed out of {0}. Its credentials were deleted.', account.label));
}

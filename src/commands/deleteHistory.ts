import type { CommandContext } from './commandContext';

/** simFleet.history.delete — deletes every account's snapshots from this machine, after asking. */
export async function deleteHistory(ctx: CommandContext): Promise<boolean> {
  const { t, ui } = ctx;
  const history = ctx.attention.history;
  const accounts = await history.accounts();
  let count = 0;
  for (const a of accounts) count += (await history.list(a)).length;
  if (count === 0) {
    void ui.info(t('No fleet history is kept on this machine.'));
    return false;
  }
  const ok = await ui.confirm(t('Delete the fleet history?'), t('{0} daily snapshots of {1} accounts are deleted from this machine. What changed can then compare only with snapshots taken after this.', count, accounts.length), t('Delete'));
  if (!ok) return false;
  await history.delete();
  ctx.log.info(`Deleted the fleet history (${count} snapshots)`);
  void ui.info(t('Fleet history deleted.'));
  return true;
}

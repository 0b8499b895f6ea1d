import type { SnapshotEntry } from '../fleet/fleetHistory';
import { settings } from '../host/settings';
import { chooseAttention } from './attentionArgs';
import type { CommandContext } from './commandContext';

/**
 * simFleet.history.takeSnapshot — reads the fleet now and keeps its snapshot, even when today's
 * is taken already (the daily one is taken by itself, in the background).
 */
export async function takeSnapshot(ctx: CommandContext, arg?: unknown): Promise<SnapshotEntry | undefined> {
  const { t, ui } = ctx;
  // Said before reading the whole fleet, not after.
  if (!settings.history().enabled) {
    void ui.warn(t('The fleet\'s history is turned off (simFleet.history.enabled): no snapshot is kept.'));
    return undefined;
  }
  const attention = await chooseAttention(ctx, arg, t('Take Fleet Snapshot Now'));
  if (!attention) return undefined;
  const run = await attention.run({ snapshot: 'always' });
  if (!run?.saved) {
    void ui.warn(t('No snapshot was kept: see the SIM Fleet output for why.'));
    return undefined;
  }
  void ui.info(t('Snapshot of {0} cards kept for {1}.', run.result.snapshot.size.toLocaleString(), attention.fleet.account.label));
  return run.saved;
}

import * as vscode from 'vscode';
import type { SnapshotChanges } from '../core/attention/compare';
import { compareSnapshots } from '../core/attention/compare';
import type { FleetSnapshot } from '../core/attention/snapshot';
import { dayLabel } from '../core/attention/days';
import { chooseAttention } from './attentionArgs';
import type { CommandContext } from './commandContext';

/**
 * simFleet.history.whatChanged — what changed in the fleet since a chosen snapshot: against the
 * latest run's reading of the fleet (or the newest snapshot kept), shown in the What Changed view.
 * `{ since }` (a snapshot's time) skips the question, for links and tests.
 */
export async function whatChanged(ctx: CommandContext, arg?: unknown): Promise<SnapshotChanges | undefined> {
  const { t, ui } = ctx;
  const title = t('What Changed in the Fleet');
  const attention = await chooseAttention(ctx, arg, title);
  if (!attention) return undefined;
  const history = ctx.attention.history;
  const entries = await history.list(attention.accountId);
  const newest = attention.result?.snapshot;
  const newerAt = newest?.takenAt ?? entries.at(-1)?.takenAt;
  const older = entries.filter((e) => newerAt === undefined || e.takenAt < newerAt);
  if (older.length === 0) {
    void ui.info(t('No earlier snapshot of {0} to compare with yet: one is kept each day while VS Code runs, or use Take Fleet Snapshot Now.', attention.fleet.account.label));
    return undefined;
  }
  const since = typeof (arg as { since?: unknown } | undefined)?.since === 'number' ? (arg as { since: number }).since : undefined;
  const chosen =
    since !== undefined
      ? older.find((e) => e.takenAt === since)
      : await ui.pickOne(
          [...older].reverse().map((e) => ({ value: e, label: dayLabel(e.takenAt), description: new Date(e.takenAt).toLocaleTimeString(), icon: 'history' })),
          { title, placeholder: t('Since which snapshot?') },
        );
  if (!chosen) return undefined;
  const newer: FleetSnapshot = newest ?? (await history.read(attention.accountId, newerAt!));
  const changes = compareSnapshots(await history.read(attention.accountId, chosen.takenAt), newer);
  ctx.changes.show({ accountId: attention.accountId, accountLabel: attention.fleet.account.label, changes });
  ctx.log.info(
    `What changed on ${attention.fleet.account.label} since ${new Date(chosen.takenAt).toISOString()}: ${changes.statusChanges.length} status changes, ` +
      `${changes.added.length} added, ${changes.removed.length} removed, ${changes.newReasons.length} with new reasons`,
  );
  await vscode.commands.executeCommand('simFleet.changes.focus');
  return changes;
}

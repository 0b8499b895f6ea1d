import * as vscode from 'vscode';
import type { SnapshotChanges } from '../core/attention/compare';
import { compareSnapshots } from '../core/attention/compare';
import type { FleetSnapshot } from '../core/attention/snapshot';
import { chooseAttention, chooseEarlierSnapshot } from './attentionArgs';
import type { CommandContext } from './commandContext';

/**
 * simFleet.history.whatChanged — what changed in the fleet since a chosen snapshot: against the
 * latest run's reading of the fleet (or the newest snapshot kept), shown in the What Changed view.
 * `{ since }` (a snapshot's time) skips the question, for links and tests.
 */
export async function whatChanged(ctx: CommandContext, arg?: unknown): Promise<SnapshotChanges | undefined> {
  const { t } = ctx;
  const title = t('What Changed in the Fleet');
  const attention = await chooseAttention(ctx, arg, title);
  if (!attention) return undefined;
  const history = ctx.attention.history;
  const newest = attention.result?.snapshot;
  const newerAt = newest?.takenAt ?? (await history.list(attention.accountId)).at(-1)?.takenAt;
  const chosen = await chooseEarlierSnapshot(ctx, attention, newerAt, arg, title);
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

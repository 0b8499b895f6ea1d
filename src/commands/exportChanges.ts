import * as vscode from 'vscode';
import { dayLabel } from '../core/attention/days';
import { changesCsv } from '../core/changeWords';
import type { CommandContext } from './commandContext';

/** simFleet.history.exportChanges — writes what the What Changed view shows to a CSV file (tests pass the file). */
export async function exportChanges(ctx: CommandContext, target?: unknown): Promise<vscode.Uri | undefined> {
  const { t } = ctx;
  const report = ctx.changes.report;
  if (!report) {
    void ctx.ui.info(t('Choose What Changed first.'));
    return undefined;
  }
  const { olderTakenAt, newerTakenAt } = report.changes;
  const uri =
    target instanceof vscode.Uri
      ? target
      : await vscode.window.showSaveDialog({
          saveLabel: t('Export'),
          title: t('Export what changed as CSV'),
          filters: { CSV: ['csv'] },
          defaultUri: vscode.workspace.workspaceFolders?.[0] ? vscode.Uri.joinPath(vscode.workspace.workspaceFolders[0].uri, `sim-changes-${dayLabel(olderTakenAt)}-${dayLabel(newerTakenAt)}.csv`) : undefined,
        });
  if (!uri) return undefined;
  // A byte-order mark lets spreadsheet programs read the Chinese words as UTF-8.
  await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode('\ufeff' + changesCsv(report.changes, t)));
  void ctx.ui.info(t('What changed exported to {0}.', uri.scheme === 'file' ? uri.fsPath : uri.toString()));
  return uri;
}

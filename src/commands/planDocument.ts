/** The change plan a plan command acts on: the file its CodeLens passed, else the active editor's. */
import * as vscode from 'vscode';
import { planFormatOfDocument } from '../editor/planFeatures';
import type { CommandContext } from './commandContext';

export async function planDocument(ctx: CommandContext, arg: unknown): Promise<vscode.TextDocument | undefined> {
  const uri = arg instanceof vscode.Uri ? arg : vscode.window.activeTextEditor?.document.uri;
  const document = uri ? await vscode.workspace.openTextDocument(uri) : undefined;
  if (!document || !planFormatOfDocument(document)) {
    void ctx.ui.info(ctx.t('Open a change plan first: a file named *.simplan.csv or *.simplan.json.'));
    return undefined;
  }
  return document;
}

/** The plan's file name, as sentences name it. */
export function planName(document: vscode.TextDocument): string {
  return document.uri.path.split('/').pop() ?? '';
}

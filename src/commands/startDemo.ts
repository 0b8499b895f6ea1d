import * as vscode from 'vscode';
import type { DemoFleet, DemoOptions } from '../host/demoFleet';
import { errorMessage } from '../core/errorWords';
import type { CommandContext } from './commandContext';

/** simFleet.account.startDemo — the built-in simulator as a demo fleet, on 127.0.0.1 only, beside any signed-in account. */
export async function startDemo(ctx: CommandContext, options?: DemoOptions): Promise<DemoFleet | undefined> {
  const { t } = ctx;
  try {
    const demo = await vscode.window.withProgress({ location: vscode.ProgressLocation.Window, title: t('Starting the demo fleet…') }, () =>
      ctx.accounts.startDemo(isDemoOptions(options) ? options : {}),
    );
    ctx.log.info(`Demo fleet running at ${demo.endpoints.gsl} with ${demo.cards} cards`);
    ctx.milestones.reached('demo');
    return demo;
  } catch (err) {
    ctx.log.error('The demo fleet did not start', err);
    void ctx.ui.error(t('The demo fleet did not start: {0}', errorMessage(err, t)));
    return undefined;
  }
}

/** Menus and the welcome view call the command with other arguments (or none); only real options count. */
function isDemoOptions(x: unknown): x is DemoOptions {
  if (typeof x !== 'object' || x === null) return false;
  const o = x as Record<string, unknown>;
  return Object.keys(o).length > 0 && Object.keys(o).every((k) => ['cards', 'seed', 'workOrderMs'].includes(k) && typeof o[k] === 'number');
}

/** What command handlers work with; built once in `extension.ts`. */
import type * as vscode from 'vscode';
import type { GslApi } from '../gsl/api';
import type { FleetAccounts } from '../core/accounts';
import type { Translate } from '../core/translate';
import type { CardLookup } from '../fleet/cardLookup';
import type { FleetModel } from '../fleet/fleetModel';
import type { FleetTreeProvider } from '../fleet/fleetTreeProvider';
import type { FleetNode } from '../fleet/nodes/fleetNode';
import type { RefreshManager } from '../fleet/refreshManager';
import type { FleetWorkOrderTracker } from '../fleet/workOrderTracker';
import type { OutputLogger } from '../host/logger';
import type { Session } from '../host/session';
import type { Ui } from '../host/ui';
import type { Panels } from '../panels/index';

export interface CommandContext {
  readonly session: Session;
  readonly accounts: FleetAccounts;
  /** Identifiers to cards across the accounts (Find Card's IMSIs, the tools). */
  readonly lookup: CardLookup;
  readonly model: FleetModel;
  readonly tree: FleetTreeProvider;
  readonly treeView: vscode.TreeView<FleetNode>;
  readonly refresh: RefreshManager;
  readonly tracker: FleetWorkOrderTracker;
  readonly ui: Ui;
  readonly log: OutputLogger;
  readonly panels: Panels;
  readonly t: Translate;
  /** A test run (ExtensionMode.Test): commands hand their results back to the caller. */
  readonly testHooks: boolean;
}

/**
 * The one way a command gets the client: the session's, if one is ready; otherwise the person is
 * told to sign in (or start the demo) and the command stops.
 */
export function requireClient(ctx: CommandContext): GslApi | undefined {
  const client = ctx.session.currentClient();
  if (!client) void ctx.ui.info(ctx.t('Sign in or start the demo fleet first.'));
  return client;
}

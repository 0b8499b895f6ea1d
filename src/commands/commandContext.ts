/** What command handlers work with; built once in `extension.ts`. */
import type * as vscode from 'vscode';
import type { AccountId } from '../core/accounts';
import type { Translate } from '../core/translate';
import type { FleetAttention } from '../fleet/attention';
import type { ChangesTreeProvider } from '../fleet/changesTreeProvider';
import type { CardLookup } from '../fleet/cardLookup';
import type { AccountFleet, Fleets } from '../fleet/fleets';
import type { FleetTreeProvider } from '../fleet/fleetTreeProvider';
import type { FleetNode } from '../fleet/nodes/fleetNode';
import type { RefreshManager } from '../fleet/refreshManager';
import type { AccountRegistry } from '../host/accounts';
import type { HiddenIdentifiers } from '../host/hiddenIdentifiers';
import type { Milestones } from '../host/milestones';
import type { OutputLogger } from '../host/logger';
import type { Ui } from '../host/ui';
import type { Panels } from '../panels/index';
import type { PlanFeatures } from '../editor/planFeatures';

export interface CommandContext {
  readonly accounts: AccountRegistry;
  readonly fleets: Fleets;
  /** Identifiers to cards across the accounts (Find Card's IMSIs, hovers, the tools). */
  readonly lookup: CardLookup;
  readonly tree: FleetTreeProvider;
  /** Needs attention per account, with the fleet's history (`attention.history`). */
  readonly attention: FleetAttention;
  /** The What Changed view. */
  readonly changes: ChangesTreeProvider;
  readonly treeView: vscode.TreeView<FleetNode>;
  /** The Pools view, where Show Pool reveals a card's pool. */
  readonly poolsView: vscode.TreeView<FleetNode>;
  readonly refresh: RefreshManager;
  readonly ui: Ui;
  readonly log: OutputLogger;
  readonly panels: Panels;
  readonly t: Translate;
  /** *Hide identifiers*: on or off, and the mask every shown text goes through. */
  readonly hidden: HiddenIdentifiers;
  /** What the Getting Started walkthrough's steps complete on. */
  readonly milestones: Milestones;
  /** Change plans open in editors: their checks and diagnostics. */
  readonly plans: PlanFeatures;
  /** A test run (ExtensionMode.Test): commands hand their results back to the caller. */
  readonly testHooks: boolean;
}

/** The account a command argument names: a node of the account (or one of its groups), or `{ accountId }`. */
export function accountOfArg(arg: unknown): AccountId | undefined {
  if (typeof arg !== 'object' || arg === null) return undefined;
  const id = (arg as { accountId?: unknown }).accountId;
  return typeof id === 'string' ? id : undefined;
}

/**
 * The one way a command finds the fleet it acts on (and so its client): the account its argument
 * names, else the only account, else the one the person picks. Undefined, after saying why, when
 * nobody is signed in or the person cancels.
 */
export async function chooseFleet(ctx: CommandContext, arg?: unknown, title?: string): Promise<AccountFleet | undefined> {
  const named = accountOfArg(arg);
  if (named !== undefined) return ctx.fleets.get(named);
  const all = ctx.fleets.all();
  if (all.length === 0) {
    void ctx.ui.info(ctx.t('Sign in or start the demo fleet first.'));
    return undefined;
  }
  if (all.length === 1) return all[0];
  return ctx.ui.pickOne(
    all.map((f) => ({ value: f, label: f.account.label, icon: f.account.kind === 'demo' ? 'beaker' : 'account', description: f.model.total()?.toLocaleString() })),
    { title: title ?? ctx.t('Which account?'), placeholder: ctx.t('Choose the account') },
  );
}

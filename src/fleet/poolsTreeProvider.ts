/**
 * The "Pools" tree: each signed-in account's flow pools and back pools with this cycle's usage,
 * and each pool's member cards (one root per account when several are signed in).
 */
import * as vscode from 'vscode';
import type { FleetAccounts } from '../core/accounts';
import type { Masker } from '../core/mask';
import { showAll } from '../core/mask';
import type { Translate } from '../core/translate';
import { AccountListTreeProvider } from './accountListTreeProvider';
import type { Fleets } from './fleets';
import { poolAccountNode, poolKindNodes } from './nodes/poolNodes';

export class PoolsTreeProvider extends AccountListTreeProvider {
  constructor(fleets: Fleets, accounts: FleetAccounts, t: Translate = vscode.l10n.t, mask: () => Masker = () => showAll) {
    super(
      fleets,
      accounts,
      {
        changes: (f) => f.pools.onDidChange,
        children: poolKindNodes,
        accountNode: poolAccountNode,
      },
      t,
      mask,
    );
  }
}

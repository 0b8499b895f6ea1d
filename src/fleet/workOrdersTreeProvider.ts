/**
 * The "Work Orders" tree: every work order of each signed-in account, pending ones on top, with
 * their per-card lines (one root per account when several are signed in).
 */
import * as vscode from 'vscode';
import type { FleetAccounts } from '../core/accounts';
import type { Masker } from '../core/mask';
import { showAll } from '../core/mask';
import type { Translate } from '../core/translate';
import { AccountListTreeProvider } from './accountListTreeProvider';
import type { Fleets } from './fleets';
import { ListAccountNode } from './nodes/listAccountNode';
import { workOrderChildren } from './nodes/workOrderNodes';
import { isWorkOrderFilterActive } from './workOrderList';

export class WorkOrdersTreeProvider extends AccountListTreeProvider {
  constructor(fleets: Fleets, accounts: FleetAccounts, t: Translate = vscode.l10n.t, mask: () => Masker = () => showAll) {
    super(
      fleets,
      accounts,
      {
        changes: (f) => f.workOrders.onDidChange,
        children: workOrderChildren,
        accountNode: (f, ctx) => {
          const count = f.workOrders.orders.count;
          return new ListAccountNode(f, ctx, {
            idPrefix: 'wo-account',
            contextValue: ['simFleet.workOrderAccount', isWorkOrderFilterActive(f.workOrders.filter) ? 'filtered' : ''].filter(Boolean).join(' '),
            description: count === undefined ? undefined : ctx.t('{0} work orders', count.toLocaleString()),
            children: workOrderChildren,
          });
        },
      },
      t,
      mask,
    );
  }
}

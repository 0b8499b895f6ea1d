import type { WorkOrderStatus } from '../gsl/models';
import { WORK_ORDER_STATUS_WORDS, WORK_ORDER_TYPE_WORDS } from '../core/words';
import type { WorkOrderFilter } from '../fleet/workOrderList';
import type { CommandContext } from './commandContext';
import { chooseFleet } from './commandContext';

const ANY = -1;

/**
 * simFleet.workOrders.filter — narrow the Work Orders view to one type and one status (or any).
 * Returns the filter set (what a test checks), or undefined when the person cancels.
 */
export async function filterWorkOrders(ctx: CommandContext, arg?: unknown): Promise<WorkOrderFilter | undefined> {
  const { t, ui } = ctx;
  const fleet = await chooseFleet(ctx, arg, t('Filter the work orders of which account?'));
  if (!fleet) return undefined;
  const current = fleet.workOrders.filter;
  const type = await ui.pickOne(
    [
      { value: ANY, label: t('Any type'), picked: current.type === undefined },
      ...Object.entries(WORK_ORDER_TYPE_WORDS).map(([n, w]) => ({ value: Number(n), label: t(w), picked: current.type === Number(n) })),
    ],
    { title: t('Filter Work Orders: type'), placeholder: t('Show work orders of this type') },
  );
  if (type === undefined) return undefined;
  const status = await ui.pickOne(
    [
      { value: ANY, label: t('Any status'), picked: current.status === undefined },
      ...Object.entries(WORK_ORDER_STATUS_WORDS).map(([n, w]) => ({ value: Number(n), label: t(w), picked: current.status === Number(n) })),
    ],
    { title: t('Filter Work Orders: status'), placeholder: t('Show work orders in this status') },
  );
  if (status === undefined) return undefined;
  const filter: WorkOrderFilter = {
    ...(type !== ANY ? { type } : {}),
    ...(status !== ANY ? { status: status as WorkOrderStatus } : {}),
  };
  fleet.workOrders.setFilter(filter);
  await fleet.workOrders.load();
  return filter;
}

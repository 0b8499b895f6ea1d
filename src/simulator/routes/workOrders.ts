/** ListWorkOrders and ListWorkOrderDetails (gsl-api.md 2.8, 3.6). Newest orders first. */
import type { RequestCtx, Route } from '../http';
import { ok } from '../http';
import { badParam, notFound } from '../errors';
import { asId } from '../validate';

function listWorkOrders(ctx: RequestCtx) {
  const q = ctx.query;
  const { limit, offset } = q.paging();
  // main_search_key is a work-order id; it must match exactly.
  const key = q.str('main_search_key', 128);
  const simType = q.int('sim_type', 1, 10);
  const type = q.int('work_order_type', 1, 99);
  const status = q.int('status', 1, 7);
  const id = key ? asId(key) : undefined;
  if (key && id === undefined) return ok({ limit, offset, count: 0, work_orders: [] });
  const hits = ctx.sim.book.orders.filter(
    (o) =>
      (id === undefined || o.vo.id === id) &&
      (simType === undefined || o.vo.sim_type === simType) &&
      (type === undefined || o.vo.work_order_type === type) &&
      (status === undefined || o.vo.status === status),
  );
  const page = [];
  for (let i = hits.length - 1 - (offset - 1) * limit, n = 0; i >= 0 && n < limit; i--, n++) page.push(hits[i].vo);
  return ok({ limit, offset, count: hits.length, work_orders: page });
}

function listDetails(ctx: RequestCtx) {
  const id = asId(ctx.params.work_order_id);
  if (id === undefined) throw badParam('work_order_id must be a non-negative integer');
  const q = ctx.query;
  const { limit, offset } = q.paging();
  const cid = q.str('main_search_key', 128);
  const simType = q.int('sim_type', 1, 10);
  const status = q.int('status', 1, 3);
  const order = ctx.sim.book.get(id);
  if (!order) throw notFound(`work order ${id}`);
  const hits = order.details.filter((d) => (!cid || d.cid.includes(cid)) && (simType === undefined || d.sim_type === simType) && (status === undefined || d.status === status));
  return ok({ limit, offset, count: hits.length, work_order_details: hits.slice((offset - 1) * limit, offset * limit) });
}

export const workOrderRoutes: Route[] = [
  { method: 'GET', pattern: '/v1/work-orders', auth: 'gsl', handler: listWorkOrders },
  { method: 'GET', pattern: '/v1/work-orders/{work_order_id}/details', auth: 'gsl', handler: listDetails },
];

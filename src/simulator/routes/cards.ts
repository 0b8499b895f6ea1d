/** ListSimCards, ShowSimCard, ShowRealNamed (gsl-api.md 2.2.1, 2.2.2, 2.2.7). */
import { SIM_STATUSES, SORT_KEYS } from '../../gsl/models';
import type { SimStatus } from '../../gsl/models';
import { resolveCard } from '../context';
import type { Card } from '../generator';
import type { RowTest } from '../store';
import type { RequestCtx, Route } from '../http';
import { ok } from '../http';
import { badParam } from '../errors';

const INT32_MAX = 2147483647;
const ORDER_ID_MAX = 9223372036854774784n;

/**
 * Matching rules for `main_search_key`: type 1 (container id) and 3 (IMEI) match when the
 * value contains the key (type 1 also looks at the ICCID of eSIM/vSIM cards); type 2 (batch)
 * must equal the order id. Other types in 0–99 behave as type 1.
 */
function searchPredicate(type: number | undefined, key: string): (c: Card) => boolean {
  if (type === 2) return (c) => c.vo.order_id === key;
  if (type === 3) return (c) => !!c.vo.imei && c.vo.imei.includes(key);
  return (c) => c.vo.cid.includes(key) || c.vo.iccid.includes(key);
}

function listSimCards(ctx: RequestCtx) {
  const q = ctx.query;
  const { limit, offset } = q.paging();
  const searchType = q.int('main_search_type', 0, 99);
  const searchKey = q.str('main_search_key', 128);
  const status = q.oneOf('sim_status', SIM_STATUSES) as SimStatus | undefined;
  const deviceStatus = q.oneOf('device_status', [1, 2, 3, 4]);
  const tagIds = q.ids('tag_id', 10);
  const simType = q.oneOf('sim_type', [1, 2, 3]);
  const order = q.oneOf('order', ['asc', 'desc'] as const);
  const sort = q.oneOf('sort', SORT_KEYS);
  const msisdn = q.str('msisdn', 32);
  const attrs: Array<[keyof Card['vo'], string]> = [];
  for (let n = 1; n <= 6; n++) {
    const v = q.str(`customer_attribute${n}`, 100);
    if (v) attrs.push([`customer_attribute${n}` as keyof Card['vo'], v]);
  }
  const minUsed = q.int('min_used_flow', 0, INT32_MAX);
  const maxUsed = q.int('max_used_flow', 0, INT32_MAX);
  const minLeft = q.int('min_left_flow', 0, INT32_MAX);
  const maxLeft = q.int('max_left_flow', 0, INT32_MAX);
  const realNamed = q.bool('real_named');
  const orderId = q.id('order_id', ORDER_ID_MAX);
  const filterDowntime = q.bool('filter_downtime_period');
  const orderIds = q.ids('order_ids', 500);
  const planIds = q.strs('price_plan_id', 30, 128);
  q.int('pool_flag', 0, 99); // accepted and ignored (gsl-api.md 6.1)

  const store = ctx.sim.store;
  // Column tests are cheap; the others generate the card (the store runs the cheap ones first).
  const tests: RowTest[] = [];
  const onColumns = (test: (i: number) => boolean) => tests.push({ cheap: true, test: (r) => test(r.index) });
  const onCard = (test: (c: Card) => boolean) => tests.push({ cheap: false, test: (r) => test(r.card()) });
  if (searchKey) {
    if (searchType === 2) onColumns((i) => store.orderIdOf(i) === searchKey);
    else onCard(searchPredicate(searchType, searchKey));
  }
  if (deviceStatus !== undefined) {
    onColumns((i) => store.simTypeOf(i) !== 3);
    onCard((c) => c.vo.device_status === deviceStatus);
  }
  if (tagIds?.length) {
    const set = new Set(tagIds);
    onColumns((i) => store.hasAnyTag(i, set));
  }
  if (simType !== undefined) onColumns((i) => store.simTypeOf(i) === simType);
  if (msisdn) onCard((c) => !!c.vo.msisdn && c.vo.msisdn.includes(msisdn));
  for (const [field, v] of attrs) onCard((c) => typeof c.vo[field] === 'string' && (c.vo[field] as string).includes(v));
  if (minUsed !== undefined) onColumns((i) => store.usedMbOf(i) >= minUsed);
  if (maxUsed !== undefined) onColumns((i) => store.usedMbOf(i) <= maxUsed);
  if (minLeft !== undefined) onColumns((i) => store.leftMbOf(i) >= minLeft);
  if (maxLeft !== undefined) onColumns((i) => store.leftMbOf(i) <= maxLeft);
  if (realNamed !== undefined) onCard((c) => !!c.vo.real_named === realNamed);
  if (orderId !== undefined) onColumns((i) => store.orderIdOf(i) === orderId);
  if (orderIds?.length) {
    const set = new Set(orderIds);
    onColumns((i) => set.has(store.orderIdOf(i)));
  }
  if (planIds?.length) {
    const set = new Set(planIds);
    onColumns((i) => set.has(store.planIdOf(i)));
  }
  // "Suspended but number kept" is a customer-requested suspension (operator_status 5).
  if (filterDowntime) onColumns((i) => !(store.statusOf(i) === 14 && store.operatorStatusOf(i) === 5));

  const key = ctx.pairs.map(([k, v]) => `${k}=${v}`).sort().join('&');
  // The conditions without paging or sorting: their matches serve every page of the same filter.
  const conditions = ctx.pairs
    .filter(([k]) => !['limit', 'offset', 'sort', 'order', 'sim_status'].includes(k))
    .map(([k, v]) => `${k}=${v}`)
    .sort()
    .join('&');
  return ok(
    store.cachedPage(key, () => {
      const page = store.query({ status, sort, order, tests, key: conditions }, limit, offset);
      return `{"limit":${limit},"offset":${offset},"count":${page.count},"sim_cards":[${page.cards.map((c) => store.cardJson(c)).join(',')}]}`;
    }),
  );
}

export const cardRoutes: Route[] = [
  { method: 'GET', pattern: '/v1/sim-cards', auth: 'gsl', handler: listSimCards },
  {
    method: 'GET',
    pattern: '/v1/sim-cards/{sim_card_id}',
    auth: 'gsl',
    handler: (ctx) => ok(ctx.sim.store.cardJson(resolveCard(ctx.sim, ctx.params.sim_card_id, ctx.query.str('iccid', 20, 19)))),
  },
  {
    method: 'GET',
    pattern: '/v1/sim-cards/{sim_card_id}/real-named',
    auth: 'gsl',
    handler: (ctx) => {
      const card = resolveCard(ctx.sim, ctx.params.sim_card_id, ctx.query.str('iccid', 20, 19));
      if (card.vo.sim_type !== 3) throw badParam('real-name status is only available for physical cards of mainland-China carriers');
      return ok({ iccid: card.vo.iccid, real_named: !!card.vo.real_named });
    },
  },
];

/** ListProPricePlans, ListSimPricePlans, ListFlowBySimCards (gsl-api.md 2.3, 3.8, 3.9). */
import type { SimCardsFlowVo, SimPricePlanVO } from '../../gsl/models';
import { ADDON_PLANS, PLANS, PLAN_BY_ID } from '../catalog';
import { resolveCard } from '../context';
import type { Card } from '../generator';
import type { RequestCtx, Route } from '../http';
import { ok } from '../http';
import { badParam, batchSize, tooManyIccids } from '../errors';
import { Body } from '../validate';
import { cardsFromLists } from './usage';

function listProPricePlans(ctx: RequestCtx) {
  const q = ctx.query;
  const { limit, offset } = q.paging();
  const key = q.str('main_search_key', 128);
  const flowTotal = q.int('flow_total', 0, 2147483647);
  const networkType = q.oneOf('network_type', [1, 2]);
  const locationType = q.oneOf('location_type', [1, 2, 3, 4, 5]);
  const carrierType = q.oneOf('carrier_type', [1, 2, 3, 101, 102, 201, 501, 502, 503, 504, 505, 506, 507, 508, 509, 510, 511]);
  const countryType = q.int('country_type', 1, 11);
  const hits = PLANS.filter(
    (p) =>
      (!key || p.price_plan_name.includes(key)) &&
      (flowTotal === undefined || p.flow_total === flowTotal) &&
      (networkType === undefined || p.network_type === networkType) &&
      (locationType === undefined || p.location_type === locationType) &&
      (carrierType === undefined || p.carrier_type === carrierType) &&
      (countryType === undefined || p.country_type === countryType),
  );
  const price_plans = hits.slice((offset - 1) * limit, offset * limit).map(({ carrier: _c, network_type: _n, country_type: _t, ...vo }) => vo);
  return ok({ limit, offset, count: hits.length, price_plans });
}

/** Plan instance status from the card's state: 2 in use, 5 stopped, 1 activatable, 0 deleted. */
function instanceStatus(card: Card): number {
  switch (card.vo.sim_status) {
    case 20:
      return 2;
    case 14:
      return 5;
    case 30:
      return 0;
    default:
      return 1;
  }
}

/** The card's plans: its base plan (the figures on the card) and, for eSIM/vSIM, an unused add-on. */
export function planInstances(card: Card, accountId: string): SimPricePlanVO[] {
  const plan = PLAN_BY_ID.get(card.planId)!;
  const base: SimPricePlanVO = {
    id: card.vo.sim_price_plan_id!,
    account_id: accountId,
    sim_card_id: card.vo.sim_card_id,
    status: instanceStatus(card),
    price_plan_id: plan.price_plan_id,
    cid: card.vo.cid,
    order_id: card.vo.order_id ?? undefined,
    create_time: card.vo.act_date ?? card.vo.expire_time ?? undefined,
    active_time: card.vo.act_date,
    stop_time: card.vo.expire_time,
    flow_total: plan.flow_total,
    flow_used: card.vo.flow_used ?? 0,
    flow_left: card.vo.flow_left ?? plan.flow_total,
    using: card.vo.sim_status === 20 ? '1' : '0',
    price_plan_name: plan.price_plan_name,
    description: plan.description ?? plan.price_plan_name,
    package_type: 0,
    effect_type: plan.effect_type,
    silent_period_day: plan.silent_period_day,
    silent_period_unit: plan.silent_period_unit,
    auto_renew: 0,
    location_desc: String(plan.location_type),
  };
  if (card.vo.sim_type === 3) return [base];
  const addon = ADDON_PLANS[card.index % ADDON_PLANS.length];
  return [
    base,
    {
      ...base,
      id: (BigInt(card.vo.sim_price_plan_id!) + 1n).toString(),
      status: 1,
      price_plan_id: addon.price_plan_id,
      price_plan_name: addon.price_plan_name,
      description: addon.price_plan_name,
      active_time: null,
      flow_total: addon.flow_total,
      flow_used: 0,
      flow_left: addon.flow_total,
      using: '0',
      location_desc: String(addon.location_type),
    },
  ];
}

function listSimPricePlans(ctx: RequestCtx) {
  const q = ctx.query;
  const { limit, offset } = q.paging();
  const id = q.id('sim_card_id');
  if (id === undefined) throw badParam('sim_card_id is required');
  q.bool('real_time');
  const card = resolveCard(ctx.sim, id, q.str('iccid', 20, 19));
  const all = planInstances(card, ctx.sim.account.accountId);
  return ok(all.slice((offset - 1) * limit, offset * limit));
}

function usageBatchQuery(ctx: RequestCtx) {
  const body = new Body(ctx.body);
  const ids = body.ids('sim_card_ids', 50, () => batchSize(50));
  const iccids = body.array('iccids', 50, () => tooManyIccids(50)).map((x) => {
    if (typeof x !== 'string' || x.length === 0 || x.length > 64) throw badParam('iccids must hold strings of at most 64 characters');
    return x;
  });
  if (ids.length > 0 && iccids.length > 0) throw badParam('give sim_card_ids or iccids, not both');
  if (ids.length === 0 && iccids.length === 0) throw batchSize(50);
  const cards = cardsFromLists(ctx.sim, ids, iccids);
  // One row per plan the card holds (its base plan, and any add-on pack); a three-network card
  // names the ICCID of the carrier it is online with.
  const rows: SimCardsFlowVo[] = cards.flatMap((c) => {
    const multiply = ctx.sim.multiply.find((m) => m.sim_card_id === c.vo.sim_card_id);
    const inUse = multiply ? ([multiply.iccid_mobile, multiply.iccid_telcom, multiply.iccid_unicom][(multiply.online_carrier ?? 1) - 1] ?? c.vo.iccid) : c.vo.iccid;
    return planInstances(c, ctx.sim.account.accountId)
      .filter((p, i) => i === 0 || p.status !== 0)
      .map((p) => ({
        id: p.id,
        account_id: p.account_id,
        sim_card_id: c.vo.sim_card_id,
        price_plan_id: p.price_plan_id,
        price_plan_name: p.price_plan_name,
        iccid: inUse,
        flow_total: p.flow_total!,
        flow_used: p.flow_used!,
        flow_left: p.flow_left!,
      }));
  });
  return ok(rows);
}

export const planRoutes: Route[] = [
  { method: 'GET', pattern: '/v1/price-plans', auth: 'gsl', handler: listProPricePlans },
  { method: 'GET', pattern: '/v1/sim-price-plans', auth: 'gsl', handler: listSimPricePlans },
  { method: 'POST', pattern: '/v1/sim-price-plans/usage/batch-query', auth: 'gsl', handler: usageBatchQuery },
];

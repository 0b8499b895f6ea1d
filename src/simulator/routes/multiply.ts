/**
 * Three-network cards and network-switch policies (gsl-api.md 2.9, 3.10). Switch and policy
 * orders have no documented `work_order_type`; they are recorded with type 0.
 */
import { isIP } from 'node:net';
import { stringifyJson } from '../../gsl/json';
import type { NetworkSwitchPolicyVo, SimDeviceMultiplyVo } from '../../gsl/models';
import type { SimContext } from '../context';
import type { RequestCtx, Route } from '../http';
import { ok } from '../http';
import { ApiError, badParam, noSuchCard } from '../errors';
import { isoTime } from '../dates';
import { Body, asId } from '../validate';

function findMultiply(sim: SimContext, idParam: string, cid: string | undefined): SimDeviceMultiplyVo {
  const id = asId(idParam);
  if (id === undefined) throw badParam('sim_card_id must be a non-negative integer');
  const card = id === '0' ? (cid ? sim.multiply.find((c) => c.cid === cid) : undefined) : sim.multiply.find((c) => c.sim_card_id === id);
  if (id === '0' && !cid) throw badParam('cid is required when sim_card_id is 0');
  if (!card) throw noSuchCard(id === '0' ? cid! : id);
  return card;
}

function listMultiply(ctx: RequestCtx) {
  const q = ctx.query;
  const { limit, offset } = q.paging();
  const cid = q.str('cid', 128);
  const online = q.int('online_carrier', 1, 3);
  const id = q.id('sim_card_id');
  const orderId = q.id('order_id');
  const version = q.int('version', 1, 2);
  const iccid = q.str('iccid', 20);
  const hits = ctx.sim.multiply.filter(
    (c) =>
      (!cid || c.cid.includes(cid)) &&
      (online === undefined || c.online_carrier === online) &&
      (id === undefined || c.sim_card_id === id) &&
      (orderId === undefined || c.order_id === orderId) &&
      (version === undefined || c.version === version) &&
      (!iccid || [c.iccid_mobile, c.iccid_telcom, c.iccid_unicom].includes(iccid)),
  );
  return ok({ limit, offset, count: hits.length, sim_cards: hits.slice((offset - 1) * limit, offset * limit) });
}

function order(sim: SimContext, card: SimDeviceMultiplyVo, op: string, detail: Record<string, unknown>, complete: () => string | undefined) {
  sim.book.guard(card.sim_card_id, op, 'other');
  const o = sim.book.create({
    op,
    kind: 'other',
    type: 0,
    target: { sim_card_id: card.sim_card_id, cid: card.cid, sim_type: 3 },
    reqDetail: stringifyJson({ sim_card_id: card.sim_card_id, ...detail }),
    complete,
  });
  return ok({ work_order_id: o.vo.id });
}

function switchNetwork(ctx: RequestCtx) {
  const body = new Body(ctx.body);
  const cid = body.str('cid', 128);
  const carrier = body.int('carrier_type', -2147483648, 2147483647, true)!;
  const card = findMultiply(ctx.sim, ctx.params.sim_card_id, cid);
  if (carrier < 1 || carrier > 3) throw new ApiError(400, 'GSL.00011063', `Target carrier ${carrier} is not supported`);
  return order(ctx.sim, card, 'switch-network', { carrier_type: carrier }, () => {
    card.online_carrier = carrier;
    return undefined;
  });
}

function setPolicy(ctx: RequestCtx) {
  const body = new Body(ctx.body);
  const cid = body.str('cid', 128);
  const policyId = body.id('network_switch_policy_id', true)!;
  const card = findMultiply(ctx.sim, ctx.params.sim_card_id, cid);
  const policy = ctx.sim.policies.find((p) => p.id === policyId);
  if (!policy) throw new ApiError(400, 'GSL.00015028', `Policy ${policyId} does not exist`);
  return order(ctx.sim, card, 'network-switch-policy', { network_switch_policy_id: policyId }, () => {
    card.network_switch_policy_id = policy.id;
    card.policy_name = policy.policy_name ?? null;
    return undefined;
  });
}

function addPolicy(ctx: RequestCtx) {
  const body = new Body(ctx.body);
  const version = body.int('version', 1, 2, true)!;
  const name = body.str('policy_name', 64, { required: true, minLen: 1 })!;
  const preferred = body.int('preferred_carrier', 1, 4);
  const least = body.int('least_preferred_carrier', 1, 3);
  const optimal = body.bool('optimal_signal');
  const auto = body.bool('auto_switch');
  const weak = body.bool('weak_signal_switch');
  const ip = body.str('connect_ip', 64);
  // The connection-delay strategy pings this address: it must be one.
  if (ip !== undefined && ip !== '' && isIP(ip) === 0) throw badParam('connect_ip must be an IPv4 or IPv6 address');
  const order = body.str('switch_order', 16);
  const blacklist = body.int('blacklist', 0, 3);
  if (preferred !== undefined && least !== undefined && preferred === least) {
    throw new ApiError(400, 'GSL.00015032', 'The preferred and least-preferred carriers must differ');
  }
  if (!weak && !ip) throw new ApiError(400, 'GSL.00015033', 'Set weak-signal switching or connection-delay switching (connect_ip)');
  if (order !== undefined) {
    const parts = order.split(',');
    if (parts.length < 2 || parts.some((p) => !/^[1-3]$/.test(p)) || new Set(parts).size !== parts.length) {
      throw badParam('switch_order must list distinct carriers 1–3 separated by commas, e.g. "1,2,3"');
    }
  }
  const now = isoTime(ctx.sim.now());
  const policy: NetworkSwitchPolicyVo = {
    id: (ctx.sim.nextPolicyId++).toString(),
    policy_name: name,
    preferred_carrier: preferred,
    least_preferred_carrier: least,
    optimal_signal: optimal ?? false,
    auto_switch: auto ?? true,
    weak_signal_switch: weak ?? false,
    connect_ip: ip,
    version,
    switch_order: order,
    blacklist: blacklist ?? 0,
    create_time: now,
    modify_time: now,
    status: 1,
    type: 1,
    used: false,
  };
  ctx.sim.policies.push(policy);
  return ok(true);
}

function listPolicies(ctx: RequestCtx) {
  const q = ctx.query;
  const { limit, offset } = q.paging();
  const name = q.str('policy_name', 64);
  const version = q.int('version', 1, 2);
  const hits = ctx.sim.policies.filter((p) => (!name || (p.policy_name ?? '').includes(name)) && (version === undefined || p.version === version));
  return ok({ limit, offset, count: hits.length, network_switch_policy_list: hits.slice((offset - 1) * limit, offset * limit) });
}

export const multiplyRoutes: Route[] = [
  { method: 'GET', pattern: '/v1/sim-cards-multiply', auth: 'gsl', handler: listMultiply },
  { method: 'POST', pattern: '/v1/sim-cards-multiply/{sim_card_id}/switch-network', auth: 'gsl', cardMutation: true, handler: switchNetwork },
  { method: 'POST', pattern: '/v1/sim-cards/{sim_card_id}/network-switch-policy/set', auth: 'gsl', cardMutation: true, handler: setPolicy },
  { method: 'POST', pattern: '/v1/network-switch-policies', auth: 'gsl', handler: addPolicy },
  { method: 'GET', pattern: '/v1/network-switch-policies', auth: 'gsl', handler: listPolicies },
];

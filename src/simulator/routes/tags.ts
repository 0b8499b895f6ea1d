/**
 * Tags and custom attributes (gsl-api.md 2.5, 2.6). Parameter errors here use the module's
 * own code, GSL.00020004.
 *
 * BatchSetTags has no add/remove switch, so it sets: each named card ends up with exactly
 * the given tags (an empty `tag_ids` clears them).
 */
import type { RequestCtx, Route } from '../http';
import { ok } from '../http';
import { ApiError, badTagParam, batchSize, noSuchCard, noSuchIccid, tooManyIccids } from '../errors';
import { BUILT_IN_COLUMNS } from '../catalog';
import type { Card } from '../generator';
import { Body, Query, asId, isIccid } from '../validate';

const MAX_TAGS = 10_000;
const MAX_ATTRIBUTES = 6;
const TAG_NAME_MAX = 32;
const ATTRIBUTE_NAME_MAX = 32;

function listTags(ctx: RequestCtx) {
  const q = new Query(ctx.pairs, badTagParam);
  const { limit, offset } = q.paging();
  const name = q.str('tag_name', 128);
  const status = q.oneOf('status', [0, 1]);
  const hits = [...ctx.sim.store.tags.values()]
    .map((t) => ctx.sim.store.tagVo(t))
    .filter((t) => (!name || t.tag_name.includes(name)) && (status === undefined || t.status === status));
  return ok({ limit, offset, count: hits.length, tags: hits.slice((offset - 1) * limit, offset * limit) });
}

function createTag(ctx: RequestCtx) {
  const body = new Body(ctx.body, badTagParam);
  const name = body.raw.tag_name;
  if (typeof name !== 'string' || name.trim() === '' || name.length > TAG_NAME_MAX) {
    throw new ApiError(400, 'GSL.00022001', `Tag name invalid: 1–${TAG_NAME_MAX} characters required`);
  }
  // A card lists its tags as one comma-joined string (tag_names), so a comma would split a name.
  // eslint-disable-next-line no-control-regex -- control characters are what is refused here
  if (/[,\u0000-\u001f\u007f]/.test(name)) throw new ApiError(400, 'GSL.00022001', 'Tag name invalid: commas and control characters are not allowed');
  const store = ctx.sim.store;
  if ([...store.tags.values()].some((t) => t.tag_name === name)) throw new ApiError(400, 'GSL.00022002', 'Tag name already exists');
  if (store.tags.size >= MAX_TAGS) throw new ApiError(400, 'GSL.00022003', `At most ${MAX_TAGS} tags per user`);
  return ok(store.tagVo(store.createTag(name)));
}

function deleteTag(ctx: RequestCtx) {
  const id = asId(ctx.params.tag_id);
  if (id === undefined) throw badTagParam('tag_id must be a non-negative integer');
  if (!ctx.sim.store.tags.has(id)) throw new ApiError(400, 'GSL.00022004', 'You have no access to the tag or it does not exist');
  ctx.sim.store.deleteTag(id);
  return ok(true);
}

function duplicates(list: string[]): string[] {
  const seen = new Set<string>();
  const dup = new Set<string>();
  for (const x of list) (seen.has(x) ? dup : seen).add(x);
  return [...dup];
}

function cardsOf(ctx: RequestCtx, ids: string[], iccids: string[]): Card[] {
  // sim_card_ids wins when both are given (gsl-api.md 2.5).
  if (ids.length) return ids.map((id) => ctx.sim.store.byCardId(id) ?? (() => { throw noSuchCard(id); })());
  return iccids.map((i) => ctx.sim.store.byCardIccid(i) ?? (() => { throw noSuchIccid(i); })());
}

function batchSetTags(ctx: RequestCtx) {
  const body = new Body(ctx.body, badTagParam);
  body.id('file_temp_id');
  const ids = body.ids('sim_card_ids', 500, () => batchSize(500));
  const iccids = body.iccids('iccids', 500, () => tooManyIccids(500));
  const tagIds = body.ids('tag_ids', 10, () => badTagParam('tag_ids accepts at most 10 tags'));
  if (ids.length === 0 && iccids.length === 0) throw batchSize(500);
  const dup = [...duplicates(ids.length ? ids : iccids), ...duplicates(tagIds)];
  if (dup.length) throw badTagParam(`duplicate simCardId/tagId values [${dup.join(',')}]`);
  for (const t of tagIds) if (!ctx.sim.store.tags.has(t)) throw new ApiError(400, 'GSL.00022004', `You have no access to tag ${t} or it does not exist`);
  const cards = cardsOf(ctx, ids, iccids);
  for (const c of cards) ctx.sim.store.setCardTags(c, tagIds);
  return ok(true);
}

// ---- custom attributes ----

function checkAttributeName(ctx: RequestCtx, name: unknown, selfId?: string): string {
  if (typeof name !== 'string' || name.trim() === '' || name.length > ATTRIBUTE_NAME_MAX) {
    throw new ApiError(400, 'GSL.00027001', `Custom attribute name invalid: 1–${ATTRIBUTE_NAME_MAX} characters required`);
  }
  if (BUILT_IN_COLUMNS.includes(name.trim().toLowerCase())) throw new ApiError(400, 'GSL.00027003', 'The name clashes with a built-in SIM list column');
  if (ctx.sim.store.attributes.some((a) => a.cust_attr_name === name && a.id !== selfId)) throw new ApiError(400, 'GSL.00027002', 'Custom attribute name already exists');
  return name;
}

function findAttribute(ctx: RequestCtx) {
  const id = asId(ctx.params.attribute_id);
  if (id === undefined) throw badTagParam('attribute_id must be a non-negative integer');
  const a = ctx.sim.store.attributes.find((x) => x.id === id);
  if (!a) throw new ApiError(400, 'GSL.00027005', 'You have no access to the custom attribute or it does not exist');
  return a;
}

function listAttributes(ctx: RequestCtx) {
  const q = new Query(ctx.pairs, badTagParam);
  const { limit, offset } = q.paging();
  const name = q.str('cust_attr_name', 128);
  const status = q.oneOf('status', [0, 1]);
  const hits = ctx.sim.store.attributes.filter((a) => (!name || a.cust_attr_name.includes(name)) && (status === undefined || a.status === status));
  return ok({ limit, offset, count: hits.length, attributes: hits.slice((offset - 1) * limit, offset * limit).map((a) => ctx.sim.store.attributeVo(a)) });
}

function createAttribute(ctx: RequestCtx) {
  const body = new Body(ctx.body, badTagParam);
  const name = checkAttributeName(ctx, body.raw.cust_attr_name);
  if (ctx.sim.store.attributes.length >= MAX_ATTRIBUTES) throw new ApiError(400, 'GSL.00027004', `At most ${MAX_ATTRIBUTES} custom attributes per user`);
  return ok({ id: ctx.sim.store.createAttribute(name, ctx.sim.now()).id });
}

function updateAttribute(ctx: RequestCtx) {
  const a = findAttribute(ctx);
  const body = new Body(ctx.body, badTagParam);
  a.cust_attr_name = checkAttributeName(ctx, body.raw.cust_attr_name, a.id);
  a.modify_time = ctx.sim.now();
  return ok(true);
}

function setAttributeStatus(status: 0 | 1) {
  return (ctx: RequestCtx) => {
    const a = findAttribute(ctx);
    a.status = status;
    a.modify_time = ctx.sim.now();
    return ok(true);
  };
}

/** Values are written only to enabled attribute slots; an empty string clears a value. */
function batchSetAttributes(ctx: RequestCtx) {
  const body = new Body(ctx.body, badTagParam);
  body.id('file_temp_id');
  const items = body.array('attributes', 500, () => batchSize(500));
  if (items.length === 0) throw batchSize(500);
  const enabled = new Set(ctx.sim.store.attributes.filter((a) => a.status === 1).map((a) => a.slot));
  const writes: Array<{ card: Card; values: Array<[number, string]> }> = [];
  for (const raw of items) {
    const item = new Body(raw, badTagParam);
    const id = item.id('sim_card_id', true)!;
    const iccid = item.raw.iccid;
    let card: Card | undefined;
    if (id === '0') {
      if (!isIccid(iccid)) throw badTagParam('iccid (19–20 characters) is required when sim_card_id is 0');
      card = ctx.sim.store.byCardIccid(iccid);
      if (!card) throw noSuchIccid(iccid);
    } else {
      card = ctx.sim.store.byCardId(id);
      if (!card) throw noSuchCard(id);
    }
    const values: Array<[number, string]> = [];
    for (let n = 1; n <= 6; n++) {
      const v = item.str(`customer_attribute${n}`, 100);
      if (v === undefined) continue;
      if (!enabled.has(n)) throw badTagParam(`custom attribute ${n} is not defined or not enabled`);
      values.push([n, v]);
    }
    writes.push({ card, values });
  }
  // Validate everything first, so a bad item changes nothing.
  for (const write of writes) {
    const card = ctx.sim.store.edit(write.card);
    for (const [n, v] of write.values) (card.vo as unknown as Record<string, string | null>)[`customer_attribute${n}`] = v === '' ? null : v;
    ctx.sim.store.touch(card);
  }
  return ok(true);
}

export const tagRoutes: Route[] = [
  { method: 'GET', pattern: '/v1/tags', auth: 'gsl', handler: listTags },
  { method: 'POST', pattern: '/v1/tags', auth: 'gsl', handler: createTag },
  { method: 'DELETE', pattern: '/v1/tags/{tag_id}', auth: 'gsl', handler: deleteTag },
  { method: 'POST', pattern: '/v1/sim-tags/batch-set', auth: 'gsl', handler: batchSetTags },
  { method: 'GET', pattern: '/v1/attributes', auth: 'gsl', handler: listAttributes },
  { method: 'POST', pattern: '/v1/attributes', auth: 'gsl', handler: createAttribute },
  { method: 'PUT', pattern: '/v1/attributes/{attribute_id}', auth: 'gsl', handler: updateAttribute },
  { method: 'POST', pattern: '/v1/attributes/{attribute_id}/enable', auth: 'gsl', handler: setAttributeStatus(1) },
  { method: 'POST', pattern: '/v1/attributes/{attribute_id}/disable', auth: 'gsl', handler: setAttributeStatus(0) },
  { method: 'POST', pattern: '/v1/sim-cards/attributes/batch-set', auth: 'gsl', handler: batchSetAttributes },
];

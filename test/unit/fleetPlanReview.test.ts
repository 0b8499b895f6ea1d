// A change plan checked against the simulator over real HTTP, counting what reaches the server:
// the cards a plan names are found in a batch whatever names them (ICCID, MSISDN, IMSI, card id,
// container id), never with one request per line, and the account a line acts on is the one it
// names, or the one that holds the card.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { GslApi } from '../../src/gsl/api';
import { CardLookup } from '../../src/fleet/cardLookup';
import type { AccountFleet } from '../../src/fleet/fleets';
import { FEW_DIRECT, PlanReviewer } from '../../src/fleet/planReview';
import { ThreeNetworkLookup } from '../../src/fleet/threeNetworkLookup';
import { accountsOf } from './helpers/accounts';
import { clientFor, withSim } from './helpers/clientSim';

const t = (s: string, ...args: Array<string | number | boolean>): string => s.replace(/\{(\d+)\}/g, (_, i: string) => String(args[Number(i)]));

/** An account's fleet as the reviewer reads it: its client, no custom attributes, no work orders followed. */
const fleetOf = (id: string, client: GslApi): AccountFleet =>
  ({
    account: { id, kind: 'demo', label: id, currentClient: () => client },
    attributes: { get: async () => [], refresh: async () => undefined },
    tracker: { pendingAction: () => undefined, lastStarted: () => undefined, forCard: () => [] },
  }) as unknown as AccountFleet;

function reviewerFor(entries: Array<[string, GslApi]>): PlanReviewer {
  const lookup = new CardLookup({ accounts: accountsOf(...entries), notFoundTtlMs: () => 60_000 });
  return new PlanReviewer({ fleets: { all: () => entries.map(([id, c]) => fleetOf(id, c)) }, lookup, t });
}

test('a 40-line plan naming cards every way costs a read of the fleet and the account tags, not a request a line', async () => {
  await withSim({ cards: 300, seed: 5 }, async (sim) => {
    const { client } = clientFor(sim, 'aksk');
    const cards = sim.store.allCards().map((c) => c.vo);
    const names = [
      ...cards.slice(0, 15).map((c) => c.iccid),
      ...cards.slice(15, 20).flatMap((c) => (c.msisdn ? [c.msisdn] : [])),
      ...cards.slice(20, 25).flatMap((c) => (c.imsi ? [c.imsi] : [])),
      ...cards.slice(25, 40).map((c) => c.sim_card_id),
    ];
    assert.equal(names.length, 40);
    const text = ['card,action,value', ...names.map((n) => `${n},addTags,vip`)].join('\n');
    sim.resetStats();
    const review = await reviewerFor([['demo', client]]).review(text, 'csv', { fresh: true, resultsName: 'p.simplan.results.csv' });
    const found = review.verdicts.filter((v) => v.card !== undefined);
    assert.equal(found.length, 40, review.verdicts.flatMap((v) => v.findings.map((f) => f.message)).join('\n'));
    assert.deepEqual(
      found.map((v) => v.card?.sim_card_id),
      cards.slice(0, 40).map((c) => c.sim_card_id),
    );
    // One page holds the 300 cards: one read for the identifiers, one for the card ids, one for the tags.
    assert.equal(review.requests, sim.stats().requests);
    assert.ok(review.requests <= 3, `${review.requests} requests`);
  });
});

test(`up to ${FEW_DIRECT} card ids and container ids: one request each; a card id no card has is an unknown card`, async () => {
  await withSim({ cards: 300, seed: 5 }, async (sim) => {
    const { client } = clientFor(sim, 'aksk');
    const cards = sim.store.allCards().map((c) => c.vo);
    const virtual = cards.find((c) => c.sim_type !== 3 && c.cid && c.cid !== c.iccid);
    assert.ok(virtual, 'the fleet has an eSIM or vSIM card');
    const text = ['card,action,value', `${cards[0].sim_card_id},addTags,vip`, `${cards[1].sim_card_id},addTags,vip`, `${virtual.cid},addTags,vip`, '4710000000000001,addTags,vip'].join('\n');
    sim.resetStats();
    const review = await reviewerFor([['demo', client]]).review(text, 'csv', { resultsName: 'p.simplan.results.csv' });
    assert.deepEqual(
      review.verdicts.map((v) => v.card?.sim_card_id),
      [cards[0].sim_card_id, cards[1].sim_card_id, virtual.sim_card_id, undefined],
    );
    assert.deepEqual(review.verdicts[3].findings.map((f) => f.kind), ['unknownCard']);
    // Four look-ups and the account's tags.
    assert.equal(review.requests, 5);
    assert.equal(review.requests, sim.stats().requests);
  });
});

test('with two accounts: a card both hold is ambiguous until the line names its account; an unknown account is named', async () => {
  await withSim({ cards: 120, seed: 5 }, async (sim) => {
    const { client } = clientFor(sim, 'aksk');
    const card = sim.store.allCards()[3].vo;
    const text = ['card,action,value,account', `${card.iccid},addTags,vip,`, `${card.msisdn},addTags,vip,B`, `${card.iccid},removeTags,vip,nowhere`].join('\n');
    const review = await reviewerFor([
      ['A', client],
      ['B', client],
    ]).review(text, 'csv', { resultsName: 'p.simplan.results.csv' });
    assert.deepEqual(review.verdicts[0].findings.map((f) => f.kind), ['ambiguousCard']);
    assert.match(review.verdicts[0].findings[0].message, /several signed-in accounts \(A, B\)/);
    assert.equal(review.verdicts[1].accountId, 'B');
    assert.equal(review.verdicts[1].card?.sim_card_id, card.sim_card_id);
    assert.deepEqual(review.verdicts[2].findings.map((f) => f.kind), ['unknownAccount']);
    assert.match(review.verdicts[2].findings[0].message, /No signed-in account is named "nowhere"; sign in to it, or use one of: A, B\./);
  });
});

test('signed out: every readable line is left unchecked and says to sign in, with no request', async () => {
  const review = await reviewerFor([]).review('card,action\n4710000000000001,stop\n', 'csv', { resultsName: 'p.simplan.results.csv' });
  assert.equal(review.verdicts[0].state, 'unchecked');
  assert.match(review.verdicts[0].findings[0].message, /Sign in to check this change/);
  assert.equal(review.requests, 0);
});

test('a work order an earlier apply left running (another window) is read once: the line waits while it runs, and is done once it has', async () => {
  await withSim({ cards: 120, seed: 5, workOrderMs: 600_000 }, async (sim) => {
    const { client } = clientFor(sim, 'aksk');
    const card = sim.store.allCards().find((c) => c.vo.sim_status === 20)!.vo;
    const order = await client.stopSimCard({ sim_card_id: card.sim_card_id });
    const text = `card,action\n${card.iccid},stop\n`;
    const results = `line,card,action,value,attribute,account,outcome,detail,work_order_id,card_id,sent_at,finished_at\n2,${card.iccid},stop,,,,work-order-pending,Accepted,${order.work_order_id},${card.sim_card_id},${new Date().toISOString()},\n`;
    const reviewer = reviewerFor([['demo', client]]);
    sim.resetStats();
    let review = await reviewer.review(text, 'csv', { fresh: true, resultsText: results, resultsName: 'p.simplan.results.csv' });
    assert.deepEqual(review.verdicts[0].findings.map((f) => f.kind), ['pendingWorkOrder']);
    assert.match(review.verdicts[0].findings[0].message, new RegExp(`Work order ${order.work_order_id} from an earlier apply is still running`));
    const orderReads = Object.entries(sim.stats().operations).filter(([op]) => op.startsWith('GET /v1/work-orders'));
    assert.equal(orderReads.reduce((n, [, count]) => n + count, 0), 1, JSON.stringify(orderReads));
    sim.settleWorkOrders();
    review = await reviewer.review(text, 'csv', { fresh: true, resultsText: results, resultsName: 'p.simplan.results.csv' });
    assert.equal(review.verdicts[0].state, 'done');
    assert.match(review.verdicts[0].findings[0].message, new RegExp(`Done in an earlier apply \\(work order ${order.work_order_id}\\); not sent again\\.`));
  });
});

test('a Switch Network line is ready for a three-network card, held for another, done when already on that carrier; the three-network list read counted', async () => {
  await withSim({ cards: 400, seed: 5 }, async (sim) => {
    const { client } = clientFor(sim, 'aksk');
    const [multi, second] = (await client.listSimDeviceMultiply({ limit: 500, offset: 1 })).sim_cards;
    assert.ok(second, 'the fleet has two three-network cards');
    const card = sim.store.byCardId(multi.sim_card_id)!.vo;
    const plain = sim.store.allCards().find((c) => c.vo.sim_status === 20 && c.vo.sim_card_id !== multi.sim_card_id)!.vo;
    const other = multi.online_carrier === 1 ? 'China Telecom' : 'China Mobile';
    const text = ['card,action,value', `${card.iccid},switchNetwork,${other}`, `${plain.iccid},switchNetwork,${other}`, `${sim.store.byCardId(second.sim_card_id)!.vo.iccid},switchNetwork,${second.online_carrier}`].join('\n');
    const lookup = new CardLookup({ accounts: accountsOf(['demo', client]), notFoundTtlMs: () => 60_000 });
    const fleet = { ...(fleetOf('demo', client) as object), threeNetwork: new ThreeNetworkLookup(() => client) } as unknown as AccountFleet;
    sim.resetStats();
    const review = await new PlanReviewer({ fleets: { all: () => [fleet] }, lookup, t }).review(text, 'csv', { fresh: true, resultsName: 'p.simplan.results.csv' });
    const [ready, held, done] = review.verdicts;
    assert.equal(ready.state, 'ready', ready.findings.map((f) => f.message).join('\n'));
    assert.equal(held.state, 'blocked');
    assert.match(held.findings.map((f) => f.message).join(' '), /Only three-network cards/);
    // Already online with the carrier the line names: nothing to do.
    assert.equal(done.state, 'done', done.findings.map((f) => f.message).join('\n'));
    assert.equal(review.requests, sim.stats().requests);
  });
});

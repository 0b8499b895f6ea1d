/// <reference types="mocha" />
// Every card operation in a real VS Code on the demo fleet, on one card and on a selection of
// 600 (so the batch APIs are chunked): one confirmed request per card or per 500 cards, never
// resent; work orders followed with the cards pending meanwhile; the simulator's card changed as
// the service would change it; the service's refusals and a lost answer explained; and every
// bad input refused before any request, with a message saying what to fix.
import * as assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { CardActionResult } from '../../src/commands/runCardAction';
import type { ListBatchResult } from '../../src/commands/runListBatch';
import type { CardAction } from '../../src/core/cardRules';
import { ACTION_COMMANDS } from '../../src/core/commandIds';
import { carrierOf } from '../../src/core/cardRules';
import type { DemoFleet } from '../../src/host/demoFleet';
import type { PickItem, UiBackend } from '../../src/host/ui';
import type { SimDeviceVO } from '../../src/gsl/models';
import type { Card } from '../../src/simulator/index';
import type { SimFleetTestApi } from '../../src/testApi';
import { getApi, scripted, until, unusedCards } from './helpers';

const CARDS = 8000;
const MANY = 600;

describe('card operations', function () {
  this.timeout(180_000);
  let api: SimFleetTestApi;
  let demo: DemoFleet;
  let saved: Partial<UiBackend>;
  const used = new Set<string>();
  const asked: string[] = [];

  /** Cards of the demo the action is offered for (as the tree shows them), not used by another test yet. */
  const fresh = (action: CardAction, n: number, where?: (c: Card) => boolean): SimDeviceVO[] => unusedCards(demo, used, action, n, where);
  const vo = (c: SimDeviceVO) => demo.simulator.store.byCardId(c.sim_card_id)!.vo;
  const node = (card: SimDeviceVO) => ({ card, accountId: api.fleet().account.id });
  const opCount = (op: string) => demo.simulator.stats().operations[op] ?? 0;
  const cardOps = (card: SimDeviceVO, op: string) => demo.simulator.stats().cardOperations[card.sim_card_id]?.[op] ?? 0;
  const notices = () => api.ui.notifications.map((n) => n.message);
  /** Picks the item whose label is `label` (as shown: plain text). */
  const byLabel = (label: string) => (items: ReadonlyArray<PickItem<unknown>>) => {
    const hit = items.find((i) => i.label === label);
    assert.ok(hit, `an item "${label}" among ${items.map((i) => i.label).join(', ')}`);
    return hit.value;
  };
  const labelsOf = (items: ReadonlyArray<PickItem<unknown>>, labels: string[]) => labels.map((l) => byLabel(l)(items));

  async function run(action: CardAction, cards: SimDeviceVO[], answers: unknown[]): Promise<CardActionResult | undefined> {
    api.ui.current = scripted(answers, asked);
    const nodes = cards.map(node);
    const result = (await vscode.commands.executeCommand(ACTION_COMMANDS[action], nodes[0], nodes)) as CardActionResult | undefined;
    assert.equal(answers.length, 0, `every scripted answer was asked for (${action})`);
    return result;
  }

  /** Runs a work-order action, checks one request per card and the cards pending until their orders end. */
  async function workOrders(action: CardAction, cards: SimDeviceVO[], answers: unknown[], op: string): Promise<CardActionResult> {
    const before = new Map(cards.map((c) => [c.sim_card_id, cardOps(c, op)]));
    const result = await run(action, cards, answers);
    assert.ok(result);
    assert.equal(result.outcomes.filter((o) => o.ok).length, cards.length, result.summary);
    assert.equal(result.requests, cards.length);
    // Pending while the work order runs: the tracker knows it, and the tree's menus offer no second order.
    const pending = cards.filter((c) => api.fleet().tracker.isPending(c.sim_card_id)).length;
    assert.ok(pending > 0, 'cards are pending while their work orders run');
    const orders = await result.finished;
    assert.equal(orders.length, cards.length);
    assert.ok(orders.every((o) => o.outcome === 'succeeded'), orders.find((o) => o.outcome !== 'succeeded')?.failReason);
    for (const c of cards) assert.equal(cardOps(c, op) - (before.get(c.sim_card_id) ?? 0), 1, `one ${op} for ${c.iccid}`);
    return result;
  }

  before(async () => {
    api = await getApi();
    saved = api.ui.current;
    await api.accounts.signOutAll();
    demo = await api.accounts.startDemo({ cards: CARDS, workOrderMs: 200 });
    await api.refresh.refreshNow();
  });

  afterEach(() => {
    api.ui.current = saved;
    demo.simulator.setFaults(undefined);
  });

  after(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await api.accounts.signOutAll();
  });

  // ---- network, usage cut-off, speed, device, real-name: one card, then 600 -------------------

  it('turns the network off and back on, on one card and on 600, following each work order', async () => {
    const telecom = (c: Card) => carrierOf(c.vo) === 'China Telecom';
    const [one] = fresh('cutNetwork', 1, telecom);
    let result = await workOrders('cutNetwork', [one], [true], 'POST /v1/sim-cards/{id}/cut-net');
    assert.match(asked.at(-1) ?? '', new RegExp(`Turn the network of card ${one.iccid} off\\?`));
    assert.equal(vo(one).cut_net_flag, true);
    const many = fresh('cutNetwork', MANY, telecom);
    result = await workOrders('cutNetwork', many, [true], 'POST /v1/sim-cards/{id}/cut-net');
    assert.match(asked.at(-1) ?? '', /Turn the network of 600 cards off\?/);
    assert.equal(result.summary.split('.')[0], 'Network off requested for 600 of 600 cards');
    assert.ok(many.every((c) => vo(c).cut_net_flag === true));
    // Now cut, they are offered Turn Network On (and the tree's menus say so).
    const cut = [one, ...many].map((c) => ({ ...c, cut_net_flag: true }));
    assert.match(String(api.tree.cardNode(cut[0])?.getTreeItem().contextValue), /\bnetRestorable\b/);
    await workOrders('restoreNetwork', cut.slice(0, 1), [true], 'POST /v1/sim-cards/{id}/cut-net');
    await workOrders('restoreNetwork', cut.slice(1), [true], 'POST /v1/sim-cards/{id}/cut-net');
    assert.ok([one, ...many].every((c) => vo(c).cut_net_flag === false));
  });

  it('sets a usage cut-off with its threshold and cancels it, on one card and on 600', async () => {
    const [one] = fresh('setUsageCutoff', 1);
    await workOrders('setUsageCutoff', [one], ['0', true], 'POST /v1/sim-cards/{id}/exceed-cut-net');
    assert.match(asked.at(-1) ?? '', /once it has used 0 MB\?/);
    assert.equal(vo(one).exceed_cut_net_flag, true);
    const many = fresh('setUsageCutoff', MANY);
    await workOrders('setUsageCutoff', many, ['500', true], 'POST /v1/sim-cards/{id}/exceed-cut-net');
    assert.ok(many.every((c) => vo(c).exceed_cut_net_flag === true));
    const set = [one, ...many].map((c) => ({ ...c, exceed_cut_net_flag: true }));
    await workOrders('cancelUsageCutoff', set.slice(0, 1), [true], 'POST /v1/sim-cards/{id}/exceed-cut-net');
    await workOrders('cancelUsageCutoff', set.slice(1), [true], 'POST /v1/sim-cards/{id}/exceed-cut-net');
    assert.ok(set.every((c) => vo(c).exceed_cut_net_flag === false));
  });

  it("limits speed with only the carrier's values: 7.25 Mbps on a China Unicom card, a common value on 600 mixed cards", async () => {
    const [unicom] = fresh('limitSpeed', 1, (c) => c.carrier === 'CU');
    let offered: string[] = [];
    await workOrders(
      'limitSpeed',
      [unicom],
      [
        (items: ReadonlyArray<PickItem<number>>) => {
          offered = items.map((i) => i.label);
          return byLabel('7.25 Mbps')(items);
        },
        true,
      ],
      'POST /v1/sim-cards/{id}/speed-limit',
    );
    assert.deepEqual(offered, ['No limit', '256 Kbps', '512 Kbps', '1 Mbps', '2 Mbps', '7.25 Mbps']);
    assert.equal(vo(unicom).speed_value, 7424);
    const many = fresh('limitSpeed', MANY);
    assert.ok(new Set(many.map((c) => carrierOf(c))).size === 2, 'the selection mixes China Telecom and China Unicom');
    await workOrders(
      'limitSpeed',
      many,
      [
        (items: ReadonlyArray<PickItem<number>>) => {
          offered = items.map((i) => i.label);
          return byLabel('1 Mbps')(items);
        },
        true,
      ],
      'POST /v1/sim-cards/{id}/speed-limit',
    );
    // Only the limits both carriers offer.
    assert.deepEqual(offered, ['No limit', '256 Kbps', '512 Kbps', '1 Mbps']);
    assert.ok(many.every((c) => vo(c).speed_value === 1024));
  });

  it('rebinds one China Telecom card to an IMEI (saying how many rebinds are left) and 600 cards to the devices in use', async () => {
    const [one] = fresh('bindImei', 1, (c) => c.carrier === 'CT' && c.vo.imei_bind_remain_times === 2);
    let title = '';
    await workOrders(
      'bindImei',
      [one],
      [
        (items: ReadonlyArray<PickItem<number>>) => {
          title = asked.at(-1) ?? '';
          return items[1].value;
        },
        '490154203237518',
        true,
      ],
      'POST /v1/sim-cards/{id}/bind-device',
    );
    assert.match(title, /2 rebinds left this month/);
    assert.deepEqual([vo(one).imei, vo(one).imei_bind_remain_times], ['490154203237518', 1]);
    const many = fresh('bindImei', MANY);
    await workOrders('bindImei', many, [true], 'POST /v1/sim-cards/{id}/bind-device');
    assert.match(asked.at(-1) ?? '', /Rebind 600 cards to the device it is in now\?/);
  });

  it('checks real-name registration with the carrier, on one card and on 600 (reads, no question)', async () => {
    const [one] = fresh('checkRealName', 1);
    const result = await run('checkRealName', [one], []);
    assert.ok(result);
    assert.equal(result.outcomes[0].value, vo(one).real_named);
    assert.match(result.summary, /^Real-name checked for card .*\. (1|0) registered, (0|1) not registered\./);
    const many = fresh('checkRealName', MANY);
    const all = await run('checkRealName', many, []);
    assert.ok(all);
    const registered = many.filter((c) => vo(c).real_named).length;
    assert.match(all.summary, new RegExp(`^Real-name checked for 600 of 600 cards\\. ${registered} registered, ${MANY - registered} not registered\\.`));
    assert.equal(all.requests, MANY);
  });

  it('clears real-name registration only after a second, typed confirmation naming the consequence', async () => {
    const [one] = fresh('clearRealName', 1);
    // Typing the wrong count changes nothing.
    const before = opCount('POST /v1/sim-cards/{id}/clear-real-name');
    assert.equal(await run('clearRealName', [one], [true, '2']), undefined);
    assert.equal(opCount('POST /v1/sim-cards/{id}/clear-real-name'), before);
    assert.ok(notices().includes('Real-name registration left as it was.'));
    await workOrders('clearRealName', [one], [true, '1'], 'POST /v1/sim-cards/{id}/clear-real-name');
    assert.equal(vo(one).real_named, false);
    const many = fresh('clearRealName', MANY);
    let prompt = '';
    await workOrders(
      'clearRealName',
      many,
      [
        true,
        (o: vscode.InputBoxOptions) => {
          prompt = `${o.title} ${o.prompt}`;
          return '600';
        },
      ],
      'POST /v1/sim-cards/{id}/clear-real-name',
    );
    assert.match(prompt, /type 600 to confirm.*removes the identity registered for these 600 cards/);
    assert.ok(many.every((c) => vo(c).real_named === false));
  });

  it('stops 600 cards, resumes the same 600 and activates 600 through the same runner', async () => {
    const many = fresh('stop', MANY);
    await workOrders('stop', many, [true], 'POST /v1/sim-cards/{id}/stop');
    assert.ok(many.every((c) => vo(c).sim_status === 14));
    const stopped = many.map((c) => ({ ...c, sim_status: 14 as const, operator_status: 5 }));
    await workOrders('resume', stopped, [true], 'POST /v1/sim-cards/{id}/reset');
    assert.ok(many.every((c) => vo(c).sim_status === 20));
    await workOrders('activate', fresh('activate', MANY), [true], 'POST /v1/sim-cards/{id}/enable');
  });

  // ---- batch APIs: tags, attributes, SMS ---------------------------------------------------

  it('adds a new tag to one card and an existing tag to 600 cards (2 requests of at most 500), then removes it', async () => {
    const [one] = fresh('addTags', 1, (c) => c.tagIds.length === 0);
    const before = opCount('POST /v1/sim-tags/batch-set');
    const tagsBefore = opCount('POST /v1/tags');
    const result = await run('addTags', [one], [(items: ReadonlyArray<PickItem<string>>) => labelsOf(items, ['New tag…', 'vip']), 'field-test', true]);
    assert.ok(result);
    assert.equal(result.requests, 1);
    assert.equal(vo(one).tag_names, 'vip,field-test');
    assert.equal(opCount('POST /v1/tags') - tagsBefore, 1, 'the new tag was created once');
    const many = fresh('addTags', MANY, (c) => c.tagIds.length === 0);
    const tagged = await run('addTags', many, [(items: ReadonlyArray<PickItem<string>>) => labelsOf(items, ['field-test']), true]);
    assert.ok(tagged);
    await tagged.finished;
    assert.equal(tagged.requests, 2);
    assert.equal(opCount('POST /v1/sim-tags/batch-set') - before, 3);
    assert.match(tagged.summary, /^Tags added to 600 of 600 cards\.$/);
    assert.ok(many.every((c) => vo(c).tag_names === 'field-test'));
    // The tree's tooltip shows the new tag (the group was read again).
    const shown = api.fleet().model.loadedCard(many[0].sim_card_id);
    if (shown) assert.match(shown.tag_names ?? '', /field-test/);
    const removed = await run('removeTags', many.map((c) => ({ ...c, tag_names: 'field-test' })), [(items: ReadonlyArray<PickItem<string>>) => labelsOf(items, ['field-test']), true]);
    assert.ok(removed);
    assert.equal(removed.requests, 2);
    assert.ok(many.every((c) => vo(c).tag_names === null));
  });

  it('sets and clears a custom attribute under its name on one card and on 600; the tooltip shows the name', async () => {
    const [one] = fresh('setAttribute', 1);
    const result = await run('setAttribute', [one], [byLabel('Site'), 'Hangar <7>', true]);
    assert.ok(result);
    assert.match(asked.at(-1) ?? '', /Set Site = "Hangar <7>" on card/);
    assert.equal(vo(one).customer_attribute1, 'Hangar <7>');
    const tooltip = api.tree.cardNode({ ...one, customer_attribute1: 'Hangar <7>' })!;
    const item = await api.tree.resolveTreeItem(tooltip.getTreeItem(), tooltip);
    const md = (item.tooltip as vscode.MarkdownString).value;
    assert.match(md, /Site: Hangar \\<7\\>/);
    assert.doesNotMatch(md, /Attribute 1/);
    const many = fresh('setAttribute', MANY);
    const set = await run('setAttribute', many, [byLabel('Installer'), 'Crew B', true]);
    assert.ok(set);
    assert.equal(set.requests, 2);
    assert.ok(many.every((c) => vo(c).customer_attribute2 === 'Crew B'));
    const cleared = await run('clearAttribute', many.map((c) => ({ ...c, customer_attribute2: 'Crew B' })), [byLabel('Installer'), true]);
    assert.ok(cleared);
    assert.equal(cleared.requests, 2);
    assert.ok(many.every((c) => vo(c).customer_attribute2 === null));
  });

  it('sends an SMS to one card and to 600 (by container id, 2 requests), and it appears in the card\'s history', async () => {
    const [one] = fresh('sendSms', 1);
    await run('sendSms', [one], ['STATUS?', true]);
    const history = await api.fleet().account.currentClient()!.listSmsDetails({ cid: one.cid, limit: 10, offset: 1 });
    assert.equal(history.sms_details[0].sms_content, 'STATUS?');
    const many = fresh('sendSms', MANY);
    const before = opCount('POST /v1/sms-send-infos');
    const sent = await run('sendSms', many, ['固件升级通知', true]);
    assert.ok(sent);
    assert.equal(opCount('POST /v1/sms-send-infos') - before, 2);
    assert.match(sent.summary, /^SMS sent to 600 of 600 cards\./);
  });

  // ---- the detail panel ---------------------------------------------------------------------

  it('the detail panel removes one tag, edits an attribute and shows the SMS history with delivery status', async () => {
    const [card] = fresh('removeTags', 1, (c) => c.tagIds.length === 2 && c.carrier === 'CM' && c.vo.sim_status === 20 && !c.vo.tag_names?.includes('<'));
    const [first, second] = card.tag_names!.split(',');
    await run('sendSms', [card], ['PING', true]);
    const panel = api.panels.openCardDetail(api.fleet().account.id, card);
    const page = async (ok: (s: { text: string; html: string }) => boolean) => {
      for (;;) {
        const s = await panel.snapshot();
        if (ok(s)) return s;
        await new Promise((r) => setTimeout(r, 100));
      }
    };
    let snap = await page((s) => s.text.includes('PING') && !s.text.includes('Loading…'));
    assert.match(snap.html, new RegExp(`aria-label="Remove tag ${first}"`));
    assert.match(snap.text, /Sending|Delivered/);
    api.ui.current = scripted([true], asked);
    panel.handleMessage({ type: 'runAction', action: 'removeTags', cardId: card.sim_card_id, arg: first });
    await until(() => vo(card).tag_names === second);
    assert.match(asked.at(-1) ?? '', new RegExp(`Remove "${first}" from card`));
    api.ui.current = scripted(['Beijing-DC9', true], asked);
    panel.handleMessage({ type: 'runAction', action: 'setAttribute', cardId: card.sim_card_id, arg: '1' });
    await until(() => vo(card).customer_attribute1 === 'Beijing-DC9');
    // The simulator delivers an SMS two seconds after it is sent; the panel shows it when read again.
    await new Promise((r) => setTimeout(r, 2100));
    await panel.load();
    snap = await page((s) => s.text.includes('Beijing-DC9') && !s.html.includes(`aria-label="Remove tag ${first}"`) && s.text.includes('Delivered'));
    assert.match(snap.html, new RegExp(`aria-label="Remove tag ${second}"`));
    // A tag the card does not have, or a slot out of range, is not something the page may ask for.
    const before = opCount('POST /v1/sim-tags/batch-set');
    panel.handleMessage({ type: 'runAction', action: 'removeTags', cardId: card.sim_card_id, arg: 'not-its-tag' });
    panel.handleMessage({ type: 'runAction', action: 'setAttribute', cardId: card.sim_card_id, arg: '9' });
    await new Promise((r) => setTimeout(r, 300));
    assert.equal(opCount('POST /v1/sim-tags/batch-set'), before);
    panel.dispose();
  });

  // ---- refusals and a lost answer ------------------------------------------------------------

  it('explains the 5-minute rule with the time to try again', async () => {
    const [card] = fresh('cutNetwork', 1, (c) => carrierOf(c.vo) === 'China Telecom');
    const first = await workOrders('cutNetwork', [card], [true], 'POST /v1/sim-cards/{id}/cut-net');
    const [order] = await first.finished;
    await workOrders('restoreNetwork', [{ ...card, cut_net_flag: true }], [true], 'POST /v1/sim-cards/{id}/cut-net');
    const again = await run('cutNetwork', [{ ...card, cut_net_flag: false }], [true]);
    const retryAt = new Date(order.startedAt + 5 * 60 * 1000);
    const hhmm = `${String(retryAt.getHours()).padStart(2, '0')}:${String(retryAt.getMinutes()).padStart(2, '0')}`;
    assert.equal(again?.outcomes[0].message, `Same operation not allowed again within 5 minutes; try again after ${hhmm}.`);
  });

  it("shows a carrier's refusal in the service's words, and a speed the carrier rejects (GSL.00011016)", async () => {
    // The tree's copy says China Telecom (a stale plan name); the service knows a China Mobile card.
    const [mobile] = fresh('stop', 1, (c) => c.carrier === 'CM');
    const stale = { ...mobile, price_plan_name: 'China Telecom 1GB' };
    const cut = await run('cutNetwork', [stale], [true]);
    assert.match(String(cut?.outcomes[0].message), /^The service refused the request: .*only supported for China Telecom cards/);
    const [telecom] = fresh('limitSpeed', 1, (c) => c.carrier === 'CT');
    const asUnicom = { ...telecom, price_plan_name: 'China Unicom 2GB', real_named: true };
    const speed = await run('limitSpeed', [asUnicom], [byLabel('7.25 Mbps'), true]);
    assert.equal(speed?.outcomes[0].message, 'The carrier does not accept this speed limit for the card; choose one of the values its carrier offers.');
    assert.ok(notices().some((n) => n.startsWith('Speed limit requested for 0 of 1 cards. 1 failed:')));
  });

  it('never resends a mutation whose answer was lost: one card, and one chunk of a 600-card batch', async () => {
    const [card] = fresh('cutNetwork', 1, (c) => carrierOf(c.vo) === 'China Telecom');
    demo.simulator.setFaults({ resetRate: 1, pathPattern: '/cut-net$', method: 'POST', times: 1 });
    const one = await run('cutNetwork', [card], [true]);
    assert.equal(one?.outcomes[0].lost, true);
    assert.match(String(one?.outcomes[0].message), /may have been carried out; refresh the card and check its work orders/);
    assert.equal(cardOps(card, 'POST /v1/sim-cards/{id}/cut-net'), 1);
    const many = fresh('addTags', MANY, (c) => c.tagIds.length === 0);
    const before = opCount('POST /v1/sim-tags/batch-set');
    demo.simulator.setFaults({ resetRate: 1, pathPattern: '/sim-tags/batch-set$', method: 'POST', times: 1 });
    const batch = await run('addTags', many, [(items: ReadonlyArray<PickItem<string>>) => labelsOf(items, ['pilot']), true]);
    assert.ok(batch);
    assert.equal(opCount('POST /v1/sim-tags/batch-set') - before, 2, 'two chunks, neither sent again');
    const lost = batch.outcomes.filter((o) => o.lost).length;
    assert.ok(lost === 500 || lost === 100, `a whole chunk may have been carried out (${lost})`);
    assert.equal(batch.outcomes.filter((o) => o.ok).length, MANY - lost);
    assert.match(batch.summary, new RegExp(`${lost} may have been carried out, but the answer was lost`));
  });

  it('explains a tag refusal the service answers for a whole chunk', async () => {
    // Cards without tags: all three end with the same set, so one request carries them.
    const many = fresh('addTags', 3, (c) => c.tagIds.length === 0);
    demo.simulator.setFaults({ errorRate: 1, errorStatus: 400, errorCode: 'GSL.00022004', pathPattern: '/sim-tags/batch-set$', method: 'POST', times: 1 });
    const result = await run('addTags', many, [(items: ReadonlyArray<PickItem<string>>) => labelsOf(items, ['trackers']), true]);
    assert.equal(result?.requests, 1);
    assert.deepEqual(
      result.outcomes.map((o) => [o.ok, o.lost, o.message]),
      many.map(() => [false, false, 'The tag does not exist or this account cannot use it; refresh the tag list and try again.']),
    );
  });

  // ---- bad input: refused before any request, saying what to fix --------------------------

  it('refuses every bad input before any request, saying what to fix', async () => {
    // Requests that change something: everything but reads. Usage queries and IAM tokens are POSTs
    // that read, and Needs attention may send them in the background meanwhile.
    const reads = new Set(['POST /v1/sim-cards/month-usages', 'POST /v1/sim-cards/batch-daily-flow', 'POST /v1/sim-price-plans/usage/batch-query', 'POST /v3/auth/tokens']);
    const mutations = () => Object.entries(demo.simulator.stats().operations).filter(([op]) => !op.startsWith('GET') && !reads.has(op)).reduce((n, [, v]) => n + v, 0);
    const cases: Array<[CardAction, SimDeviceVO[], unknown[], string]> = [
      ['bindImei', fresh('bindImei', 1, (c) => c.carrier === 'CT'), [2, '49015420323751'], 'An IMEI has 15 digits; this one has 14.'],
      ['bindImei', fresh('bindImei', 1, (c) => c.carrier === 'CT'), [2, '4901542032375AB'], 'An IMEI has digits only; remove the other characters.'],
      ['bindImei', fresh('bindImei', 1, (c) => c.carrier === 'CT'), [2, '490154203237519'], 'The last digit of this IMEI (its check digit) does not match the others; check the number on the device.'],
      ['setUsageCutoff', fresh('setUsageCutoff', 1), ['1.5'], 'Enter the threshold in MB as a whole number (for example 500), 0 to cut the network as soon as data is used, or -1 for no threshold.'],
      ['limitSpeed', fresh('limitSpeed', 1), [-5], 'Choose a speed limit.'],
      ['setAttribute', fresh('setAttribute', 1), [byLabel('Note'), 'x'.repeat(101)], 'A custom attribute value has at most 100 characters; this one has 101.'],
      ['setAttribute', fresh('setAttribute', 1), [byLabel('Note'), 'two\nlines'], 'A custom attribute value cannot contain line breaks, tabs or other control characters.'],
      ['sendSms', fresh('sendSms', 1), ['  '], 'Enter the message text.'],
      ['sendSms', fresh('sendSms', 1), ['x'.repeat(161)], 'The message is 161 characters long; one SMS holds 160. Shorten it.'],
      ['sendSms', fresh('sendSms', 1), ['升'.repeat(71)], 'The message is 71 characters long; one SMS holding characters outside the GSM alphabet (such as Chinese) holds 70. Shorten it.'],
      ['addTags', fresh('addTags', 1), [(items: ReadonlyArray<PickItem<string>>) => items.slice(1, 12).map((i) => i.value)], 'Choose at most 10 tags at a time.'],
      ['addTags', fresh('addTags', 1), [(items: ReadonlyArray<PickItem<string>>) => labelsOf(items, ['New tag…']), 'x'.repeat(33)], 'A tag name has at most 32 characters; this one has 33.'],
      ['addTags', fresh('addTags', 1), [(items: ReadonlyArray<PickItem<string>>) => labelsOf(items, ['New tag…']), 'tab\there'], 'A tag name cannot contain line breaks, tabs or other control characters.'],
      ['addTags', fresh('addTags', 1), [(items: ReadonlyArray<PickItem<string>>) => labelsOf(items, ['New tag…']), 'north-fleet'], 'A tag named "north-fleet" already exists.'],
    ];
    for (const [action, cards, answers, message] of cases) {
      const before = mutations();
      const count = api.ui.notifications.length;
      assert.equal(await run(action, cards, answers), undefined, message);
      assert.ok(notices().slice(count).includes(message), `"${message}" in ${JSON.stringify(notices().slice(count))}`);
      // At most the tag list was read; nothing that changes anything was sent.
      assert.equal(mutations(), before, `${message}: no request that changes anything`);
    }
    // A speed the card's carrier does not offer: the card is not sent, saying why.
    const [unicom] = fresh('limitSpeed', 1, (c) => c.carrier === 'CU');
    const count = api.ui.notifications.length;
    assert.equal(await run('limitSpeed', [unicom], [3072]), undefined);
    assert.ok(notices().slice(count).some((n) => n.includes('Its carrier does not offer a limit of 3 Mbps.')), JSON.stringify(notices().slice(count)));
    assert.equal(cardOps(unicom, 'POST /v1/sim-cards/{id}/speed-limit'), 0);
  });

  // ---- tags and custom attributes of the account ------------------------------------------

  it('manages tags: shows which are in use, creates one, and deletes one in use (its cards lose it)', async () => {
    let items: ReadonlyArray<PickItem<unknown>> = [];
    api.ui.current = scripted([
      (offered: ReadonlyArray<PickItem<unknown>>) => {
        items = offered;
        return undefined;
      },
    ]);
    await vscode.commands.executeCommand('simFleet.tag.manage');
    const trackers = items.find((i) => i.label === 'trackers');
    assert.equal(trackers?.description, 'in use');
    assert.ok(items.some((i) => i.label === 'Create Tag…'));
    api.ui.current = scripted(['ops-a, ops-b']);
    const created = (await vscode.commands.executeCommand('simFleet.tag.create')) as Array<{ tag_name: string }>;
    assert.deepEqual(created.map((c) => c.tag_name), ['ops-a', 'ops-b']);
    const name = 'cold-chain';
    const holder = [...demo.simulator.store.allCards()].find((c) => (c.vo.tag_names ?? '').split(',').includes(name))!;
    api.ui.current = scripted([byLabel(name), (m: string) => /Delete the tag "cold-chain"\?/.test(m)], asked);
    await vscode.commands.executeCommand('simFleet.tag.delete');
    assert.ok(![...demo.simulator.store.tags.values()].some((x) => x.tag_name === name));
    assert.ok(!(holder.vo.tag_names ?? '').split(',').includes(name));
  });

  it('manages custom attributes: creates up to 6, refuses a 7th before any request, renames, disables and enables', async () => {
    api.ui.current = scripted(['Owner']);
    assert.equal(((await vscode.commands.executeCommand('simFleet.attribute.create')) as { name: string }).name, 'Owner');
    api.ui.current = scripted(['Rack']);
    await vscode.commands.executeCommand('simFleet.attribute.create');
    const before = opCount('POST /v1/attributes');
    const count = api.ui.notifications.length;
    api.ui.current = scripted([]);
    await vscode.commands.executeCommand('simFleet.attribute.create');
    assert.ok(notices().slice(count).includes('The account already has 6 custom attributes, the most it can hold; rename one instead.'));
    assert.equal(opCount('POST /v1/attributes'), before);
    // Renaming: bad names are refused before the request; a name of a built-in column is refused by the service.
    api.ui.current = scripted([byLabel('Rack'), 'x'.repeat(33)]);
    await vscode.commands.executeCommand('simFleet.attribute.rename');
    assert.ok(notices().includes('A custom attribute name has at most 32 characters; this one has 33.'));
    api.ui.current = scripted([byLabel('Rack'), 'Owner']);
    await vscode.commands.executeCommand('simFleet.attribute.rename');
    assert.ok(notices().includes('A custom attribute named "Owner" already exists.'));
    api.ui.current = scripted([byLabel('Rack'), 'ICCID']);
    await vscode.commands.executeCommand('simFleet.attribute.rename');
    assert.ok(notices().some((n) => n.includes('built-in column of the SIM list')));
    api.ui.current = scripted([byLabel('Rack'), 'Cabinet']);
    await vscode.commands.executeCommand('simFleet.attribute.rename');
    assert.ok(demo.simulator.store.attributes.some((a) => a.cust_attr_name === 'Cabinet'));
    // The tree's tooltips show the new name.
    const holder = fresh('setAttribute', 1)[0];
    await run('setAttribute', [holder], [byLabel('Cabinet'), 'C-12', true]);
    const n = api.tree.cardNode({ ...holder, customer_attribute6: 'C-12' })!;
    const md = ((await api.tree.resolveTreeItem(n.getTreeItem(), n)).tooltip as vscode.MarkdownString).value;
    assert.match(md, /Cabinet: C\\-12/);
    api.ui.current = scripted([byLabel('Cabinet'), true]);
    await vscode.commands.executeCommand('simFleet.attribute.disable');
    assert.equal(demo.simulator.store.attributes.find((a) => a.cust_attr_name === 'Cabinet')?.status, 0);
    api.ui.current = scripted([byLabel('Cabinet')]);
    await vscode.commands.executeCommand('simFleet.attribute.enable');
    assert.equal(demo.simulator.store.attributes.find((a) => a.cust_attr_name === 'Cabinet')?.status, 1);
  });

  it('refuses a tag once the account holds 10,000, before any request', async () => {
    const store = demo.simulator.store;
    for (let i = store.tags.size; i < 10_000; i++) store.createTag(`bulk-${i}`);
    const before = opCount('POST /v1/tags');
    api.ui.current = scripted(['one-more']);
    await vscode.commands.executeCommand('simFleet.tag.create');
    assert.ok(notices().includes('The account already has 10000 tags, the most it can hold; delete unused tags first.'));
    assert.equal(opCount('POST /v1/tags'), before);
  });

  // ---- a batch from a list -------------------------------------------------------------------

  it('runs a batch from a list on the clipboard: unknown and repeated entries are named, the rest tagged', async () => {
    const cards = fresh('addTags', 47, (c) => c.tagIds.length === 0 && c.vo.sim_type === 3);
    const unknown = ['89860399999999990001', '89860399999999990002', '89860399999999990003'];
    const text = ['ICCID', ...cards.map((c) => c.iccid), ...unknown, cards[0].iccid].join('\n');
    await vscode.env.clipboard.writeText(text);
    const count = api.ui.notifications.length;
    api.ui.current = scripted([byLabel('From the Clipboard'), byLabel('Add Tags'), (items: ReadonlyArray<PickItem<string>>) => labelsOf(items, ['warehouse-3']), true], asked);
    const out = (await vscode.commands.executeCommand('simFleet.batch.fromList')) as ListBatchResult;
    assert.equal(out.resolved.found.length, 47);
    assert.deepEqual(out.resolved.unknown.map((e) => e.text), unknown);
    assert.equal(out.duplicates.length, 1);
    const report = notices().slice(count)[0];
    assert.match(report, /^47 of 51 entries are cards of this fleet\. 3 not in the fleet: 89860399999999990001 \(line 49\), 89860399999999990002 \(line 50\), 89860399999999990003 \(line 51\) 1 repeated \(counted once\)/);
    assert.equal(out.result?.requests, 1);
    assert.ok(cards.every((c) => vo(c).tag_names === 'warehouse-3'));
    assert.match(asked.at(-1) ?? '', /Add "warehouse-3" to 47 cards\?/);
  });

  it('runs a batch from a CSV file, reading the column its header names', async () => {
    const cards = fresh('sendSms', 3);
    const dir = mkdtempSync(path.join(tmpdir(), 'sim-fleet-list-'));
    const file = path.join(dir, 'cards.csv');
    writeFileSync(file, `site,msisdn\n${cards.map((c, i) => `"Pump ${i}, north",${c.msisdn}`).join('\n')}\n`);
    api.ui.current = { ...scripted([byLabel('Open a File…'), byLabel('Send SMS'), 'PING', true], asked), pickFile: async () => vscode.Uri.file(file) };
    const out = (await vscode.commands.executeCommand('simFleet.batch.fromList')) as ListBatchResult;
    assert.equal(out.resolved.found.length, 3);
    assert.match(out.report, /3 of 3 entries \(msisdn\) are cards of this fleet\./);
    assert.equal(out.result?.outcomes.filter((o) => o.ok).length, 3);
  });

  it('refuses an empty or unreadable list, saying what to give', async () => {
    for (const [text, message] of [
      ['\n  \n', 'The list is empty: give one ICCID, container id or MSISDN a line, or a CSV file with a column of them.'],
      ['!!!\n???', 'Nothing in the list reads as an ICCID, container id or MSISDN (line 1: "!!!").'],
    ]) {
      await vscode.env.clipboard.writeText(text);
      api.ui.current = scripted([byLabel('From the Clipboard')]);
      assert.equal(await vscode.commands.executeCommand('simFleet.batch.fromList'), undefined);
      assert.ok(notices().includes(message), message);
    }
  });
});

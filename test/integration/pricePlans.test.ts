/// <reference types="mocha" />
// Plans in a real VS Code against the demo fleet: the account's plans as ListProPricePlans gives
// them, each with the number of cards on it, and choosing one filters the Cards view to it.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { PlanChoice } from '../../src/commands/listPlans';
import { GslClient } from '../../src/gsl/client';
import type { PickItem, UiBackend } from '../../src/host/ui';
import type { SimFleetTestApi } from '../../src/testApi';
import { getApi, scripted, until } from './helpers';

describe('price plans', function () {
  this.timeout(60_000);
  let api: SimFleetTestApi;
  let client: GslClient;
  let saved: Partial<UiBackend>;

  before(async () => {
    api = await getApi();
    saved = api.ui.current;
    await api.accounts.signOutAll();
    const demo = await api.accounts.startDemo({ cards: 1000, workOrderMs: 200 });
    client = new GslClient({ endpoints: demo.endpoints, credentials: { get: async () => demo.credentials } });
  });
  after(async () => {
    api.ui.current = saved;
    api.fleet().model.setFilter({});
    await client.dispose();
  });

  it('lists the account\'s plans with their card counts; choosing one filters the Cards view to its cards', async () => {
    let shown: ReadonlyArray<PickItem<PlanChoice>> = [];
    api.ui.current = scripted([
      (items: ReadonlyArray<PickItem<PlanChoice>>) => {
        shown = items;
        return items[0].value;
      },
    ]);
    const result = (await vscode.commands.executeCommand('simFleet.plan.list')) as { offered: PlanChoice[]; chosen: PlanChoice };
    const plans = (await client.listProPricePlans({ limit: 500, offset: 1 })).price_plans;
    assert.deepEqual(result.offered.map((c) => c.plan.price_plan_id).sort(), plans.map((p) => p.price_plan_id).sort());
    for (const c of result.offered) assert.equal(c.cards, await client.countSimCards({ price_plan_id: [c.plan.price_plan_id] }), c.plan.price_plan_name);
    // The plan most cards use comes first, its count in the description.
    assert.equal(shown[0].value.cards, Math.max(...result.offered.map((c) => c.cards ?? 0)));
    assert.match(shown[0].description ?? '', new RegExp(`^${shown[0].value.cards!.toLocaleString()} cards · `));
    const { chosen } = result;
    const model = api.fleet().model;
    assert.deepEqual(model.filter.plans, [{ id: chosen.plan.price_plan_id, name: chosen.plan.price_plan_name }]);
    await model.loadCounts();
    assert.equal(model.total(), chosen.cards, 'the Cards view counts only the plan\'s cards');
    await until(() => (api.treeView.description ?? '').includes(chosen.plan.price_plan_name));
  });

  it('lists every plan instance of a card in its detail panel, as ListSimPricePlans gives them', async () => {
    // A card with more than one plan (an add-on pack beside its plan), when the fleet has one.
    const cards = (await client.listSimCards({ sim_status: 20, limit: 50, offset: 1 })).sim_cards;
    let card = cards[0];
    let plans = await client.listSimPricePlans({ sim_card_id: card.sim_card_id, real_time: true, limit: 50, offset: 1 });
    for (const c of cards) {
      const p = await client.listSimPricePlans({ sim_card_id: c.sim_card_id, real_time: true, limit: 50, offset: 1 });
      if (p.length > plans.length) [card, plans] = [c, p];
    }
    assert.ok(plans.length > 0);
    const panel = api.panels.openCardDetail(api.fleet().account.id, card);
    await until(() => panel.currentView?.plans?.state === 'ready');
    const rows = panel.currentView!.plans!.rows;
    assert.deepEqual(rows.map((r) => r.name).sort(), plans.map((p) => p.price_plan_name || p.price_plan_id || p.id).sort());
    assert.equal(rows.filter((r) => r.kind === api.t('Main plan')).length >= 1, true, 'the card\'s own plan is marked');
    let text = '';
    await until(async () => (text = (await panel.snapshot()).text).includes(api.t('Every plan of this card: the main plan, then add-ons')));
    for (const r of rows) assert.ok(text.includes(r.name), r.name);
    panel.dispose();
  });

  it('shows a three-network card\'s online carrier and ICCID per carrier in its detail panel, as ListSimDeviceMultiply gives them', async () => {
    const [info] = (await client.listSimDeviceMultiply({ limit: 10, offset: 1 })).sim_cards;
    assert.ok(info, 'the demo fleet has three-network cards');
    const card = await client.showSimCard({ sim_card_id: info.sim_card_id });
    const panel = api.panels.openCardDetail(api.fleet().account.id, card);
    const carrierRow = () => panel.currentView?.sections.find((s) => s.id === 'device')?.rows.find((r) => r.key === 'online_carrier');
    await until(() => carrierRow() !== undefined);
    const carriers: Record<number, string> = { 1: 'China Mobile', 2: 'China Telecom', 3: 'China Unicom' };
    assert.equal(carrierRow()!.value, api.t(carriers[info.online_carrier!]));
    let text = '';
    await until(async () => (text = (await panel.snapshot()).text).includes(api.t('Online carrier')));
    for (const iccid of [info.iccid_mobile, info.iccid_telcom, info.iccid_unicom].filter(Boolean)) assert.ok(text.includes(iccid!), iccid);
    panel.dispose();
    // The Cards view's tooltip names the carrier too (asked when the tooltip is first shown).
    const node = api.tree.cardNode(card)!;
    const item = await api.tree.resolveTreeItem(node.getTreeItem(), node);
    assert.match((item.tooltip as vscode.MarkdownString).value, new RegExp(`^${api.t('Online carrier')}: ${api.t(carriers[info.online_carrier!])} {0,2}$`, 'm'));
  });
});

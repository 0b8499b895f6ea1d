/// <reference types="mocha" />
// The Work Orders view in a real VS Code against the demo fleet: every order of the account as
// the simulator lists it (newest first, pending on top), paging past the first page, an order's
// per-card lines and the card they reveal, the filter, an injected error shown as a node with
// Retry, and an order started elsewhere that ends while the view is open.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { GslClient } from '../../src/gsl/client';
import type { SimDeviceVO, WorkOrderVo } from '../../src/gsl/models';
import { errorMessage } from '../../src/core/errorWords';
import { WORK_ORDER_TYPE_WORDS } from '../../src/core/words';
import type { FleetNode } from '../../src/fleet/nodes/fleetNode';
import type { WorkOrderLineNode } from '../../src/fleet/nodes/workOrderNodes';
import { WorkOrderNode } from '../../src/fleet/nodes/workOrderNodes';
import type { DemoFleet } from '../../src/host/demoFleet';
import type { UiBackend } from '../../src/host/ui';
import type { SimFleetTestApi } from '../../src/testApi';
import { getApi, isError, isMore, label, scripted, setPageSize, until } from './helpers';

const PAGE = 10;

// The view's nodes come from the extension's bundle, not from these modules: they are told apart by shape.
const ordersOf = (nodes: FleetNode[]): WorkOrderNode[] => nodes.filter((n): n is WorkOrderNode => 'order' in n);
const linesOf = (nodes: FleetNode[]): WorkOrderLineNode[] => nodes.filter((n): n is WorkOrderLineNode => 'line' in n);

describe('work orders view', function () {
  this.timeout(60_000);
  let api: SimFleetTestApi;
  let demo: DemoFleet;
  let client: GslClient;
  let originalPrompts: Partial<UiBackend>;
  /** Every order of the account, newest first, read independently of the view. */
  const all: WorkOrderVo[] = [];

  const roots = (): Promise<FleetNode[]> => api.workOrders.getChildren();

  before(async () => {
    api = await getApi();
    originalPrompts = api.ui.current;
    await api.accounts.signOutAll();
    await setPageSize(api, PAGE);
    demo = await api.accounts.startDemo({ cards: 1000, workOrderMs: 4000 });
    client = new GslClient({ endpoints: demo.endpoints, credentials: { get: async () => demo.credentials } });
    for (let offset = 1; ; offset++) {
      const page = await client.listWorkOrders({ limit: 500, offset });
      all.push(...page.work_orders);
      if (all.length >= page.count) break;
    }
    assert.ok(all.length > PAGE * 2, 'the demo account has several pages of work orders');
  });

  afterEach(() => {
    demo.simulator.setFaults(undefined);
    api.ui.current = originalPrompts;
  });

  after(async () => {
    api.fleet().workOrders.setFilter({});
    await client.dispose();
    await setPageSize(api, undefined);
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('lists the account\'s orders as the API does, newest first, and pages past the first page with Load more', async () => {
    await vscode.commands.executeCommand('simFleet.workOrders.refresh');
    let nodes = await roots();
    const first = ordersOf(nodes);
    assert.deepEqual(
      first.map((n) => n.order.id),
      all.slice(0, PAGE).map((o) => o.id),
      'the first page is the API\'s newest orders (none is pending yet)',
    );
    assert.equal(label(first[0]), api.t(wordOfType(first[0].order)));
    const more = nodes.at(-1);
    assert.ok(isMore(more), 'Load more follows the first page');
    assert.equal(String(more.getTreeItem().description), `${PAGE} of ${all.length} shown`);
    await vscode.commands.executeCommand('simFleet.list.loadMore', more);
    nodes = await roots();
    assert.deepEqual(
      ordersOf(nodes).map((n) => n.order.id),
      all.slice(0, PAGE * 2).map((o) => o.id),
      'the second page follows the first',
    );
  });

  it('expands an order into its per-card lines, and a line reveals its card in the Cards view', async () => {
    // A batch with several cards and a failed line (seeded by the simulator).
    const batch = all.find((o) => o.total_count > 1 && o.fail_count > 0);
    assert.ok(batch, 'the demo account has a batch with a failed line');
    const fleet = api.fleet();
    const node = new WorkOrderNode(undefined, fleet, batch, { t: api.t, multiAccount: false, mask: (s) => s });
    const lines = linesOf(await node.getChildren());
    const expected = await client.listWorkOrderDetails(batch.id, { limit: PAGE, offset: 1 });
    assert.deepEqual(
      lines.map((l) => l.line.sim_card_id),
      expected.work_order_details.map((d) => d.sim_card_id),
    );
    const failed = lines.find((l) => l.line.status === 3);
    assert.ok(failed, 'the failed line is listed');
    assert.match(String(failed.getTreeItem().description), new RegExp(`^${api.t('Failed')} · `));
    // Choosing the line runs its command: the card is selected in the Cards view.
    const cmd = failed.getTreeItem().command;
    assert.ok(cmd);
    await vscode.commands.executeCommand(cmd.command, ...(cmd.arguments ?? []));
    await until(() => api.treeView.selection.some((n) => (n as { card?: SimDeviceVO }).card?.sim_card_id === failed.line.sim_card_id));
  });

  it('filters by type and status on the server, and clears the filter', async () => {
    const type = all[0].work_order_type;
    api.ui.current = scripted([type, 4]);
    await vscode.commands.executeCommand('simFleet.workOrders.filter');
    const expected = await client.listWorkOrders({ work_order_type: type, status: 4, limit: PAGE, offset: 1 });
    const shown = ordersOf(await roots());
    assert.ok(shown.length > 0);
    assert.deepEqual(
      shown.map((n) => n.order.id),
      expected.work_orders.map((o) => o.id),
    );
    assert.ok(shown.every((n) => n.order.work_order_type === type && n.order.status === 4));
    await vscode.commands.executeCommand('simFleet.workOrders.clearFilter');
    assert.deepEqual(ordersOf(await roots()).map((n) => n.order.id), all.slice(0, PAGE).map((o) => o.id));
  });

  it('shows an injected error as an error node with Retry, and Retry brings the orders back', async () => {
    const fault = { errorRate: 1, errorStatus: 403, errorCode: 'APIGW.0302', pathPattern: '^/v1/work-orders' };
    demo.simulator.setFaults(fault);
    await vscode.commands.executeCommand('simFleet.workOrders.refresh');
    const [node, ...rest] = await roots();
    assert.equal(rest.length, 0);
    assert.ok(isError(node), 'an error node');
    const expected = await client.listWorkOrders({ limit: PAGE, offset: 1 }).then(
      () => assert.fail('the fault refuses the call'),
      (e: unknown) => errorMessage(e, api.t),
    );
    assert.equal(label(node), expected);
    const retry = node.getTreeItem().command;
    assert.equal(retry?.title, api.t('Retry'));
    demo.simulator.setFaults(undefined);
    await vscode.commands.executeCommand(retry!.command, ...(retry!.arguments ?? []));
    assert.deepEqual(ordersOf(await roots()).map((n) => n.order.id), all.slice(0, PAGE).map((o) => o.id));

    // An order's lines fail on their own: the error replaces them, with a Retry.
    demo.simulator.setFaults({ ...fault, pathPattern: '/details' });
    const order = ordersOf(await roots())[0];
    api.fleet().workOrders.linesOf(order.order.id).reset();
    const [lineError] = await order.getChildren();
    assert.ok(isError(lineError));
    demo.simulator.setFaults(undefined);
    const again = lineError.getTreeItem().command!;
    await vscode.commands.executeCommand(again.command, ...(again.arguments ?? []));
    assert.ok(linesOf(await order.getChildren()).length > 0);
  });

  it('follows an order started elsewhere while the view is open, and refreshes its card when it ends', async () => {
    await vscode.commands.executeCommand('simFleet.workOrders.focus');
    await until(() => api.workOrdersView.visible);
    const accountId = api.fleet().account.id;
    // A card in use, stopped through another client (another colleague, the console): not this window's order.
    const card = (await client.listSimCards({ sim_status: 20, limit: 10, offset: 1 })).sim_cards.find((c) => c.sim_type === 3) as SimDeviceVO;
    const panel = api.panels.openCardDetail(accountId, card);
    await until(async () => (await panel.snapshot()).text.includes(api.t('In use')));
    const model = api.fleet().model;
    await model.loadCounts();
    const deactivated = model.group(14).count ?? 0;
    const { work_order_id } = await client.stopSimCard({ sim_card_id: card.sim_card_id });
    await vscode.commands.executeCommand('simFleet.workOrders.refresh');
    const [top] = ordersOf(await roots());
    assert.equal(top.order.id, work_order_id, 'the pending order is on top');
    assert.equal((top.getTreeItem().iconPath as vscode.ThemeIcon).id, 'sync~spin');
    assert.equal(api.fleet().tracker.forCard(card.sim_card_id).length, 0, 'this window did not start it');
    // The view follows it to its end, with no refresh asked for.
    await until(async () => ordersOf(await roots()).find((n) => n.order.id === work_order_id)?.order.status === 4);
    const ended = ordersOf(await roots()).find((n) => n.order.id === work_order_id)!;
    assert.equal((ended.getTreeItem().iconPath as vscode.ThemeIcon).id, 'pass');
    // Its card is read again in the Cards view and in its open detail panel.
    await until(() => model.group(14).count === deactivated + 1);
    await until(async () => (await panel.snapshot()).text.includes(api.t('Deactivated')));
    panel.dispose();
  });

  it('shows the card\'s whole history in its detail panel: every order that touched it, any origin, with status and reason', async () => {
    const planted = demo.simulator.planted().history!;
    const card = await client.showSimCard({ sim_card_id: planted.sim_card_id });
    // The history read independently: every order with a line for this card.
    const touched: WorkOrderVo[] = [];
    for (const o of all) {
      const lines = await client.listWorkOrderDetails(o.id, { limit: 500, offset: 1 });
      if (lines.work_order_details.some((l) => l.sim_card_id === card.sim_card_id)) touched.push(o);
    }
    assert.ok(touched.length >= planted.orders);
    const panel = api.panels.openCardDetail(api.fleet().account.id, card);
    await until(() => panel.currentView?.history?.state === 'ready');
    const rows = panel.currentView!.history!.rows;
    assert.deepEqual(
      rows.map((r) => r.workOrderId),
      touched.map((o) => o.id),
    );
    assert.ok(new Set(rows.map((r) => r.source)).size >= 4, 'orders of several origins');
    const failed = rows.find((r) => r.reason);
    assert.equal(failed?.reason, 'The device did not answer the rebind request');
    // What the page shows, read back from the webview.
    let text = '';
    await until(async () => (text = (await panel.snapshot()).text).includes(failed.reason!));
    assert.ok(text.includes(api.t('History')));

    // A failure to read it is said in the section, with Retry.
    demo.simulator.setFaults({ errorRate: 1, errorStatus: 403, errorCode: 'APIGW.0302', pathPattern: '^/v1/work-orders' });
    api.fleet().history.forget();
    void panel.load();
    await until(() => panel.currentView?.history?.state === 'error');
    demo.simulator.setFaults(undefined);
    void panel.load();
    await until(() => panel.currentView?.history?.state === 'ready' && panel.currentView.history.rows.length === touched.length);
    panel.dispose();
  });
});

function wordOfType(order: WorkOrderVo): string {
  return WORK_ORDER_TYPE_WORDS[order.work_order_type] ?? '';
}

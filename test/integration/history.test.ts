/// <reference types="mocha" />
// The fleet's history at its edges, in a real VS Code against the demo fleet: a snapshot asked for
// while history is turned off is refused before the fleet is read; Compare with Snapshot says why
// when there is nothing to compare; the agents' attention tool names an account that is not signed in.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { GslClient } from '../../src/gsl/client';
import type { DemoFleet } from '../../src/host/demoFleet';
import type { SimFleetTestApi } from '../../src/testApi';
import { getApi, until } from './helpers';

describe('fleet history at its edges', function () {
  this.timeout(120_000);
  let api: SimFleetTestApi;
  let demo: DemoFleet;
  const config = () => vscode.workspace.getConfiguration('simFleet');
  const notesSince = (from: number): string[] => api.ui.notifications.slice(from).map((n) => n.message);

  before(async () => {
    api = await getApi();
    await api.accounts.signOutAll();
    // Needs attention off: no run, so no result and no snapshot exist unless a test takes one.
    await config().update('attention.enabled', false, vscode.ConfigurationTarget.Global);
    demo = await api.accounts.startDemo({ cards: 300, workOrderMs: 200 });
    await api.attention.history.delete();
  });

  after(async () => {
    await config().update('history.enabled', undefined, vscode.ConfigurationTarget.Global);
    await config().update('attention.enabled', undefined, vscode.ConfigurationTarget.Global);
    await api.attention.history.delete();
    await api.accounts.signOut('demo');
  });

  it('Take Fleet Snapshot Now with history turned off says so and reads nothing', async () => {
    await config().update('history.enabled', false, vscode.ConfigurationTarget.Global);
    try {
      const reads = demo.simulator.stats().operations['GET /v1/sim-cards'] ?? 0;
      const from = api.ui.notifications.length;
      assert.equal(await vscode.commands.executeCommand('simFleet.history.takeSnapshot', { accountId: 'demo' }), undefined);
      assert.deepEqual(notesSince(from), [api.t('The fleet\'s history is turned off (simFleet.history.enabled): no snapshot is kept.')]);
      assert.equal(demo.simulator.stats().operations['GET /v1/sim-cards'] ?? 0, reads, 'the fleet was not read');
      assert.deepEqual(await api.attention.history.list('demo'), []);
    } finally {
      await config().update('history.enabled', undefined, vscode.ConfigurationTarget.Global);
    }
  });

  it('Compare with Snapshot says why when no run has finished and no snapshot is kept', async () => {
    const client = new GslClient({ endpoints: demo.endpoints, credentials: { get: async () => demo.credentials } });
    const [card] = (await client.listSimCards({ sim_status: 20, limit: 10, offset: 1 })).sim_cards;
    await client.dispose();
    // Needs attention on, its first run failing: no result, and nothing kept.
    demo.simulator.setFaults({ errorRate: 1, errorStatus: 500, errorCode: 'GSL.00000500', pathPattern: '^/v1/sim-cards' });
    try {
      await config().update('attention.enabled', true, vscode.ConfigurationTarget.Global);
      await until(() => api.attention.get('demo')?.state.kind === 'failed');
    } finally {
      demo.simulator.setFaults(undefined);
    }
    assert.equal(api.attention.get('demo')?.result, undefined);
    const from = api.ui.notifications.length;
    const uris = await vscode.commands.executeCommand('simFleet.card.compareWithSnapshot', { card, accountId: 'demo' });
    assert.equal(uris, undefined);
    assert.deepEqual(notesSince(from), [api.t('No snapshot of {0} is kept yet: Needs attention keeps one when its run ends, or use Take Fleet Snapshot Now.', api.fleet().account.label)]);
  });

  it('the attention tool names an account that is not signed in, rather than saying none is', async () => {
    const result = await vscode.lm.invokeTool('simFleet_listAttention', { input: { accountId: 'acct-0123456789abcdef' }, toolInvocationToken: undefined });
    const text = result.content.map((p) => (p instanceof vscode.LanguageModelTextPart ? p.value : '')).join('');
    assert.match(text, /The account acct-0123456789abcdef is not signed in\./);
  });
});

/// <reference types="mocha" />
// Sign-in and sign-out in a real VS Code against a simulator this test starts: AK/SK and IAM
// credentials are checked by a real call before being kept, kept only in SecretStorage, and
// never written to settings, extension state or the log.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { SimFleetTestApi } from '../../src/testApi';
import type { UiBackend } from '../../src/host/ui';
import { getApi, scripted, withoutAttention } from './helpers';
import { startSimulator, type RunningSimulator } from '../../src/simulator/index';

/** Asserts that no secret appears in settings, extension state or the log. */
function assertNoSecretStored(api: SimFleetTestApi, secrets: string[]): void {
  const cfg = vscode.workspace.getConfiguration('simFleet');
  const settings = JSON.stringify(['endpoint', 'iamEndpoint', 'pageSize', 'autoRefreshSeconds', 'demo.cards'].map((k) => cfg.inspect(k)));
  const state = JSON.stringify(api.storedState());
  const log = api.recentLog().join('\n');
  for (const secret of secrets) {
    assert.ok(!settings.includes(secret), 'a secret is in settings');
    assert.ok(!state.includes(secret), 'a secret is in globalState/workspaceState');
    assert.ok(!log.includes(secret), 'a secret is in the log');
  }
}

describe('sign-in and sign-out', function () {
  this.timeout(60_000);
  let api: SimFleetTestApi;
  let sim: RunningSimulator;
  let originalPrompts: Partial<UiBackend>;

  before(async () => {
    api = await getApi();
    originalPrompts = api.ui.current;
    await api.accounts.signOutAll();
    sim = await startSimulator({ port: 0, cards: 120, seed: 3 });
  });

  after(async () => {
    api.ui.current = originalPrompts;
    await api.accounts.signOutAll();
    await vscode.workspace.getConfiguration('simFleet').update('endpoint', undefined, vscode.ConfigurationTarget.Global);
    await vscode.workspace.getConfiguration('simFleet').update('iamEndpoint', undefined, vscode.ConfigurationTarget.Global);
    await sim.close();
  });

  it('shows the welcome (no nodes) while signed out', async () => {
    assert.equal(api.accounts.state, 'signedOut');
    assert.deepEqual(await api.tree.getChildren(), []);
    assert.match(api.statusBarText(), /sign in/);
  });

  it('refuses wrong AK/SK after a real check and keeps nothing', async () => {
    const { info } = sim;
    api.ui.current = scripted(['aksk', info.endpoint, info.ak, 'wrong-secret-key-0000', info.projectId]);
    assert.equal(await vscode.commands.executeCommand('simFleet.account.signIn'), false);
    assert.equal(api.accounts.state, 'signedOut');
    assert.equal(await api.accounts.hasStoredCredentials(), false);
    assertNoSecretStored(api, ['wrong-secret-key-0000']);
  });

  it('signs in with AK/SK, shows the account and the fleet, and keeps the keys only in SecretStorage', async () => {
    const { info } = sim;
    api.ui.current = scripted(['aksk', info.endpoint, info.ak, info.sk, info.projectId]);
    assert.equal(await vscode.commands.executeCommand('simFleet.account.signIn'), true);
    assert.equal(api.accounts.state, 'account');
    assert.equal(await api.accounts.hasStoredCredentials(), true);
    assert.equal(vscode.workspace.getConfiguration('simFleet').get('endpoint'), info.endpoint);
    const groups = withoutAttention(await api.tree.getChildren());
    assert.equal(groups.length, 6);
    assert.equal(api.fleet().model.total(), 120);
    assertNoSecretStored(api, [info.sk]);
    // The status bar counts the fleet with its own count-only call.
    for (let i = 0; i < 50 && !/120 cards/.test(api.statusBarText()); i++) await new Promise((r) => setTimeout(r, 100));
    assert.match(api.statusBarText(), /AK .+120 cards/);
  });

  it('signs out: the credentials are deleted and the view goes back to its welcome', async () => {
    await vscode.commands.executeCommand('simFleet.account.signOut');
    assert.equal(api.accounts.state, 'signedOut');
    assert.equal(await api.accounts.hasStoredCredentials(), false);
    assert.deepEqual(await api.tree.getChildren(), []);
  });

  it('signs in as an IAM user (password → token) and never stores the password outside SecretStorage', async () => {
    const { info } = sim;
    api.ui.current = scripted(['iam', info.endpoint, info.iamEndpoint, info.domain, info.user, info.password, info.projectName]);
    assert.equal(await vscode.commands.executeCommand('simFleet.account.signIn'), true);
    assert.equal(api.accounts.state, 'account');
    assert.equal(api.accounts.all()[0]?.label, `${info.user}@${info.domain} · ${new URL(info.endpoint).host}`);
    assert.equal(await api.fleet().model.loadCounts().then(() => api.fleet().model.total()), 120);
    assertNoSecretStored(api, [info.password, info.sk]);
    await vscode.commands.executeCommand('simFleet.account.signOut');
    assert.equal(await api.accounts.hasStoredCredentials(), false);
  });

  it('refuses a wrong IAM password with a message saying to check the user and password', async () => {
    const { info } = sim;
    api.ui.current = scripted(['iam', info.endpoint, info.iamEndpoint, info.domain, info.user, 'not-the-password', info.projectName]);
    assert.equal(await vscode.commands.executeCommand('simFleet.account.signIn'), false);
    assert.equal(api.accounts.state, 'signedOut');
    assert.ok(api.recentLog().some((l) => l.startsWith('Sign-in failed')));
    assertNoSecretStored(api, ['not-the-password']);
  });
});

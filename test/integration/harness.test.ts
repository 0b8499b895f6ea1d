/// <reference types="mocha" />
// Proves the integration harness itself: these tests run inside a real VS Code extension host
// (not a stub) and the extension under development is loaded from this repository.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';

const EXTENSION_ID = 'simfleet.sim-fleet';

describe('integration harness', () => {
  it('runs inside a real VS Code extension host', () => {
    assert.match(vscode.version, /^1\.\d+\.\d+/);
    assert.equal(typeof vscode.window.showInformationMessage, 'function');
  });

  it('loads and activates the SIM Fleet extension under development', async () => {
    const ext = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(ext, `${EXTENSION_ID} is not among the loaded extensions`);
    assert.equal(ext.packageJSON.name, 'sim-fleet');
    await ext.activate();
    assert.equal(ext.isActive, true);
  });
});

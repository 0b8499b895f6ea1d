/// <reference types="mocha" />
// Every command package.json contributes is registered, and every command SIM Fleet registers is
// in package.json: a command missing from either side is a menu that does nothing or a feature
// nobody can find.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { COMMAND_IDS } from '../../src/core/commandIds';
import { EXTENSION_ID, getApi } from './helpers';

describe('commands', () => {
  it('registers exactly the commands package.json contributes', async () => {
    await getApi();
    const manifest = vscode.extensions.getExtension(EXTENSION_ID)!.packageJSON as { contributes: { commands: Array<{ command: string }>; views: Record<string, Array<{ id: string }>> } };
    const contributed = manifest.contributes.commands.map((c) => c.command).sort();
    // VS Code adds its own commands for each view (`simFleet.cards.focus`, …); those are not ours.
    const viewCommands = new Set(Object.values(manifest.contributes.views).flatMap((views) => views.flatMap((v) => ['focus', 'open', 'removeView', 'resetViewLocation', 'toggleVisibility'].map((c) => `${v.id}.${c}`))));
    const registered = (await vscode.commands.getCommands(true)).filter((id) => id.startsWith('simFleet.') && !viewCommands.has(id)).sort();
    assert.deepEqual(registered, contributed);
    assert.deepEqual([...COMMAND_IDS].sort(), contributed);
  });
});

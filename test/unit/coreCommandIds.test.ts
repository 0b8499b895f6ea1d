// Command ids are a typed union (src/core/commandIds.ts); package.json must list exactly those
// commands, and its menus, key bindings and welcome views may only name them.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { COMMAND_IDS } from '../../src/core/commandIds';

interface Manifest {
  contributes: {
    commands: Array<{ command: string; category?: string; title: string }>;
    menus: Record<string, Array<{ command: string }>>;
    viewsWelcome?: Array<{ contents: string }>;
  };
}
const manifest = JSON.parse(readFileSync('package.json', 'utf8')) as Manifest;
const nls = JSON.parse(readFileSync('package.nls.json', 'utf8')) as Record<string, string>;

test('package.json contributes exactly the typed command ids, each with a category and a title', () => {
  assert.deepEqual(manifest.contributes.commands.map((c) => c.command).sort(), [...COMMAND_IDS].sort());
  for (const c of manifest.contributes.commands) {
    assert.equal(c.category, '%category%', c.command);
    assert.ok(nls[c.title.replace(/%/g, '')], `${c.command} has a title`);
  }
});

test('menus and welcome links name only known commands', () => {
  const known = new Set<string>(COMMAND_IDS);
  for (const [menu, entries] of Object.entries(manifest.contributes.menus)) for (const e of entries) assert.ok(known.has(e.command), `${menu}: ${e.command}`);
  for (const key of Object.keys(nls).filter((k) => k.startsWith('welcome.'))) {
    for (const m of nls[key].matchAll(/\(command:([\w.]+)\)/g)) assert.ok(known.has(m[1]), `${key}: ${m[1]}`);
  }
});

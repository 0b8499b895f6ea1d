// Every user-facing string of the fleet explorer must exist in Simplified Chinese too: the
// strings passed to `t(...)` in its sources, the enum tables it translates, and package.nls.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import * as path from 'node:path';
import { HOVER_LINKS } from '../../src/core/cardHover';
import { ACTION_NOUNS, ACTION_WORDS, BLOCKED_REASONS } from '../../src/core/cardRules';
import { SUMMARY_TEXTS } from '../../src/core/actionSummary';
import { IDENTIFIER_WORDS } from '../../src/core/identifiers';
import { BACK_POOL_STATUS_WORDS, FLOW_POOL_STATUS_WORDS, PLAN_INSTANCE_STATUS_WORDS, SMS_STATUS_WORDS, WORK_ORDER_LINE_WORDS, WORK_ORDER_SOURCE_WORDS, WORK_ORDER_STATUS_WORDS, WORK_ORDER_TYPE_WORDS } from '../../src/core/words';
import { SORT_KEY_WORDS } from '../../src/fleet/filter';
import { MONTH_DAY_WORDS, REASON_WORDS, shortDay } from '../../src/core/attentionWords';
import { DISMISS_WORDS, dismissNoteProblem } from '../../src/core/dismissals';
import { CHANGE_SECTION_WORDS } from '../../src/core/changeWords';

const root = path.join(__dirname, '..', '..', '..');
const read = (p: string) => readFileSync(path.join(root, p), 'utf8');
const json = (p: string) => JSON.parse(read(p)) as Record<string, string>;

function sources(): string[] {
  const dirs = ['src/core', 'src/core/plans', 'src/host', 'src/fleet', 'src/fleet/nodes', 'src/commands', 'src/editor', 'src/tools'];
  return ['src/extension.ts', ...dirs.flatMap((d) => readdirSync(path.join(root, d)).filter((f) => f.endsWith('.ts')).map((f) => `${d}/${f}`))];
}

test('every t("…") string in the extension sources has a zh-cn translation', () => {
  // VS Code reads one bundle, assembled from every part (esbuild.mjs).
  const zh = Object.assign({}, ...readdirSync(path.join(root, 'l10n/parts')).map((f) => json(`l10n/parts/${f}`))) as Record<string, string>;
  const missing: string[] = [];
  for (const file of sources()) {
    for (const m of read(file).matchAll(/(?:\bt|l10n\.t)\(\s*'((?:[^'\\]|\\.)*)'/g)) {
      const key = m[1].replace(/\\'/g, "'");
      if (!(key in zh)) missing.push(`${file}: ${key}`);
    }
    // The core's input checks return their sentence untranslated (`problem('…')`, `message: '…'`); the caller translates it.
    if (file.startsWith('src/core/')) {
      for (const m of read(file).matchAll(/(?:\bproblem\(|\bmessage: )\s*'((?:[^'\\]|\\.)*)'/g)) {
        const key = m[1].replace(/\\'/g, "'");
        if (!(key in zh)) missing.push(`${file}: ${key}`);
      }
    }
  }
  const tables = [
    ACTION_WORDS,
    ACTION_NOUNS,
    BLOCKED_REASONS,
    SORT_KEY_WORDS,
    SMS_STATUS_WORDS,
    IDENTIFIER_WORDS,
    // Needs attention's words, its dismissals' and What Changed's.
    REASON_WORDS,
    DISMISS_WORDS,
    MONTH_DAY_WORDS,
    CHANGE_SECTION_WORDS,
    // The Work Orders view's words.
    WORK_ORDER_TYPE_WORDS,
    WORK_ORDER_STATUS_WORDS,
    WORK_ORDER_SOURCE_WORDS,
    WORK_ORDER_LINE_WORDS,
    // The Pools view's words.
    FLOW_POOL_STATUS_WORDS,
    BACK_POOL_STATUS_WORDS,
    // The detail panel's plans.
    PLAN_INSTANCE_STATUS_WORDS,
  ].flatMap((x) => Object.values(x));
  // The dismissal note's problems, which the command translates.
  for (const note of ['x'.repeat(201), 'a\tb']) tables.push(dismissNoteProblem(note) ?? `no problem with ${JSON.stringify(note)}`);
  for (const key of [...tables, ...SUMMARY_TEXTS, ...HOVER_LINKS.map(([, label]) => label)]) if (!(key in zh)) missing.push(key);
  assert.deepEqual(missing, []);
});

test('translations keep their {n} placeholders', () => {
  const zh = Object.assign({}, ...readdirSync(path.join(root, 'l10n/parts')).map((f) => json(`l10n/parts/${f}`))) as Record<string, string>;
  for (const [en, cn] of Object.entries(zh)) {
    const holes = (s: string) => [...s.matchAll(/\{\d+\}/g)].map((x) => x[0]).sort();
    assert.deepEqual(holes(cn), holes(en), en);
  }
});

test('package.nls.zh-cn.json translates every package.nls.json key, and package.json uses only known keys', () => {
  const en = json('package.nls.json');
  const zh = json('package.nls.zh-cn.json');
  assert.deepEqual(Object.keys(zh).sort(), Object.keys(en).sort());
  const used = [...read('package.json').matchAll(/"%([^%"]+)%"/g)].map((m) => m[1]);
  assert.deepEqual(used.filter((k) => !(k in en)), []);
});

test('a forecast day reads as people say it in either language: "Dec 12", "12月12日"', () => {
  const zh = Object.assign({}, ...readdirSync(path.join(root, 'l10n/parts')).map((f) => json(`l10n/parts/${f}`))) as Record<string, string>;
  const fill = (table: Record<string, string>) => (s: string, ...args: unknown[]) => (table[s] ?? s).replace(/\{(\d+)\}/g, (_, i: string) => String(args[Number(i)]));
  const day = Date.UTC(2026, 11, 12);
  assert.equal(shortDay(day, fill({})), 'Dec 12');
  assert.equal(shortDay(day, fill(zh)), '12月12日');
  assert.equal(fill(zh)('runs out ~{0}', shortDay(day, fill(zh))), '约 12月12日 用完');
});

// Change plans (`*.simplan.csv`, `*.simplan.json`): how a file is read, what each change is
// judged against the fleet's facts, what the results file keeps, and that the JSON schema VS Code
// validates with is the one the action table makes.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import type { SimDeviceVO } from '../../src/gsl/models';
import type { CardAction } from '../../src/core/cardRules';
import { CARD_ACTIONS, actionApplies, whyNotApplicable } from '../../src/core/cardRules';
import { luhnValid } from '../../src/core/cardInputs';
import { PLAN_ACTIONS, planAction, planActionNames, readSpeed } from '../../src/core/plans/planActions';
import { planFormatOf, readPlan } from '../../src/core/plans/planFile';
import type { CardAnswer, PlanFacts, Verdict } from '../../src/core/plans/planCheck';
import { judgeChanges, readChanges, verdictCounts } from '../../src/core/plans/planCheck';
import type { PlanResult } from '../../src/core/plans/planResults';
import { matchResults, readResults, resultsFileName, writeResults } from '../../src/core/plans/planResults';
import { applyGroups, resultsBeforeSending } from '../../src/core/plans/planApply';
import { planSchema, planSchemaText } from '../../src/core/plans/planSchema';

const root = path.join(__dirname, '..', '..', '..');
const t = (s: string, ...args: Array<string | number | boolean>): string => s.replace(/\{(\d+)\}/g, (_, i: string) => String(args[Number(i)]));

/** A valid ICCID (Luhn check digit) from its first 19 digits. */
function iccid(first19: string): string {
  for (let d = 0; d <= 9; d++) if (luhnValid(first19 + d)) return first19 + d;
  throw new Error('unreachable');
}
const A = iccid('8986031234567890123');
const B = iccid('8986031234567890124');
const C = iccid('8986031234567890125');

const card = (over: Partial<SimDeviceVO>): SimDeviceVO => ({ sim_card_id: '1', sim_status: 20, sim_type: 3, price_plan_name: 'China Telecom 1GB', ...over }) as SimDeviceVO;

function facts(cards: Map<number, CardAnswer>, over: Partial<PlanFacts> = {}): PlanFacts {
  return {
    now: Date.parse('2026-11-30T12:00:00Z'),
    cards,
    tagNames: () => new Set(['vip', 'cold-chain']),
    attributes: () => [{ slot: 1, name: 'Site', enabled: true }],
    pendingAction: () => undefined,
    lastStart: () => undefined,
    previous: new Map(),
    workOrder: () => undefined,
    resultsName: 'fleet.simplan.results.csv',
    ...over,
  };
}

/** Reads a CSV plan and judges it, every readable change's card found as `found` says. */
function judge(text: string, found: Record<string, SimDeviceVO>, over: Partial<PlanFacts> = {}): Verdict[] {
  const file = readPlan(text, 'csv');
  const changes = readChanges(file, text, t);
  const cards = new Map<number, CardAnswer>();
  for (const c of changes) {
    const value = c.entry.fields.card?.text ?? '';
    if (found[value]) cards.set(c.index, { state: 'found', accountId: 'acc', card: found[value] });
    else if (c.card) cards.set(c.index, { state: 'absent', accounts: ['Demo'] });
  }
  return judgeChanges(changes, facts(cards, over), t);
}
const kinds = (v: Verdict) => v.findings.map((f) => f.kind);

test('a plan file is *.simplan.csv or *.simplan.json; its results sit next to it', () => {
  assert.equal(planFormatOf('/w/fleet.simplan.csv'), 'csv');
  assert.equal(planFormatOf('/w/Fleet.SIMPLAN.JSON'), 'json');
  assert.equal(planFormatOf('/w/fleet.csv'), undefined);
  assert.equal(resultsFileName('fleet.simplan.csv'), 'fleet.simplan.results.csv');
  assert.equal(resultsFileName('fleet.simplan.json'), 'fleet.simplan.results.json');
});

test('CSV plans: header in any order, comments, quoted cells with commas and quotes, BOM, CRLF, offsets of each cell', () => {
  const text = `\uFEFF# a comment, with "quotes"\r\nAction,Card,Value,Note\r\naddTags,${A},"vip, cold-chain",\r\nsendSms,${B},"say ""hi""",x\r\n\r\n`;
  const plan = readPlan(text, 'csv');
  assert.deepEqual(plan.problems, []);
  assert.equal(plan.entries.length, 2);
  const [first, second] = plan.entries;
  assert.equal(first.fields.card?.text, A);
  assert.equal(first.fields.value?.text, 'vip, cold-chain');
  assert.equal(text.slice(first.fields.card?.start, first.fields.card?.end), A);
  assert.equal(second.fields.value?.text, 'say "hi"');
  assert.equal(second.fields.note?.text, 'x');
  // A semicolon-separated export from a spreadsheet reads the same.
  assert.equal(readPlan(`card;action\n${A};stop\n`, 'csv').entries[0].fields.action?.text, 'stop');
});

test('CSV plans without a card and an action column, or with extra cells, say so', () => {
  assert.match(readPlan('iccid,whatever\n1,2\n', 'csv').problems[0].problem.message, /first row must name the columns/);
  assert.match(readPlan('', 'csv').problems[0].problem.message, /empty/);
  const extra = readPlan(`card,action\n${A},stop,oops\n`, 'csv');
  assert.equal(extra.problems[0].severity, 'warning');
  assert.match(extra.problems[0].problem.message, /more cells than the header/);
});

test('JSON plans: an array or { account, changes }; unquoted ICCIDs keep every digit; syntax errors name the line', () => {
  const text = `{\n  "account": "Demo",\n  "changes": [\n    { "card": ${A}, "action": "addTags", "value": ["vip", "cold-chain"] },\n    { "card": "${B}", "action": "stop", "extra": 1 }\n  ]\n}`;
  const plan = readPlan(text, 'json');
  assert.equal(plan.account?.text, 'Demo');
  assert.equal(plan.entries[0].fields.card?.text, A);
  assert.deepEqual(plan.entries[0].fields.value?.items, ['vip', 'cold-chain']);
  assert.match(plan.problems[0].problem.message, /is not read/);
  assert.equal(readPlan(`[{ "card": "${A}", "action": "stop" }]`, 'json').entries.length, 1);
  const broken = readPlan('[\n{ "card": "1", \n "action" "stop" }]', 'json');
  assert.deepEqual(broken.problems[0].problem, { message: 'The plan is not valid JSON (line {0}); fix the syntax there.', args: [3] });
  assert.equal(readPlan('[1]', 'json').entries[0].unreadable?.message, 'A change is an object: { "card": …, "action": … }.');
});

test('every action of the runner is a plan action, under its own name and any case or spacing', () => {
  assert.deepEqual(Object.keys(PLAN_ACTIONS).sort(), [...CARD_ACTIONS].sort());
  for (const a of CARD_ACTIONS) assert.equal(planAction(a), a);
  assert.equal(planAction('Limit-Speed'), 'limitSpeed');
  assert.equal(planAction('network off'), 'cutNetwork');
  assert.equal(planAction('reboot'), undefined);
  assert.equal(readSpeed('1 Mbps'), 1024);
  assert.equal(readSpeed('7.25Mbps'), 7424);
  assert.equal(readSpeed('512'), 512);
  assert.equal(readSpeed('none'), -1);
  assert.equal(readSpeed('fast'), undefined);
});

test('lines that cannot run as written: unreadable card, unknown action, invalid values (the input checks of the commands)', () => {
  const text = [
    'card,action,value,attribute',
    `not a card!,stop,,`,
    `${A},reboot,,`,
    `${A},setUsageCutoff,ten,`,
    `${A},limitSpeed,fast,`,
    `${A},bindImei,490154203237519,`,
    `${A},addTags,"a,${'x'.repeat(40)}",`,
    `${A},setAttribute,v,`,
    `${A},stop,now,`,
    `${A},sendSms,,`,
  ].join('\n');
  const changes = readChanges(readPlan(text, 'csv'), text, t);
  const first = (i: number) => changes[i].findings[0];
  assert.equal(first(0).kind, 'unreadable');
  assert.equal(first(0).field, 'card');
  assert.equal(first(1).kind, 'unknownAction');
  assert.match(first(1).message, /"reboot" is not an action/);
  assert.equal(changes[1].line, 3);
  for (const i of [2, 3, 4, 5, 6, 7, 8]) assert.equal(first(i).kind, 'invalidValue', `line ${changes[i].line}`);
  assert.match(first(2).message, /whole number/); // cardInputs' quotaProblem
  assert.match(first(4).message, /check digit/); // cardInputs' imeiProblem
  assert.match(first(5).message, /at most 32 characters/); // cardInputs' tagNameProblem
  assert.equal(first(6).field, 'attribute');
  assert.match(first(7).message, /takes no value/);
});

test('against the fleet: unknown card, status, card type, carrier, already done, pending work order, the 5-minute rule', () => {
  const text = ['card,action,value', `${A},resume,`, `${B},activate,`, `${C},stop,`, `${iccid('8986031234567890126')},stop,`].join('\n');
  const found = { [A]: card({ sim_status: 20 }), [B]: card({ sim_status: 10, sim_type: 1, sim_card_id: '2' }), [C]: card({ sim_status: 20, sim_card_id: '3' }) };
  const v = judge(text, found);
  assert.deepEqual(v.map((x) => x.state), ['done', 'blocked', 'ready', 'blocked']);
  assert.deepEqual(kinds(v[0]), ['done']);
  assert.match(v[1].findings[0].message, /physical cards only/);
  assert.deepEqual(kinds(v[3]), ['unknownCard']);

  const status = judge(`card,action\n${A},stop\n`, { [A]: card({ sim_status: 10 }) });
  assert.match(status[0].findings[0].message, /applies to cards that are .*; this card is/);
  const carrier = judge(`card,action\n${A},cutNetwork\n`, { [A]: card({ price_plan_name: 'China Mobile 1GB' }) });
  assert.match(carrier[0].findings[0].message, /China Telecom cards only/);

  const pending = judge(`card,action\n${A},stop\n`, { [A]: card({}) }, { pendingAction: () => 'limitSpeed' });
  assert.deepEqual(kinds(pending[0]), ['pendingWorkOrder']);
  const now = Date.parse('2026-11-30T12:00:00Z');
  const recent = judge(`card,action\n${A},stop\n`, { [A]: card({}) }, { lastStart: () => now - 60_000, formatTime: (ms) => new Date(ms).toISOString().slice(11, 16) });
  assert.deepEqual(kinds(recent[0]), ['fiveMinuteRule']);
  assert.match(recent[0].findings[0].message, /at 11:59.*after 12:04/);
  const later = judge(`card,action\n${A},stop\n`, { [A]: card({}) }, { lastStart: () => now - 6 * 60_000 });
  assert.equal(later[0].state, 'ready');
});

test('the checker asks cardRules for applicability: whyNotApplicable and actionApplies agree for every action and card', () => {
  const cards = [10, 11, 13, 14, 20, 30].flatMap((s) =>
    ['China Telecom 1GB', 'China Unicom', 'China Mobile'].flatMap((plan) => [1, 3].map((type) => card({ sim_status: s as SimDeviceVO['sim_status'], sim_type: type as SimDeviceVO['sim_type'], price_plan_name: plan, cut_net_flag: s === 20, real_named: s === 14 }))),
  );
  for (const c of cards) for (const a of CARD_ACTIONS) assert.equal(actionApplies(a, c), whyNotApplicable(a, c) === undefined, `${a} ${JSON.stringify(c)}`);
});

test('repeats: the same line twice, the same card twice for one action, a second work order on one card', () => {
  const text = ['card,action,value', `${A},addTags,vip`, `${A},addTags,vip`, `${B},stop,`, `${B},limitSpeed,1 Mbps`, `${B},addTags,vip`].join('\n');
  const v = judge(text, { [A]: card({}), [B]: card({ sim_card_id: '2' }) });
  assert.deepEqual(v.map((x) => x.state), ['ready', 'blocked', 'ready', 'blocked', 'ready']);
  assert.match(v[1].findings[0].message, /Line 2 has the same change/);
  assert.match(v[3].findings[0].message, /Line 4 already starts a work order/);
});

test('a second work order on a card is held back only while the first is to be sent: not after a line already done', () => {
  const text = ['card,action,value', `${A},stop,`, `${A},limitSpeed,1 Mbps`].join('\n');
  // The card is stopped already: line 2 is done, and line 3 starts the only work order.
  const v = judge(text, { [A]: card({ sim_status: 14 }) });
  assert.deepEqual(v.map((x) => x.state), ['done', 'ready']);
});

test('tags the account lacks and attributes by name are checked against the account', () => {
  const text = ['card,action,value,attribute', `${A},addTags,"vip,ghost",`, `${B},setAttribute,Hangar 7,site`, `${C},setAttribute,x,Colour`].join('\n');
  const v = judge(text, { [A]: card({}), [B]: card({ sim_card_id: '2' }), [C]: card({ sim_card_id: '3' }) });
  assert.match(v[0].findings[0].message, /no tag named "ghost"/);
  assert.equal(v[1].state, 'ready');
  assert.equal(v[1].input?.slot, 1);
  assert.match(v[2].findings[0].message, /no custom attribute "Colour"; its attributes are: Site/);
});

test('re-applying: what an earlier apply did is skipped and says so; a lost answer is never sent again on its own', () => {
  const text = ['card,action', `${A},stop`, `${B},stop`, `${C},stop`].join('\n');
  const changes = readChanges(readPlan(text, 'csv'), text, t);
  const prior: PlanResult[] = [
    { line: 2, card: A, action: 'stop', value: '', attribute: '', account: '', outcome: 'succeeded', detail: '', workOrderId: 'W1', cardId: '1', sentAt: '2026-11-30T10:00:00Z' },
    { line: 3, card: B, action: 'stop', value: '', attribute: '', account: '', outcome: 'may-have-been-carried-out', detail: '', cardId: '2', sentAt: '2026-11-30T10:00:00Z' },
  ];
  const previous = matchResults(changes, prior);
  const cards = new Map<number, CardAnswer>([
    [0, { state: 'found', accountId: 'acc', card: card({ sim_status: 14 }) }],
    [1, { state: 'found', accountId: 'acc', card: card({ sim_card_id: '2' }) }],
    [2, { state: 'found', accountId: 'acc', card: card({ sim_card_id: '3' }) }],
  ]);
  const v = judgeChanges(changes, facts(cards, { previous }), t);
  assert.deepEqual(v.map((x) => x.state), ['done', 'blocked', 'ready']);
  assert.match(v[0].findings[0].message, /Done in an earlier apply \(work order W1\); not sent again/);
  assert.equal(v[1].findings[0].kind, 'uncertain');
  assert.match(v[1].findings[0].message, /may have been carried out/);
  assert.deepEqual(verdictCounts(v), { ready: 1, blocked: 1, done: 1, unchecked: 0, perAction: [['stop', 1]] });
  // Only the ready change goes out; the results file keeps the done one's work order.
  assert.deepEqual(applyGroups(v).map((g) => g.verdicts.map((x) => x.change.line)), [[4]]);
  const before = resultsBeforeSending(v, previous, t);
  // The lost answer stays open in the results file, so no later Apply takes it for unsent either.
  assert.deepEqual(before.map((r) => r.outcome), ['succeeded', 'may-have-been-carried-out', 'not-sent']);
  assert.equal(before[1].sentAt, '2026-11-30T10:00:00Z');
  assert.equal(before[0].workOrderId, 'W1');
});

test('Apply groups changes by account, action and input: one run of the runner each', () => {
  const text = ['card,action,value', `${A},addTags,vip`, `${B},addTags,vip`, `${C},addTags,cold-chain`, `${A},stop,`].join('\n');
  const v = judge(text, { [A]: card({}), [B]: card({ sim_card_id: '2' }), [C]: card({ sim_card_id: '3' }) });
  const groups = applyGroups(v).map((g) => [g.action, g.verdicts.length]);
  assert.deepEqual(groups, [['stop', 1], ['addTags', 2], ['addTags', 1]]);
});

test('results files round-trip in CSV and JSON, and formula-like text opens as text in a spreadsheet', () => {
  const results: PlanResult[] = [
    { line: 2, card: A, action: 'sendSms', value: '=HYPERLINK("x")', attribute: '', account: 'Demo', outcome: 'refused', detail: '+ refused, "quoted"', cardId: '1' },
    { line: 3, card: B, action: 'stop', value: '', attribute: '', account: '', outcome: 'work-order-pending', detail: 'Accepted', workOrderId: 'W9', sentAt: '2026-11-30T10:00:00.000Z' },
  ];
  const csv = writeResults(results, 'csv', 'p.simplan.csv', new Date(0));
  assert.match(csv, /'=HYPERLINK/);
  assert.deepEqual(readResults(csv, 'csv'), results.map((r) => ({ ...r, cardId: r.cardId, finishedAt: undefined, sentAt: r.sentAt, workOrderId: r.workOrderId })));
  assert.deepEqual(readResults(writeResults(results, 'json', 'p.simplan.json', new Date(0)), 'json'), results.map((r) => ({ ...r, finishedAt: undefined, sentAt: r.sentAt, workOrderId: r.workOrderId, cardId: r.cardId })));
  assert.deepEqual(readResults('not json', 'json'), []);
});

test('schemas/simplan.schema.json is what the action table makes, and names every action with its aliases', () => {
  const file = readFileSync(path.join(root, 'schemas', 'simplan.schema.json'), 'utf8');
  assert.equal(file, planSchemaText(), 'run `npm run build && node scripts/write-plan-schema.mjs`');
  const schema = planSchema() as { definitions: { change: { properties: { action: { enum: string[]; enumDescriptions: string[] } }; allOf: Array<{ if: { properties: { action: { enum: string[] } } }; then: { properties: { value: unknown }; required?: string[] } }> } } };
  const change = schema.definitions.change;
  assert.deepEqual(change.properties.action.enum, planActionNames());
  assert.equal(change.properties.action.enumDescriptions.length, planActionNames().length);
  // One branch per action, in table order, saying whether it takes a value and an attribute.
  assert.deepEqual(change.allOf.map((b) => b.if.properties.action.enum[0]), [...CARD_ACTIONS]);
  for (const [i, a] of CARD_ACTIONS.entries()) {
    const spec = PLAN_ACTIONS[a as CardAction];
    const branch = change.allOf[i].then;
    assert.equal(branch.properties.value === false, spec.value === 'none', a);
    assert.equal(branch.required?.includes('value') ?? false, spec.valueRequired, a);
    assert.equal(branch.required?.includes('attribute') ?? false, spec.attribute, a);
  }
});

test('the manifest validates *.simplan.json with the schema, and the package includes it', () => {
  const pkg = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as { contributes: { jsonValidation: Array<{ fileMatch: string[]; url: string }> } };
  assert.deepEqual(pkg.contributes.jsonValidation, [{ fileMatch: ['*.simplan.json'], url: './schemas/simplan.schema.json' }]);
  assert.match(readFileSync(path.join(root, '.vscodeignore'), 'utf8'), /^!schemas\/simplan\.schema\.json$/m);
});

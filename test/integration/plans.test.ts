/// <reference types="mocha" />
// Change plans in a real VS Code on the demo fleet: a diagnostic on each line that cannot run as
// written; a dry run that checks every line against the live fleet and changes nothing (the
// simulator's counters prove it); Apply asking once, sending each change once and writing the
// results file, with one line the service refuses; and a second Apply that skips what is done and
// never resends a change whose answer was lost.
import * as assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { ApplyPlanResult } from '../../src/commands/applyPlan';
import type { DryRunResult } from '../../src/commands/dryRunPlan';
import type { CardActionResult } from '../../src/commands/runCardAction';
import type { CardAction } from '../../src/core/cardRules';
import { ACTION_COMMANDS } from '../../src/core/commandIds';
import { actionOffered, carrierOf } from '../../src/core/cardRules';
import { csvTable } from '../../src/core/plans/planFile';
import { luhnValid } from '../../src/gsl/luhn';
import type { SimDeviceVO } from '../../src/gsl/models';
import type { DemoFleet } from '../../src/host/demoFleet';
import type { Card } from '../../src/simulator/index';
import type { SimFleetTestApi } from '../../src/testApi';
import { getApi, scripted, until, unusedCards } from './helpers';

const CARDS = 1200;
const withCheck = (body: string): string => body + [...'0123456789'].find((d) => luhnValid(body + d))!;
/** A valid ICCID no generated fleet holds (its issuer codes are 898600–898611). */
const STRANGER = withCheck('898690000000000004');
const HOSTILE = '<img src=x onerror=alert(1)> [x](command:simFleet.account.signOut)';

describe('change plans', function () {
  this.timeout(120_000);
  let api: SimFleetTestApi;
  let demo: DemoFleet;
  let folder: string;
  const used = new Set<string>();
  const asked: string[] = [];

  /** Cards of the demo the action is offered for, not used by another test yet, with no work order running. */
  const fresh = (action: CardAction, n: number, where?: (c: Card) => boolean): SimDeviceVO[] => unusedCards(demo, used, action, n, where, (id) => api.fleet().tracker.isPending(id));
  const vo = (c: SimDeviceVO) => demo.simulator.store.byCardId(c.sim_card_id)!.vo;
  const stats = () => demo.simulator.stats();
  /** Requests that change something: every non-GET operation but signing in. */
  const mutations = () => Object.entries(stats().operations).reduce((n, [op, count]) => (op.startsWith('GET ') || op.includes('/auth/') ? n : n + count), 0);
  const cardOps = (c: SimDeviceVO, op: string) => stats().cardOperations[c.sim_card_id]?.[op] ?? 0;
  const opCount = (op: string) => stats().operations[op] ?? 0;
  const node = (card: SimDeviceVO) => ({ card, accountId: api.fleet().account.id });

  function writePlan(name: string, lines: string[]): vscode.Uri {
    const file = path.join(folder, name);
    writeFileSync(file, `${lines.join('\n')}\n`);
    return vscode.Uri.file(file);
  }

  /** The diagnostics' codes of each line of the plan (1-based), once the check has run. */
  async function diagnosticsByLine(uri: vscode.Uri, expectedLines: number): Promise<Map<number, string[]>> {
    await until(() => new Set(vscode.languages.getDiagnostics(uri).map((d) => d.range.start.line)).size >= expectedLines);
    const out = new Map<number, string[]>();
    for (const d of vscode.languages.getDiagnostics(uri)) out.set(d.range.start.line + 1, [...(out.get(d.range.start.line + 1) ?? []), String(d.code)]);
    return out;
  }

  async function runAction(action: CardAction, card: SimDeviceVO, answers: unknown[]): Promise<CardActionResult> {
    api.ui.current = scripted(answers, asked);
    const result = (await vscode.commands.executeCommand(ACTION_COMMANDS[action], node(card), [node(card)])) as CardActionResult | undefined;
    assert.ok(result);
    return result;
  }

  /** Runs Apply; `agree` answers its one question (undefined: no question may be asked), which is kept in `asked` with its detail. */
  async function apply(uri: vscode.Uri, agree: boolean | undefined): Promise<ApplyPlanResult> {
    let questions = 0;
    api.ui.current = {
      confirm: async (message, detail) => {
        questions++;
        asked.push(`${message}\n${detail}`);
        assert.notEqual(agree, undefined, `unexpected question: ${message}`);
        return agree ?? false;
      },
    };
    const result = (await vscode.commands.executeCommand('simFleet.plan.apply', uri)) as ApplyPlanResult | undefined;
    assert.equal(questions, agree === undefined ? 0 : 1, 'Apply asks once');
    assert.ok(result);
    return result;
  }

  /** The results file next to the plan, as rows of cells by column name. */
  function resultsOf(uri: vscode.Uri): Array<Record<string, string>> {
    const text = readFileSync(uri.fsPath.replace(/\.csv$/, '.results.csv'), 'utf8');
    const [header, ...rows] = csvTable(text);
    return rows.map((cells) => Object.fromEntries(header.map((h, i) => [h, cells[i] ?? ''])));
  }

  before(async () => {
    api = await getApi();
    await api.accounts.signOutAll();
    // Work orders end when a test settles them, so one can be caught while it runs.
    demo = await api.accounts.startDemo({ cards: CARDS, workOrderMs: 600_000 });
    await api.refresh.refreshNow();
    const root = vscode.workspace.workspaceFolders?.[0]?.uri.fsPath;
    assert.ok(root, 'the test workbench has a folder open');
    folder = root;
  });

  afterEach(() => {
    api.ui.current = {};
    demo.simulator.setFaults(undefined);
  });

  after(async () => {
    demo.simulator.settleWorkOrders();
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await api.accounts.signOutAll();
  });

  it('New Change Plan writes a commented example into the workspace, or rows for the selected cards', async () => {
    const blank = (await vscode.commands.executeCommand('simFleet.plan.new')) as vscode.Uri | undefined;
    assert.ok(blank);
    assert.match(path.basename(blank.fsPath), /^changes(-\d+)?\.simplan\.csv$/);
    const text = readFileSync(blank.fsPath, 'utf8');
    assert.match(text, /^# SIM Fleet change plan: one change a row\./);
    assert.match(text, /^# Actions: resume, stop, activate, .*sendSms\.$/m);
    assert.match(text, /^card,action,value,attribute,note$/m);
    assert.equal(vscode.window.activeTextEditor?.document.uri.fsPath, blank.fsPath);
    const [card] = fresh('stop', 1);
    const rows = (await vscode.commands.executeCommand('simFleet.plan.new', node(card), [node(card)])) as vscode.Uri | undefined;
    assert.ok(rows && rows.fsPath !== blank.fsPath);
    assert.match(readFileSync(rows.fsPath, 'utf8'), new RegExp(`^${card.iccid},,,,$`, 'm'));
    // The row waits for its action, and the diagnostics say so.
    const codes = await diagnosticsByLine(rows, 1);
    assert.deepEqual([...codes.values()], [['unknownAction']]);
  });

  it('marks each line that cannot run as written: unreadable, unknown action or card, invalid value, status, pending work order, the 5-minute rule', async () => {
    const telecom = (c: Card) => carrierOf(c.vo) === 'China Telecom' && c.vo.sim_status === 20 && actionOffered('stop', c.vo, false);
    const [ok, unknownAction, badValue] = fresh('stop', 3);
    const [testable] = fresh('activate', 1);
    const [recent, pending] = fresh('setUsageCutoff', 2, telecom);
    // One usage cut-off set and ended (the 5-minute rule holds it), one still running.
    const first = await runAction('setUsageCutoff', recent, ['500', true]);
    demo.simulator.settleWorkOrders();
    await first.finished;
    await runAction('setUsageCutoff', pending, ['500', true]);
    assert.equal(api.fleet().tracker.isPending(pending.sim_card_id), true);

    const uri = writePlan('checks.simplan.csv', [
      '# Every row but the first has something to fix.',
      'card,action,value,note',
      `${ok.iccid},stop,,fine`,
      `not a card!,stop,,`,
      `${unknownAction.iccid},reboot,,`,
      `${STRANGER},stop,,`,
      `${testable.iccid},stop,,`,
      `${badValue.iccid},setUsageCutoff,ten,`,
      `${pending.iccid},stop,,`,
      `${recent.iccid},setUsageCutoff,600,`,
    ]);
    await vscode.window.showTextDocument(uri);
    const codes = await diagnosticsByLine(uri, 7);
    assert.deepEqual(
      [...codes].sort(([a], [b]) => a - b),
      [
        [4, ['unreadable']],
        [5, ['unknownAction']],
        [6, ['unknownCard']],
        [7, ['notApplicable']],
        [8, ['invalidValue']],
        [9, ['pendingWorkOrder']],
        [10, ['fiveMinuteRule']],
      ],
    );
    const messages = vscode.languages.getDiagnostics(uri).map((d) => d.message);
    assert.ok(messages.some((m) => m.includes('"reboot" is not an action a plan can take')));
    assert.ok(messages.some((m) => /whole number/.test(m)), 'the command\'s own input check words the invalid threshold');
    assert.ok(messages.some((m) => /within 5 minutes/.test(m)));
    // CodeLens: Dry Run and Apply at the top of the file, and the counts.
    const lenses = await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', uri);
    const commands = lenses.map((l) => l.command?.command);
    assert.ok(commands.includes('simFleet.plan.dryRun') && commands.includes('simFleet.plan.apply'), commands.join(', '));
    await until(async () => (await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', uri)).some((l) => l.command?.title === '1 ready · 7 with problems · 0 done'));

    demo.simulator.settleWorkOrders();
    await until(() => !api.fleet().tracker.isPending(pending.sim_card_id));
  });

  it('a diagnostic that names a card follows Hide identifiers', async () => {
    const uri = writePlan('hidden.simplan.csv', ['card,action', `${STRANGER},stop`]);
    await vscode.window.showTextDocument(uri);
    const message = () => vscode.languages.getDiagnostics(uri).find((d) => d.code === 'unknownCard')?.message ?? '';
    await until(() => message().includes(STRANGER));
    const config = vscode.workspace.getConfiguration('simFleet');
    await config.update('hideIdentifiers', true, vscode.ConfigurationTarget.Global);
    try {
      await until(() => message() !== '' && !message().includes(STRANGER));
      assert.match(message(), /^No card of demo answers to ICCID 8986•+\d{4}; check the number, or the account\.$/);
    } finally {
      await config.update('hideIdentifiers', undefined, vscode.ConfigurationTarget.Global);
    }
    await until(() => message().includes(STRANGER));
  });

  it('reads a JSON plan: diagnostics on the value at fault, and VS Code validates the file with the contributed schema', async () => {
    const [ok, other] = fresh('stop', 2);
    const uri = writePlan('checks.simplan.json', [
      '{',
      '  "changes": [',
      `    { "card": ${ok.iccid}, "action": "stop", "note": "an unquoted ICCID keeps every digit" },`,
      `    { "card": "${other.iccid}", "action": "reboot" }`,
      '  ]',
      '}',
    ]);
    const document = await vscode.workspace.openTextDocument(uri);
    await vscode.window.showTextDocument(document);
    await until(() => vscode.languages.getDiagnostics(uri).some((d) => d.code === 'unknownAction'));
    const ours = vscode.languages.getDiagnostics(uri).filter((d) => d.source === 'SIM Fleet');
    assert.deepEqual(
      ours.map((d) => [d.code, d.range.start.line + 1, document.getText(d.range)]),
      [['unknownAction', 4, '"reboot"']],
    );
    // The JSON language service reads the schema from jsonValidation: "reboot" is not in its enum.
    await until(() => vscode.languages.getDiagnostics(uri).some((d) => d.source !== 'SIM Fleet' && d.range.start.line === 3));
    const schema = vscode.languages.getDiagnostics(uri).filter((d) => d.source !== 'SIM Fleet');
    assert.ok(schema.some((d) => d.range.start.line === 3 && /Value is not accepted\. Valid values: "resume", "stop"/.test(d.message)), schema.map((d) => d.message).join('\n'));
    await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
  });

  it('dry-runs a 40-line plan against the live fleet in a few batched requests and changes nothing', async () => {
    const stops = fresh('stop', 30);
    const tagged = fresh('addTags', 5, (c) => !(c.vo.tag_names ?? '').includes('pilot'));
    const sms = fresh('sendSms', 5);
    const uri = writePlan('dry.simplan.csv', ['card,action,value', ...stops.map((c) => `${c.iccid},stop,`), ...tagged.map((c) => `${c.iccid},addTags,pilot`), ...sms.map((c) => `${c.iccid},sendSms,"hello, device"`)]);
    api.lookup.invalidate();
    const before = { mutations: mutations(), workOrders: stats().workOrders };
    const result = (await vscode.commands.executeCommand('simFleet.plan.dryRun', uri)) as DryRunResult | undefined;
    assert.ok(result);
    assert.deepEqual(
      result.review.verdicts.map((v) => v.state),
      Array.from({ length: 40 }, () => 'ready'),
      result.review.verdicts.flatMap((v) => v.findings.map((f) => f.message)).join('\n'),
    );
    assert.match(result.summary, /40 of 40 changes would be sent \(Stop 30, Add Tags 5, Send SMS 5\)\. Nothing was changed\./);
    // One read of the 1,200-card fleet (3 pages) and the account's tags, not one request per line.
    assert.ok(result.review.requests <= 4, `${result.review.requests} requests`);
    assert.deepEqual({ mutations: mutations(), workOrders: stats().workOrders }, before, 'a dry run sends no change');
    assert.ok(stops.every((c) => vo(c).sim_status === 20));
    // Each line's verdict is reported in the log ("Show Details").
    assert.ok(api.recentLog().some((l) => l.includes('Dry run of dry.simplan.csv')));
    assert.ok(api.recentLog().some((l) => l.includes(`line 2: Stop ICCID ${stops[0].iccid} — ready`)), api.recentLog().slice(-5).join('\n'));
    assert.ok(api.recentLog().some((l) => l.includes(`line 41: Send SMS ICCID ${sms[4].iccid} — ready`)));
  });

  it('applies a plan after one question: one request per card, one refused line, a line with a problem not sent, and the results file', async () => {
    const stops = fresh('stop', 3);
    const refused = stops[2];
    const [testable] = fresh('activate', 1);
    const tagged = fresh('addTags', 2, (c) => !(c.vo.tag_names ?? '').includes('pilot'));
    const uri = writePlan('apply.simplan.csv', [
      'card,action,value',
      ...stops.map((c) => `${c.iccid},stop,`),
      `${testable.iccid},stop,`,
      ...tagged.map((c) => `${c.iccid},addTags,pilot`),
    ]);
    demo.simulator.setFaults({ errorRate: 1, errorStatus: 400, errorCode: 'GSL.00099999', errorMessage: HOSTILE, pathPattern: `/v1/sim-cards/${refused.sim_card_id}/stop$`, method: 'POST', times: 1 });
    const stopsBefore = opCount('POST /v1/sim-cards/{id}/stop');
    const tagsBefore = opCount('POST /v1/sim-tags/batch-set');
    // Apply clicked twice: the second sends nothing.
    const [result, twice] = await Promise.all([apply(uri, true), vscode.commands.executeCommand('simFleet.plan.apply', uri)]);
    assert.equal(twice, undefined);
    assert.ok(api.ui.notifications.some((n) => n.message === 'apply.simplan.csv is being applied already; wait until it ends.'));
    // The one question uses the commands' own words for each action.
    const question = asked.at(-1) ?? '';
    assert.match(question, /^Apply apply\.simplan\.csv\? Changes to send: 5\./);
    assert.ok(question.includes('Stop 3 cards?') && question.includes('Add "pilot" to 2 cards?'), question);
    assert.match(question, /Not sent, with problems: 1 \(see Problems\)/);
    // Stopped once per card, the refused one never resent; the tags in one batch request.
    assert.equal(opCount('POST /v1/sim-cards/{id}/stop') - stopsBefore, 3);
    for (const c of stops) assert.equal(cardOps(c, 'POST /v1/sim-cards/{id}/stop'), 1, c.iccid);
    assert.equal(cardOps(testable, 'POST /v1/sim-cards/{id}/stop'), 0);
    assert.equal(opCount('POST /v1/sim-tags/batch-set') - tagsBefore, 1);
    assert.match(result.summary, /Applied apply\.simplan\.csv: 2 succeeded, 2 work orders running, 1 refused, 0 may have been carried out, 1 not sent, 0 skipped/);

    demo.simulator.settleWorkOrders();
    await result.finished;
    const rows = resultsOf(uri);
    assert.deepEqual(
      rows.map((r) => [r.line, r.card, r.outcome]),
      [
        ['2', stops[0].iccid, 'succeeded'],
        ['3', stops[1].iccid, 'succeeded'],
        ['4', refused.iccid, 'refused'],
        ['5', testable.iccid, 'not-sent'],
        ['6', tagged[0].iccid, 'succeeded'],
        ['7', tagged[1].iccid, 'succeeded'],
      ],
    );
    assert.match(rows[0].work_order_id, /\S/, 'a stopped card names its work order');
    assert.equal(rows[0].card_id, stops[0].sim_card_id);
    // The service's words are kept as text.
    assert.ok(rows[2].detail.includes(HOSTILE), rows[2].detail);
    assert.match(rows[3].detail, /applies to cards that are/);
    assert.equal(vo(stops[0]).sim_status, 14);
    assert.equal(vo(refused).sim_status, 20);
    assert.ok(tagged.every((c) => (vo(c).tag_names ?? '').includes('pilot')));
  });

  it('clearing real-name registration in a plan also asks for the number of cards typed, as the command does; a wrong count sends nothing', async () => {
    const cards = fresh('clearRealName', 2);
    const uri = writePlan('real-name.simplan.csv', ['card,action', ...cards.map((c) => `${c.iccid},clearRealName`)]);
    const op = 'POST /v1/sim-cards/{id}/clear-real-name';
    const before = opCount(op);
    const typed: string[] = [];
    const answer = (count: string) => ({
      confirm: async () => true,
      input: async (o: vscode.InputBoxOptions) => {
        typed.push(`${o.title ?? ''} | ${o.prompt ?? ''}`);
        return count;
      },
    });
    api.ui.current = answer('3');
    assert.equal(await vscode.commands.executeCommand('simFleet.plan.apply', uri), undefined);
    assert.equal(opCount(op), before, 'a wrong count sends nothing');
    assert.match(typed[0], /^Clear Real-Name: type 2 to confirm \| China Telecom removes the identity registered for these 2 cards/);
    api.ui.current = answer('2');
    const result = (await vscode.commands.executeCommand('simFleet.plan.apply', uri)) as ApplyPlanResult | undefined;
    assert.ok(result);
    assert.equal(opCount(op) - before, 2);
    demo.simulator.settleWorkOrders();
    await result.finished;
    assert.deepEqual(resultsOf(uri).map((r) => r.outcome), ['succeeded', 'succeeded']);
    assert.ok(cards.every((c) => vo(c).real_named === false));
  });

  it('re-applies a partly applied plan: done lines are skipped and say so; a lost answer is reported and never resent', async () => {
    const uri = vscode.Uri.file(path.join(folder, 'apply.simplan.csv'));
    const [sms] = fresh('sendSms', 1);
    writeFileSync(uri.fsPath, `${readFileSync(uri.fsPath, 'utf8')}${sms.iccid},sendSms,"are you there?"\n`);
    // The plan is open since the last Apply: VS Code reloads it from the disk.
    await until(() => vscode.workspace.textDocuments.find((d) => d.uri.fsPath === uri.fsPath)?.getText().includes(sms.iccid ?? '') ?? true);
    const rowsBefore = resultsOf(uri);
    const refused = rowsBefore[2];
    // The SMS is sent but its answer is lost.
    demo.simulator.setFaults({ resetRate: 1, pathPattern: '/v1/sms-send-infos$', method: 'POST', times: 1 });
    const smsBefore = opCount('POST /v1/sms-send-infos');
    const stopsBefore = opCount('POST /v1/sim-cards/{id}/stop');
    const second = await apply(uri, true);
    // Only the refused stop and the new SMS are asked about and sent.
    assert.match(asked.at(-1) ?? '', /Apply apply\.simplan\.csv\? Changes to send: 2\./);
    assert.match(asked.at(-1) ?? '', /Done already, skipped: 4\./);
    assert.equal(opCount('POST /v1/sim-cards/{id}/stop') - stopsBefore, 1);
    assert.equal(opCount('POST /v1/sms-send-infos') - smsBefore, 1);
    demo.simulator.settleWorkOrders();
    await second.finished;
    let rows = resultsOf(uri);
    assert.deepEqual(
      rows.map((r) => [r.line, r.outcome]),
      [
        ['2', 'succeeded'],
        ['3', 'succeeded'],
        ['4', 'succeeded'],
        ['5', 'not-sent'],
        ['6', 'succeeded'],
        ['7', 'succeeded'],
        ['8', 'may-have-been-carried-out'],
      ],
    );
    assert.match(rows[0].detail, /Done in an earlier apply \(work order \S+\); not sent again\./);
    assert.equal(rows[0].work_order_id, rowsBefore[0].work_order_id, 'a skipped line keeps its work order');
    assert.equal(rows[2].card, refused.card);

    // A third Apply sends nothing: the SMS may have been carried out, so it is not sent on its own.
    const third = await apply(uri, undefined);
    assert.match(third.summary, /Nothing to apply in apply\.simplan\.csv/);
    assert.equal(opCount('POST /v1/sms-send-infos') - smsBefore, 1, 'the SMS whose answer was lost is never resent');
    rows = resultsOf(uri);
    assert.equal(rows[6].outcome, 'may-have-been-carried-out', 'the results file keeps it open for the next Apply too');
    assert.match(rows[6].detail, /may have been carried out/);
    const diagnostics = vscode.languages.getDiagnostics(uri);
    assert.ok(diagnostics.some((d) => d.range.start.line === 7 && d.code === 'uncertain'), diagnostics.map((d) => `${d.range.start.line}: ${d.code}`).join(', '));
  });
});

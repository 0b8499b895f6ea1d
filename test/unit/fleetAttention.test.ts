// Needs attention as the extension keeps it, without VS Code: an account's runs against the
// simulator, what the person dismissed (kept per account, with its rules), and the daily
// snapshots on disk.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { GslClient } from '../../src/gsl/index';
import { DAY_MS, REASON_BIT, SnapshotBuilder, attentionSettings, compareSnapshots } from '../../src/core/attention/index';
import { changeRows, changesCsv, snapshotCardText } from '../../src/core/changeWords';
import { dismissalActive, dismissNoteProblem, isDismissal, makeDismissal } from '../../src/core/dismissals';
import { attentionShort, cardAttention, reasonShort } from '../../src/core/attentionWords';
import type { Logger } from '../../src/core/logger';
import type { SimDeviceVO } from '../../src/gsl/models';
import { FleetAttention } from '../../src/fleet/attention';
import type { AttentionChange } from '../../src/fleet/attention';
import { FleetHistory } from '../../src/fleet/fleetHistory';
import type { AccountFleet } from '../../src/fleet/fleets';
import { startSimulator } from '../../src/simulator/index';
import type { RunningSimulator } from '../../src/simulator/index';
import { MemoryStore } from './helpers/memoryStore';
import { scoreAgainst } from './helpers/attention';

async function until(cond: () => boolean): Promise<void> {
  while (!cond()) await new Promise((r) => setTimeout(r, 5));
}

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

/** Whether `cond` holds within `ms` (for what must happen by itself, where `until` would hang). */
async function within(cond: () => boolean, ms: number): Promise<boolean> {
  for (const end = Date.now() + ms; !cond() && Date.now() < end; ) await sleep(5);
  return cond();
}

const t = (s: string, ...args: unknown[]): string => s.replace(/\{(\d+)\}/g, (_, i: string) => String(args[Number(i)]));
const quiet: Logger = { info: () => undefined, warn: () => undefined, error: () => undefined } as unknown as Logger;

describe('dismissal rules', () => {
  const now = Date.UTC(2026, 10, 30, 12);
  test('a timed dismissal ends when its days are over', () => {
    const d = makeDismissal({ cardId: '1', label: 'x', reasons: REASON_BIT.silent }, 'week', ' parked in a depot ', now);
    assert.equal(d.note, 'parked in a depot');
    assert.equal(d.until, now + 7 * DAY_MS);
    assert.equal(dismissalActive(d, now + 6 * DAY_MS, REASON_BIT.silent), true);
    assert.equal(dismissalActive(d, now + 7 * DAY_MS, REASON_BIT.silent), false);
  });
  test('"until its reasons change" ends when a reason it did not have appears, not when one goes', () => {
    const d = makeDismissal({ cardId: '1', label: 'x', reasons: REASON_BIT.silent | REASON_BIT.expiresSoon }, 'change', '', now);
    assert.equal(d.until, undefined);
    assert.equal(dismissalActive(d, now + 400 * DAY_MS, REASON_BIT.silent), true);
    assert.equal(dismissalActive(d, now, REASON_BIT.silent | REASON_BIT.overPlan), false);
    assert.equal(dismissalActive(d, now, undefined), true, 'reasons unknown: only the time counts');
  });
  test('what global state holds is read strictly, and a note is one short line', () => {
    assert.equal(isDismissal(makeDismissal({ cardId: '42', label: 'x', reasons: 0 }, 'forever', '', now)), true);
    assert.equal(isDismissal({ cardId: '../x', label: '', choice: 'forever', at: 1, reasons: 0, note: '' }), false);
    assert.equal(isDismissal({ cardId: '4', label: '', choice: 'always', at: 1, reasons: 0, note: '' }), false);
    assert.equal(dismissNoteProblem('moved to the lab'), undefined);
    assert.ok(dismissNoteProblem('x'.repeat(201)));
    assert.ok(dismissNoteProblem('a\nb'));
  });
});

describe('an account\'s Needs attention between runs (no fleet scan)', () => {
  const NOW = Date.UTC(2026, 10, 30, 12);

  function attentionWith(client: unknown, clock: () => number, changes: AttentionChange[], enabled: boolean, dailyCheckMs = 3_600_000): FleetAttention {
    const fleet = {
      account: { id: 'idle', kind: 'demo', label: 'Idle', currentClient: () => client },
      model: { loadedCard: () => undefined, total: () => 0 },
    } as unknown as AccountFleet;
    const fa = new FleetAttention({
      fleets: { all: () => [fleet], get: () => fleet, onDidChange: () => ({ dispose: () => undefined }) },
      history: new FleetHistory(path.join(tmpdir(), 'sim-fleet-unused')),
      store: new MemoryStore(),
      config: () => ({ enabled, settings: attentionSettings(), history: { enabled: false, days: 180 } }),
      log: quiet,
      now: clock,
      dailyCheckMs,
    });
    fa.onDidChange((e) => changes.push(e));
    return fa;
  }

  // Auto-refresh is off by default and a day may pass without a run, dismiss or restore: the
  // hourly timer is what brings a card dismissed "for 1 day" back.
  test('a dismissal for one day ends on the hourly check with no run, and that is told once', async () => {
    let clock = NOW;
    const changes: AttentionChange[] = [];
    // No client: no run ever starts, so only the timer can notice.
    const fa = attentionWith(undefined, () => clock, changes, true, 10);
    try {
      const a = fa.get('idle')!;
      await a.dismiss([{ cardId: '42', label: '8986000000000000042' }], 'day', '');
      const told = (): number => changes.filter((c) => c.kind === 'dismissals').length;
      assert.equal(told(), 1);
      await sleep(40);
      assert.equal(a.dismissal('42')?.choice, 'day');
      assert.equal(told(), 1, 'nothing ended: nothing is told');
      clock += DAY_MS;
      assert.ok(await within(() => a.dismissal('42') === undefined, 1000), 'the day is over: the card is back');
      await sleep(40);
      assert.equal(told(), 2, 'told once, not at every check');
      assert.deepEqual(a.dismissed(), []);
    } finally {
      fa.dispose();
    }
  });

  // A read on its way when a work order changes the card answers with the card as it was; the
  // tree's fresh request was skipped because the id was still queued.
  test('a card changed while its record was being read is read again, and the older answer is not kept', async () => {
    const reads: Array<(card: SimDeviceVO) => void> = [];
    const client = { showSimCard: () => new Promise<SimDeviceVO>((resolve) => reads.push(resolve)) };
    const changes: AttentionChange[] = [];
    const fa = attentionWith(client, () => NOW, changes, false);
    try {
      const a = fa.get('idle')!;
      a.wantRecords(['7']);
      assert.equal(reads.length, 1);
      fa.cardsChanged({ accountId: 'idle', cardIds: ['7'] });
      a.wantRecords(['7']);
      reads[0]({ sim_card_id: '7', sim_status: 20 });
      assert.ok(await within(() => reads.length === 2, 1000), 'read again after the change');
      assert.equal(a.record('7'), undefined, 'the answer from before the change is dropped');
      reads[1]({ sim_card_id: '7', sim_status: 14 });
      await until(() => changes.some((c) => c.kind === 'records'));
      assert.equal(a.record('7')?.sim_status, 14);
      assert.equal(reads.length, 2);
    } finally {
      fa.dispose();
    }
  });
});

describe('what the tree says of a card', () => {
  const now = Date.UTC(2026, 10, 30, 12);
  const overPlan = { reason: 'overPlan' as const, overByMb: 120 };
  test('a card the latest run flags says its reasons; one neither flagged nor dismissed says nothing', () => {
    const words = cardAttention([overPlan], undefined, t);
    assert.equal(words?.short, 'over by 120 MB');
    assert.deepEqual(words?.long, ['Over its plan by 120 MB.']);
    assert.equal(words?.dismissed, undefined);
    assert.equal(cardAttention(undefined, undefined, t), undefined);
  });
  test('a dismissed card whose problem went away (a plan topped up) still says until when it is dismissed', () => {
    // It stays listed under Dismissed until restored: its row must say so and offer Restore.
    const d = makeDismissal({ cardId: '1', label: 'x', reasons: REASON_BIT.overPlan }, 'forever', 'waiting for a top-up', now);
    assert.deepEqual(cardAttention(undefined, d, t), { short: '', long: [], dismissed: 'until restored: waiting for a top-up' });
    assert.equal(cardAttention([overPlan], d, t)?.dismissed, 'until restored: waiting for a top-up');
  });
});

describe('the fleet history on disk', () => {
  let root: string;
  before(async () => {
    root = await mkdtemp(path.join(tmpdir(), 'sim-fleet-history-'));
  });
  after(async () => {
    await rm(root, { recursive: true, force: true });
  });

  function snapshotAt(takenAt: number, ids: string[]) {
    const b = new SnapshotBuilder(ids.length);
    for (const id of ids) b.add({ sim_card_id: id, iccid: `8986${id.padStart(15, '0')}`, sim_status: 20, flow_used: 1, flow_left: 2 });
    return b.finish(takenAt);
  }

  test('writes, lists, reads back, tells whether a day has one, prunes past the retention and deletes', async () => {
    const h = new FleetHistory(root);
    const day = Date.UTC(2026, 10, 30, 9);
    assert.deepEqual(await h.list('demo'), []);
    assert.equal(await h.takenOn('demo', day), false);
    for (let k = 0; k < 5; k++) await h.write('demo', snapshotAt(day - k * DAY_MS, ['1', '2', String(10 + k)]));
    const listed = await h.list('demo');
    assert.deepEqual(listed.map((e) => e.takenAt), [4, 3, 2, 1, 0].map((k) => day - k * DAY_MS));
    assert.ok(listed.every((e) => e.bytes > 0));
    assert.equal(await h.takenOn('demo', day + 3_600_000), true);
    assert.equal(await h.cardCount('demo', day), 3);
    const back = await new FleetHistory(root).read('demo', day - DAY_MS);
    assert.equal(back.size, 3);
    assert.equal(back.findRow('11'), 2);
    assert.equal(await h.prune('demo', 3, day), 2);
    assert.equal((await h.list('demo')).length, 3);
    // Nothing but snapshot files is ever listed, and no account id becomes a path outside the root.
    await writeFile(path.join(root, 'demo', 'notes.txt'), 'x');
    assert.equal((await h.list('demo')).length, 3);
    await assert.rejects(h.list('../etc'));
    assert.deepEqual(await h.accounts(), ['demo']);
    await h.delete();
    assert.deepEqual(await h.list('demo'), []);
    await assert.rejects(readdir(root));
  });
});

describe('an account\'s Needs attention against the simulator (2,000 cards)', () => {
  const NOW = Date.UTC(2025, 4, 17, 9, 30);
  let sim: RunningSimulator;
  let client: GslClient;
  let root: string;
  let fleet: AccountFleet;

  before(async () => {
    sim = await startSimulator({ cards: 2000, seed: 20240115, now: () => NOW });
    const i = sim.info;
    client = new GslClient({ endpoints: { gsl: i.endpoint, iam: i.iamEndpoint }, credentials: { get: async () => ({ kind: 'aksk', ak: i.ak, sk: i.sk, projectId: i.projectId }) }, now: () => NOW });
    root = await mkdtemp(path.join(tmpdir(), 'sim-fleet-attention-'));
    fleet = {
      account: { id: 'demo', kind: 'demo', label: 'Demo', currentClient: () => client },
      model: { loadedCard: () => undefined, total: () => 2000 },
    } as unknown as AccountFleet;
  });
  after(async () => {
    await client.dispose();
    await sim.close();
    await rm(root, { recursive: true, force: true });
  });

  function attentionOf(store: MemoryStore, changes: AttentionChange[] = [], now: () => number = () => NOW): FleetAttention {
    const fa = new FleetAttention({
      fleets: { all: () => [fleet], get: () => fleet, onDidChange: () => ({ dispose: () => undefined }) },
      history: new FleetHistory(root),
      store,
      config: () => ({ enabled: true, settings: attentionSettings(), history: { enabled: true, days: 180 } }),
      log: quiet,
      now,
      dailyCheckMs: 3_600_000,
    });
    fa.onDidChange((e) => changes.push(e));
    return fa;
  }

  test('runs in the background when the fleet appears, finds the planted cards, keeps one snapshot a day', async () => {
    const store = new MemoryStore();
    const changes: AttentionChange[] = [];
    let clock = NOW;
    const fa = attentionOf(store, changes, () => clock);
    try {
      const a = fa.get('demo')!;
      assert.equal(a.state.kind, 'running', 'the run starts by itself and does not wait for anyone');
      // A run on its way is replaced by a newer one; the newer one's result is what is kept.
      const run = await a.run();
      assert.ok(run);
      assert.equal(a.state.kind, 'done');
      for (const s of scoreAgainst(run.result, sim.planted())) {
        assert.ok(s.precision >= 0.95 && s.recall >= 0.95, `${s.reason}: precision ${s.precision}, recall ${s.recall}`);
      }
      const counts = a.counts();
      assert.equal(counts.willRunOut, run.result.cards('willRunOut').length);
      assert.equal(counts.poolAtRisk, run.result.pools.length);
      assert.ok(counts.willRunOut > 0 && counts.silent > 0);
      assert.ok(changes.some((c) => c.kind === 'result'));
      assert.ok(run.saved, 'the first run of the day keeps its snapshot');
      assert.equal((await fa.history.list('demo')).length, 1);
      // The day's snapshot is taken: a second run keeps none, unless asked to.
      assert.equal((await a.run())?.saved, undefined);
      // Taken Now, an hour later the same day: a second file.
      clock += 3_600_000;
      assert.ok((await a.run({ snapshot: 'always' }))?.saved);
      assert.equal((await fa.history.list('demo')).length, 2);
      const c = run.result.cards('willRunOut')[0];
      assert.match(attentionShort(c.reasons, t), /^runs out ~(May|Jun) \d+/);
      assert.equal(reasonShort(c.reasons.find((r) => r.reason === 'willRunOut')!, t), attentionShort([c.reasons.find((r) => r.reason === 'willRunOut')!], t));
    } finally {
      fa.dispose();
    }
  });

  test('a dismissed card leaves the lists and counts, is remembered per account across restarts, and comes back when restored', async () => {
    const store = new MemoryStore();
    const fa = attentionOf(store);
    let cardId: string;
    try {
      const a = fa.get('demo')!;
      await a.run();
      const before = a.counts();
      const card = a.cards('silent')[0];
      cardId = card.sim_card_id;
      await a.dismiss([{ cardId, label: card.label }], 'month', 'parked in a depot');
      assert.equal(a.counts().silent, before.silent - 1);
      assert.equal(a.cards().some((c) => c.sim_card_id === cardId), false);
      assert.deepEqual(a.dismissed().map((d) => [d.dismissal.cardId, d.dismissal.note]), [[cardId, 'parked in a depot']]);
      assert.equal(a.dismissed()[0].card?.sim_card_id, cardId, 'the dismissed list still knows its reasons');
    } finally {
      fa.dispose();
    }
    // VS Code restarted: the same global state, a new FleetAttention.
    const again = attentionOf(store);
    try {
      const a = again.get('demo')!;
      await a.run();
      assert.equal(a.dismissal(cardId)?.note, 'parked in a depot');
      assert.equal(a.cards('silent').some((c) => c.sim_card_id === cardId), false);
      const restored = await a.restore([cardId]);
      assert.equal(restored.length, 1);
      assert.equal(a.cards('silent').some((c) => c.sim_card_id === cardId), true);
      assert.equal(store.values.size, 0, 'nothing is left in global state once none is dismissed');
    } finally {
      again.dispose();
    }
  });

  test('a refresh of everything runs again only once the result is old; a finished work order runs again soon', async () => {
    let clock = NOW;
    const fa = new FleetAttention({
      fleets: { all: () => [fleet], get: () => fleet, onDidChange: () => ({ dispose: () => undefined }) },
      history: new FleetHistory(root),
      store: new MemoryStore(),
      config: () => ({ enabled: true, settings: attentionSettings(), history: { enabled: false, days: 180 } }),
      log: quiet,
      now: () => clock,
      debounceMs: 1,
      rerunAfterRefreshMs: 600_000,
    });
    try {
      const a = fa.get('demo')!;
      await a.run();
      fa.cardsChanged({});
      await new Promise((r) => setTimeout(r, 20));
      assert.equal(a.state.kind, 'done', 'a refresh right after a run does not read the fleet again');
      fa.cardsChanged({ accountId: 'demo', cardIds: ['1'] });
      await until(() => a.running);
      await until(() => a.state.kind === 'done');
      clock += 600_000;
      fa.cardsChanged({});
      await until(() => a.running);
      await until(() => a.state.kind === 'done');
    } finally {
      fa.dispose();
    }
  });

  function quickAttention(clock: () => number, onRun: () => void): FleetAttention {
    return new FleetAttention({
      fleets: { all: () => [fleet], get: () => fleet, onDidChange: () => ({ dispose: () => undefined }) },
      history: new FleetHistory(root),
      store: new MemoryStore(),
      config: () => ({ enabled: true, settings: attentionSettings(), history: { enabled: false, days: 180 } }),
      log: quiet,
      now: clock,
      showProgress: onRun,
      debounceMs: 1,
      rerunAfterRefreshMs: 600_000,
    });
  }

  // The run may have read the card before its work order ended: its result would keep the old status.
  test('cards a work order changed while a run was reading the fleet are read by another run once it ends', async () => {
    let runs = 0;
    const fa = quickAttention(() => NOW, () => runs++);
    try {
      const a = fa.get('demo')!;
      const first = a.run();
      assert.equal(runs, 2, 'the run when the fleet appeared, replaced by this one');
      fa.cardsChanged({ accountId: 'demo', cardIds: ['1'] });
      assert.ok(await first);
      assert.ok(await within(() => runs === 3, 2000), 'another run follows the one that was on its way');
      await until(() => a.state.kind === 'done');
    } finally {
      fa.dispose();
    }
  });

  test('a refresh of everything after a Stop or a failure waits as after a finished run; Run still runs', async () => {
    let clock = NOW;
    let runs = 0;
    const fa = quickAttention(() => clock, () => runs++);
    try {
      const a = fa.get('demo')!;
      // Read through a call: each assertion would otherwise narrow the state for the next.
      const kind = (): string => a.state.kind;
      assert.equal(a.cancel(), true);
      fa.cardsChanged({});
      await sleep(30);
      assert.equal(kind(), 'cancelled', 'a refresh does not undo the Stop');
      assert.equal(runs, 1);
      sim.setFaults({ errorRate: 1, errorStatus: 500, pathPattern: 'sim-cards' });
      try {
        assert.equal(await a.run(), undefined, 'the Run command starts a run after a Stop');
      } finally {
        sim.setFaults(undefined);
      }
      assert.equal(kind(), 'failed');
      fa.cardsChanged({});
      await sleep(30);
      assert.equal(kind(), 'failed', 'nor does a refresh rescan the fleet right after a failure');
      clock += 600_000;
      fa.cardsChanged({});
      assert.ok(await within(() => a.running, 1000), 'ten minutes on, a refresh runs again');
      await until(() => kind() === 'done');
    } finally {
      fa.dispose();
    }
  });

  test('a cancelled run stops and keeps the previous result; a failed one says so', async () => {
    const fa = attentionOf(new MemoryStore());
    try {
      const a = fa.get('demo')!;
      const first = await a.run();
      const pending = a.run();
      assert.equal(a.cancel(), true);
      assert.equal(await pending, undefined);
      assert.equal(a.state.kind, 'cancelled');
      assert.equal(a.result, first?.result);
      sim.setFaults({ errorRate: 1, errorStatus: 500, pathPattern: 'sim-cards' });
      try {
        assert.equal(await a.run(), undefined);
        assert.equal(a.state.kind, 'failed');
        assert.equal(a.result, first?.result, 'the earlier result stays below the error');
      } finally {
        sim.setFaults(undefined);
      }
    } finally {
      fa.dispose();
    }
  });
});

describe('what changed, in words and as CSV', () => {
  test('every change is one row under its section, the same in the view and the file', () => {
    const day = Date.UTC(2026, 10, 20, 9);
    const build = (takenAt: number, cards: Array<{ id: string; status: 20 | 14; used: number }>) => {
      const b = new SnapshotBuilder(cards.length);
      for (const c of cards) b.add({ sim_card_id: c.id, iccid: `898600000000000000${c.id}`, sim_status: c.status, flow_used: c.used, flow_left: 1000 - c.used });
      return b.finish(takenAt);
    };
    const older = build(day, [{ id: '10', status: 20, used: 100 }, { id: '11', status: 20, used: 100 }, { id: '12', status: 20, used: 5 }]);
    const newer = build(day + 2 * DAY_MS, [{ id: '10', status: 14, used: 100 }, { id: '11', status: 20, used: 350 }, { id: '13', status: 20, used: 0 }]);
    const changes = compareSnapshots(older, newer);
    assert.deepEqual(changeRows(changes, 'statusChanges', t).map((r) => [r.card.sim_card_id, r.text]), [['10', 'In use → Deactivated']]);
    assert.deepEqual(changeRows(changes, 'added', t).map((r) => r.card.sim_card_id), ['13']);
    assert.deepEqual(changeRows(changes, 'removed', t).map((r) => r.card.sim_card_id), ['12']);
    assert.deepEqual(changeRows(changes, 'usageGrowth', t).map((r) => [r.card.sim_card_id, r.from, r.to]), [['11', 100, 350]]);
    const csv = changesCsv(changes, t).split('\r\n');
    assert.equal(csv[0], 'Section,sim_card_id,Card,Change,From,To');
    assert.equal(csv.length, 1 + 4 + 1, 'a header, one row per change, and the last line end');
    assert.ok(csv.includes('Status changed,10,89860000000000000010,In use → Deactivated,20,14'));
    // "+250 MB …" would be a formula in a spreadsheet: it is written as text.
    assert.ok(csv.some((l) => l.startsWith("Largest usage growth,11,") && l.includes(",'+")));
    // A card's document as each snapshot kept it: the same fields on both sides of the diff.
    const doc = (snap: typeof older, id: string) => JSON.parse(snapshotCardText(snap.findRow(id) >= 0 ? snap.card(snap.findRow(id)) : undefined, snap.takenAt)) as { snapshot: string; card: { sim_status: number } | null };
    assert.equal(doc(older, '10').card?.sim_status, 20);
    assert.equal(doc(newer, '10').card?.sim_status, 14);
    assert.equal(doc(newer, '10').snapshot, new Date(day + 2 * DAY_MS).toISOString());
    assert.equal(doc(newer, '12').card, null, 'a card the snapshot did not hold');
  });
});

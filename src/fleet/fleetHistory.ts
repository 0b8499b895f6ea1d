/**
 * The fleet's own history: daily snapshots (core/attention/snapshot.ts), kept as files per
 * account under the extension's global storage folder, `<root>/<account id>/<taken at, ms>.sfs`.
 * Files, not global state: a snapshot of 100,000 cards is about 1.5 MB, global state is read
 * whole at start and may be synced to other machines; this folder is neither. A snapshot holds
 * card data only (ids, status, usage, plan, expiry, tags, reasons), never a credential.
 * Plain Node (no `vscode`), so it is tested against a temporary folder.
 */
import { mkdir, open, readFile, readdir, rename, rm, stat, writeFile } from 'node:fs/promises';
import * as path from 'node:path';
import type { AccountId } from '../core/accounts';
import type { FleetSnapshot } from '../core/attention/snapshot';
import { SNAPSHOT_PREFIX_BYTES, decodeSnapshot, encodeSnapshot, snapshotHeader } from '../core/attention/snapshot';
import { DAY_MS, dayStart } from '../core/attention/days';

export interface SnapshotEntry {
  accountId: AccountId;
  /** When the fleet was read (epoch ms); also the file's name. */
  takenAt: number;
  /** Size on disk. */
  bytes: number;
}

const FILE = /^(\d{13})\.sfs$/;
/** Account ids are `demo` or `acct-` and hex (host/secrets.ts); anything else never becomes a path. */
const ACCOUNT_DIR = /^[A-Za-z0-9_-]{1,80}$/;
/** Decoded snapshots kept for the next read (What changed reads two, the history a few). */
const DECODED_KEPT = 4;

export class FleetHistory {
  private readonly decoded = new Map<string, FleetSnapshot>();

  constructor(private readonly root: string) {}

  private dir(accountId: AccountId): string {
    if (!ACCOUNT_DIR.test(accountId)) throw new Error(`Not an account id: ${accountId.slice(0, 40)}`);
    return path.join(this.root, accountId);
  }

  private file(accountId: AccountId, takenAt: number): string {
    if (!Number.isSafeInteger(takenAt) || takenAt < 1e12 || takenAt >= 1e13) throw new Error(`Not a snapshot time: ${takenAt}`);
    return path.join(this.dir(accountId), `${takenAt}.sfs`);
  }

  /** The account's snapshots, oldest first. */
  async list(accountId: AccountId): Promise<SnapshotEntry[]> {
    let names: string[];
    try {
      names = await readdir(this.dir(accountId));
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') return [];
      throw err;
    }
    const out: SnapshotEntry[] = [];
    for (const name of names) {
      const m = FILE.exec(name);
      if (!m) continue;
      const s = await stat(path.join(this.dir(accountId), name)).catch(() => undefined);
      if (s?.isFile()) out.push({ accountId, takenAt: Number(m[1]), bytes: s.size });
    }
    return out.sort((a, b) => a.takenAt - b.takenAt);
  }

  /** Accounts with a history folder. */
  async accounts(): Promise<AccountId[]> {
    try {
      return (await readdir(this.root, { withFileTypes: true })).filter((d) => d.isDirectory() && ACCOUNT_DIR.test(d.name)).map((d) => d.name);
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') return [];
      throw err;
    }
  }

  /** Writes a snapshot (whole, then renamed into place, so a reader never sees half a file). */
  async write(accountId: AccountId, snapshot: FleetSnapshot): Promise<SnapshotEntry> {
    const file = this.file(accountId, snapshot.takenAt);
    await mkdir(path.dirname(file), { recursive: true });
    const bytes = encodeSnapshot(snapshot);
    const temp = `${file}.${process.pid}.tmp`;
    await writeFile(temp, bytes);
    await rename(temp, file);
    this.keep(`${accountId}/${snapshot.takenAt}`, snapshot);
    return { accountId, takenAt: snapshot.takenAt, bytes: bytes.length };
  }

  async read(accountId: AccountId, takenAt: number): Promise<FleetSnapshot> {
    const key = `${accountId}/${takenAt}`;
    const kept = this.decoded.get(key);
    if (kept) return kept;
    const snapshot = decodeSnapshot(await readFile(this.file(accountId, takenAt)));
    this.keep(key, snapshot);
    return snapshot;
  }

  /** How many cards a snapshot holds, from its header only. */
  async cardCount(accountId: AccountId, takenAt: number): Promise<number> {
    const handle = await open(this.file(accountId, takenAt), 'r');
    try {
      let length = 4096;
      for (;;) {
        const buf = Buffer.alloc(length);
        const { bytesRead } = await handle.read(buf, 0, length, 0);
        const header = snapshotHeader(buf.subarray(0, bytesRead));
        if ('size' in header) return header.size;
        if (bytesRead < length || header.needed <= length) throw new Error('Snapshot is truncated');
        length = Math.max(header.needed, SNAPSHOT_PREFIX_BYTES);
      }
    } finally {
      await handle.close();
    }
  }

  /** Whether a snapshot was taken on the UTC day of `dayMs`. */
  async takenOn(accountId: AccountId, dayMs: number): Promise<boolean> {
    const day = dayStart(dayMs);
    return (await this.list(accountId)).some((e) => dayStart(e.takenAt) === day);
  }

  /**
   * The snapshots taken from `fromMs` up to (not including) `toMs`, decoded, for the engine's
   * history. A file that cannot be read is left out and reported through `onUnreadable`.
   */
  async between(accountId: AccountId, fromMs: number, toMs: number, onUnreadable?: (entry: SnapshotEntry, err: unknown) => void): Promise<FleetSnapshot[]> {
    const out: FleetSnapshot[] = [];
    for (const e of await this.list(accountId)) {
      if (e.takenAt < fromMs || e.takenAt >= toMs) continue;
      try {
        // Not through the cache: ten days of a large fleet would push out what What changed reads.
        out.push(decodeSnapshot(await readFile(this.file(accountId, e.takenAt))));
      } catch (err) {
        onUnreadable?.(e, err);
      }
    }
    return out;
  }

  /** Deletes the account's snapshots taken before `keepDays` days ago; returns how many. */
  async prune(accountId: AccountId, keepDays: number, now: number): Promise<number> {
    const cutoff = dayStart(now) - (keepDays - 1) * DAY_MS;
    let removed = 0;
    for (const e of await this.list(accountId)) {
      if (e.takenAt >= cutoff) continue;
      await rm(this.file(accountId, e.takenAt), { force: true });
      this.decoded.delete(`${accountId}/${e.takenAt}`);
      removed++;
    }
    return removed;
  }

  /** Deletes one account's history, or every account's. */
  async delete(accountId?: AccountId): Promise<void> {
    this.decoded.clear();
    await rm(accountId === undefined ? this.root : this.dir(accountId), { recursive: true, force: true });
  }

  private keep(key: string, snapshot: FleetSnapshot): void {
    this.decoded.delete(key);
    this.decoded.set(key, snapshot);
    while (this.decoded.size > DECODED_KEPT) this.decoded.delete(this.decoded.keys().next().value as string);
  }
}

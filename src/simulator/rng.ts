/**
 * Seeded randomness. The fleet must be the same for the same seed and size, so nothing in
 * the simulator's data path may call `Math.random`.
 */

/** 32-bit string/number mixing (FNV-1a then a murmur finaliser), for per-card sub-seeds. */
export function hash32(...parts: Array<string | number>): number {
  let h = 0x811c9dc5;
  for (const p of parts) {
    const s = String(p);
    for (let i = 0; i < s.length; i++) {
      h ^= s.charCodeAt(i);
      h = Math.imul(h, 0x01000193);
    }
    h ^= 0x2f; // part separator, so ("ab","c") differs from ("a","bc")
    h = Math.imul(h, 0x01000193);
  }
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** A float in [0, 1) from a hash of the parts. */
export function unit(...parts: Array<string | number>): number {
  return hash32(...parts) / 4294967296;
}

/**
 * A float in [0, 1) from two integers, for values drawn per card and day (millions of them at
 * fleet start): integer mixing only, no strings, unlike `unit`.
 */
export function mixUnit(a: number, b: number): number {
  let h = Math.imul((a ^ 0x9e3779b9) >>> 0, 0x85ebca6b) ^ Math.imul(b | 0, 0xc2b2ae35);
  h = Math.imul(h ^ (h >>> 16), 0x7feb352d);
  h = Math.imul(h ^ (h >>> 15), 0x846ca68b);
  return ((h ^ (h >>> 16)) >>> 0) / 4294967296;
}

export class Rng {
  private state: number;
  constructor(seed: number) {
    this.state = seed >>> 0 || 0x9e3779b9;
  }
  /** mulberry32: fast, good enough for test data, and reproducible. */
  next(): number {
    let t = (this.state = (this.state + 0x6d2b79f5) >>> 0);
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }
  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)];
  }
  /** Pick by weight: `[[value, weight], ...]`. */
  weighted<T>(table: ReadonlyArray<readonly [T, number]>): T {
    let total = 0;
    for (const [, w] of table) total += w;
    let r = this.next() * total;
    for (const [v, w] of table) {
      r -= w;
      if (r < 0) return v;
    }
    return table[table.length - 1][0];
  }
  chance(p: number): boolean {
    return this.next() < p;
  }
  digits(n: number): string {
    // One draw per digit, gathered as a number (exact up to 15 digits) rather than char by char.
    let s = '';
    while (n > 0) {
      const k = Math.min(n, 15);
      let v = 0;
      for (let i = 0; i < k; i++) v = v * 10 + Math.floor(this.next() * 10);
      s += String(v).padStart(k, '0');
      n -= k;
    }
    return s;
  }
}

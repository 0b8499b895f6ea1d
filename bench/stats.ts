/** Figures for the benchmark report: median, min and max over repeated runs. */

export interface Figure {
  name: string;
  unit: string;
  median: number;
  min: number;
  max: number;
  runs: number;
  /** The physical limit this figure is held against, in the same unit, when there is one. */
  limit?: number;
  /** What the limit means, e.g. "1 round trip (50 ms) + server time". */
  limitNote?: string;
  /** Goal as a ratio to the limit: at most this (e.g. 1.5 means within 1.5×), or at least it when higher is better. */
  goalRatio?: number;
  /** A rate, where the goal is to reach the limit (a baseline to beat) rather than stay near it. */
  higherIsBetter?: boolean;
  note?: string;
}

export function summarize(samples: number[]): { median: number; min: number; max: number; runs: number } {
  const s = [...samples].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  const median = s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
  return { median, min: s[0], max: s[s.length - 1], runs: s.length };
}

export function ratio(f: Figure): number | undefined {
  if (f.limit === undefined || f.limit === 0) return undefined;
  return f.median / f.limit;
}

function meetsGoal(f: Figure, r: number, goal: number): boolean {
  return f.higherIsBetter ? r >= goal : r <= goal;
}

/** A figure with its ratio to the limit and whether it meets its goal, for `--json`. */
export function withVerdict(f: Figure): Figure & { ratio?: number; goalMet?: boolean } {
  const r = ratio(f);
  return { ...f, ratio: r, goalMet: r === undefined || f.goalRatio === undefined ? undefined : meetsGoal(f, r, f.goalRatio) };
}

function fmt(n: number | undefined, digits = 1): string {
  if (n === undefined || Number.isNaN(n)) return '';
  if (Math.abs(n) >= 1000) return Math.round(n).toLocaleString('en-US');
  return n.toFixed(digits);
}

export function renderTable(figures: Figure[]): string {
  const header = ['measure', 'median', 'min', 'max', 'unit', 'limit', 'ratio', 'goal', 'ok'];
  const rows = figures.map((f) => {
    const r = ratio(f);
    const ok = r === undefined || f.goalRatio === undefined ? '' : meetsGoal(f, r, f.goalRatio) ? 'yes' : 'NO';
    return [
      f.name,
      fmt(f.median),
      fmt(f.min),
      fmt(f.max),
      f.unit,
      f.limit === undefined ? '' : `${fmt(f.limit)}${f.limitNote ? ` (${f.limitNote})` : ''}`,
      r === undefined ? '' : `${r.toFixed(2)}×`,
      f.goalRatio === undefined ? '' : `${f.higherIsBetter ? '≥' : '≤'} ${f.goalRatio}×`,
      ok,
    ];
  });
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (cells: string[]) => cells.map((c, i) => (i === 0 || i === 4 || i === 5 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  ');
  const notes = figures.filter((f) => f.note).map((f) => `  ${f.name}: ${f.note}`);
  return [line(header), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line), ...(notes.length ? ['', 'Notes:', ...notes] : [])].join('\n');
}

/**
 * Reads a change plan's text — `*.simplan.csv` or `*.simplan.json` — into its entries, each with
 * where it stands in the text (offsets, so diagnostics can point at the cell), without judging
 * what they say (planCheck.ts does). Pure.
 *
 * CSV: a header row naming the columns (`card` and `action`, optionally `value`, `attribute`,
 * `account` and `note`, in any order and a few spellings), then one row per change. Quoted cells
 * may hold separators, quotes (doubled) and line breaks; a byte-order mark, CRLF or CR line ends,
 * a `;` or tab separator (as some spreadsheets write) and `#` comment lines are read too.
 *
 * JSON: an array of changes, or `{ "account": …, "changes": [ … ] }`; a change is an object with
 * the same keys. Numbers are read from their text, so an ICCID written without quotes keeps
 * every digit.
 */
import type { Problem } from '../cardInputs';
import { planNameKey } from './planActions';

export type PlanFormat = 'csv' | 'json';
export type PlanColumn = 'card' | 'action' | 'value' | 'attribute' | 'account' | 'note';
export const PLAN_COLUMNS: readonly PlanColumn[] = ['card', 'action', 'value', 'attribute', 'account', 'note'];

/** The most changes one plan may hold. */
export const MAX_PLAN_ENTRIES = 100_000;

/** One field of an entry as written: its text (a JSON array's items as well) and where it stands. */
export interface PlanField {
  text: string;
  /** A JSON array's items (tag names). */
  items?: string[];
  /** How JSON wrote it; a CSV cell is a string. */
  kind: 'string' | 'number' | 'array' | 'other';
  start: number;
  end: number;
}

export interface PlanEntry {
  /** 0-based position among the plan's changes. */
  index: number;
  start: number;
  end: number;
  fields: Partial<Record<PlanColumn, PlanField>>;
  /** The entry cannot be read at all (a JSON value that is not an object). */
  unreadable?: Problem;
}

export interface FileProblem {
  start: number;
  end: number;
  problem: Problem;
  severity: 'error' | 'warning';
}

export interface PlanFile {
  format: PlanFormat;
  /** The account the whole plan acts on (JSON's top-level `account`). */
  account?: PlanField;
  entries: PlanEntry[];
  problems: FileProblem[];
}

const problem = (message: string, ...args: Array<string | number>): Problem => ({ message, args });

/** The format a file name says: `*.simplan.csv` or `*.simplan.json`. */
export function planFormatOf(fileName: string): PlanFormat | undefined {
  const m = /\.simplan\.(csv|json)$/i.exec(fileName);
  return m ? (m[1].toLowerCase() as PlanFormat) : undefined;
}

export function readPlan(text: string, format: PlanFormat): PlanFile {
  return format === 'csv' ? readCsvPlan(text) : readJsonPlan(text);
}

// ---- CSV ------------------------------------------------------------------------------------

const HEADER_NAMES: Record<PlanColumn, readonly string[]> = {
  card: ['card', 'iccid', 'sim', 'identifier', 'cardidentifier', '卡', '卡号'],
  action: ['action', 'operation', 'op', '操作', '动作'],
  value: ['value', 'input', 'parameter', '值', '参数'],
  attribute: ['attribute', 'attr', 'customattribute', '属性', '自定义属性'],
  account: ['account', '账号', '帐号', '账户'],
  note: ['note', 'notes', 'comment', 'comments', 'remark', '备注', '说明'],
};
const COLUMN_BY_HEADER = new Map<string, PlanColumn>(PLAN_COLUMNS.flatMap((c) => HEADER_NAMES[c].map((n) => [planNameKey(n), c] as const)));

export function planColumnOf(header: string): PlanColumn | undefined {
  return COLUMN_BY_HEADER.get(planNameKey(header));
}

interface Cell {
  text: string;
  start: number;
  end: number;
}

interface Row {
  start: number;
  end: number;
  cells: Cell[];
}

/** Splits CSV text into rows of cells, with offsets; quoted cells may span lines. */
function csvRows(text: string, sep: string, from: number): Row[] {
  const rows: Row[] = [];
  let i = from;
  const n = text.length;
  while (i < n) {
    const rowStart = i;
    // A comment line is skipped whole, quotes and all.
    let k = i;
    while (k < n && (text[k] === ' ' || text[k] === '\t')) k++;
    if (text[k] === '#') {
      while (i < n && text[i] !== '\n' && text[i] !== '\r') i++;
      if (text[i] === '\r' && text[i + 1] === '\n') i += 2;
      else if (i < n) i++;
      continue;
    }
    const cells: Cell[] = [];
    for (;;) {
      // One cell: leading spaces, then a quoted or a plain value.
      let j = i;
      while (j < n && (text[j] === ' ' || (text[j] === '\t' && sep !== '\t'))) j++;
      let value = '';
      let cellStart = i;
      let cellEnd: number;
      if (text[j] === '"') {
        cellStart = j;
        j++;
        for (;;) {
          if (j >= n) break;
          if (text[j] === '"') {
            if (text[j + 1] === '"') {
              value += '"';
              j += 2;
              continue;
            }
            j++;
            break;
          }
          value += text[j++];
        }
        cellEnd = j;
        // Anything after the closing quote up to the separator is kept, as spreadsheets do.
        while (j < n && text[j] !== sep && text[j] !== '\n' && text[j] !== '\r') value += text[j++];
      } else {
        while (j < n && text[j] !== sep && text[j] !== '\n' && text[j] !== '\r') j++;
        value = text.slice(i, j);
        cellEnd = j;
      }
      cells.push({ text: value.trim(), start: cellStart, end: cellEnd });
      i = j;
      if (i < n && text[i] === sep) {
        i++;
        continue;
      }
      break;
    }
    const rowEnd = i;
    if (text[i] === '\r' && text[i + 1] === '\n') i += 2;
    else if (text[i] === '\r' || text[i] === '\n') i++;
    rows.push({ start: rowStart, end: rowEnd, cells });
  }
  return rows;
}

const isBlank = (r: Row): boolean => r.cells.every((c) => c.text === '');

function readCsvPlan(text: string): PlanFile {
  const from = text.startsWith('\uFEFF') ? 1 : 0;
  const problems: FileProblem[] = [];
  // The separator is the one that makes the header name a card and an action column.
  let rows: Row[] = [];
  let header: Row | undefined;
  let columns: Array<PlanColumn | undefined> = [];
  for (const sep of [',', ';', '\t']) {
    rows = csvRows(text, sep, from).filter((r) => !isBlank(r));
    header = rows[0];
    columns = header ? header.cells.map((c) => planColumnOf(c.text)) : [];
    if (columns.includes('card') && columns.includes('action')) break;
  }
  if (!header) {
    problems.push({ start: 0, end: 0, severity: 'error', problem: problem('The plan is empty. Start with a header row: card,action,value (and optionally attribute, account, note), then one change a row.') });
    return { format: 'csv', entries: [], problems };
  }
  if (!columns.includes('card') || !columns.includes('action')) {
    problems.push({ start: header.start, end: header.end, severity: 'error', problem: problem('The first row must name the columns: card and action, and optionally value, attribute, account and note.') });
    return { format: 'csv', entries: [], problems };
  }
  const seen = new Set<PlanColumn>();
  header.cells.forEach((c, i) => {
    const col = columns[i];
    if (!col) {
      if (c.text !== '') problems.push({ start: c.start, end: c.end, severity: 'warning', problem: problem('The column "{0}" is not read: a plan has the columns card, action, value, attribute, account and note.', c.text) });
    } else if (seen.has(col)) {
      columns[i] = undefined;
      problems.push({ start: c.start, end: c.end, severity: 'warning', problem: problem('The column "{0}" is named twice; only the first is read.', c.text) });
    } else seen.add(col);
  });
  const body = rows.slice(1);
  if (body.length > MAX_PLAN_ENTRIES) {
    problems.push({ start: header.start, end: header.end, severity: 'error', problem: problem('The plan has {0} changes; SIM Fleet reads at most {1} in one plan. Split it.', body.length, MAX_PLAN_ENTRIES) });
    return { format: 'csv', entries: [], problems };
  }
  const entries = body.map((row, index): PlanEntry => {
    const fields: PlanEntry['fields'] = {};
    row.cells.forEach((c, i) => {
      const col = columns[i];
      if (col && c.text !== '') fields[col] = { text: c.text, kind: 'string', start: c.start, end: c.end };
    });
    const extra = row.cells.slice(columns.length).filter((c) => c.text !== '');
    if (extra.length) problems.push({ start: extra[0].start, end: extra[extra.length - 1].end, severity: 'warning', problem: problem('This row has more cells than the header names; the extra ones are not read. Quote a value that holds commas.') });
    return { index, start: row.start, end: row.end, fields };
  });
  return { format: 'csv', entries, problems };
}

// ---- JSON -----------------------------------------------------------------------------------

type JsonNode =
  | { type: 'object'; start: number; end: number; props: Array<{ key: string; keyStart: number; keyEnd: number; value: JsonNode }> }
  | { type: 'array'; start: number; end: number; items: JsonNode[] }
  | { type: 'string'; start: number; end: number; value: string }
  | { type: 'number'; start: number; end: number; raw: string }
  | { type: 'literal'; start: number; end: number; raw: string };

class JsonSyntaxError extends Error {
  constructor(readonly offset: number) {
    super(`JSON syntax error at ${offset}`);
  }
}

/** A small JSON reader that keeps where every value stands (JSON.parse keeps nothing of that). */
function parseJsonNodes(text: string): JsonNode {
  let i = 0;
  const ws = (): void => {
    while (i < text.length && /[\s\uFEFF]/.test(text[i])) i++;
  };
  const fail = (): never => {
    throw new JsonSyntaxError(Math.min(i, text.length));
  };
  const str = (): { value: string; start: number; end: number } => {
    const start = i;
    if (text[i] !== '"') fail();
    let j = i + 1;
    while (j < text.length && text[j] !== '"') {
      if (text[j] === '\\') j++;
      else if (text[j] === '\n') break;
      j++;
    }
    if (text[j] !== '"') {
      i = j;
      fail();
    }
    let value: string;
    try {
      value = JSON.parse(text.slice(start, j + 1)) as string;
    } catch {
      i = start;
      return fail();
    }
    i = j + 1;
    return { value, start, end: i };
  };
  const value = (): JsonNode => {
    ws();
    const start = i;
    const ch = text[i];
    // The items of an object or an array, up to its closing bracket.
    const items = (close: string, item: () => void): void => {
      i++;
      ws();
      if (text[i] === close) {
        i++;
        return;
      }
      for (;;) {
        item();
        ws();
        if (text[i] === ',') {
          i++;
          continue;
        }
        if (text[i] !== close) fail();
        i++;
        return;
      }
    };
    if (ch === '{') {
      const props: Array<{ key: string; keyStart: number; keyEnd: number; value: JsonNode }> = [];
      items('}', () => {
        ws();
        const key = str();
        ws();
        if (text[i] !== ':') fail();
        i++;
        props.push({ key: key.value, keyStart: key.start, keyEnd: key.end, value: value() });
      });
      return { type: 'object', start, end: i, props };
    }
    if (ch === '[') {
      const list: JsonNode[] = [];
      items(']', () => list.push(value()));
      return { type: 'array', start, end: i, items: list };
    }
    if (ch === '"') return { type: 'string', ...str() };
    const num = /^-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?/.exec(text.slice(i, i + 400));
    if (num) {
      i += num[0].length;
      return { type: 'number', start, end: i, raw: num[0] };
    }
    const lit = /^(true|false|null)/.exec(text.slice(i, i + 5));
    if (lit) {
      i += lit[0].length;
      return { type: 'literal', start, end: i, raw: lit[0] };
    }
    return fail();
  };
  const root = value();
  ws();
  if (i < text.length) fail();
  return root;
}

/** 1-based line of every offset asked for, in one pass. */
export function lineIndex(text: string): (offset: number) => number {
  const starts = [0];
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 10) starts.push(i + 1);
  return (offset) => {
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid] <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo + 1;
  };
}

function fieldOf(node: JsonNode): PlanField {
  switch (node.type) {
    case 'string':
      return { text: node.value, kind: 'string', start: node.start, end: node.end };
    case 'number':
      return { text: node.raw, kind: 'number', start: node.start, end: node.end };
    case 'array': {
      const items = node.items.map((x) => (x.type === 'string' ? x.value : x.type === 'number' || x.type === 'literal' ? x.raw : ''));
      const kind = node.items.every((x) => x.type === 'string') ? 'array' : 'other';
      return { text: items.join(','), items, kind, start: node.start, end: node.end };
    }
    case 'literal':
      return { text: node.raw === 'null' ? '' : node.raw, kind: node.raw === 'null' ? 'string' : 'other', start: node.start, end: node.end };
    case 'object':
      return { text: '', kind: 'other', start: node.start, end: node.end };
  }
}

const JSON_KEYS = new Set<string>(PLAN_COLUMNS);

function readJsonPlan(text: string): PlanFile {
  const problems: FileProblem[] = [];
  if (text.trim() === '') {
    problems.push({ start: 0, end: 0, severity: 'error', problem: problem('The plan is empty. Write an array of changes, for example [{ "card": "8986…", "action": "stop" }].') });
    return { format: 'json', entries: [], problems };
  }
  let root: JsonNode;
  try {
    root = parseJsonNodes(text);
  } catch (err) {
    const at = err instanceof JsonSyntaxError ? err.offset : 0;
    problems.push({ start: at, end: Math.min(text.length, at + 1), severity: 'error', problem: problem('The plan is not valid JSON (line {0}); fix the syntax there.', lineIndex(text)(at)) });
    return { format: 'json', entries: [], problems };
  }
  let list: JsonNode | undefined;
  let account: PlanField | undefined;
  if (root.type === 'array') list = root;
  else if (root.type === 'object') {
    for (const p of root.props) {
      if (p.key === 'changes') list = p.value;
      else if (p.key === 'account') {
        if (p.value.type === 'string') account = fieldOf(p.value);
        else problems.push({ start: p.value.start, end: p.value.end, severity: 'error', problem: problem('"account" names the account as text: its name as SIM Fleet shows it.') });
      } else if (p.key !== '$schema') problems.push({ start: p.keyStart, end: p.keyEnd, severity: 'warning', problem: problem('"{0}" is not read: a plan object has "account" and "changes".', p.key) });
    }
    if (!list) problems.push({ start: root.start, end: Math.min(root.end, root.start + 1), severity: 'error', problem: problem('The plan has no "changes": give them as an array, { "changes": [ … ] }.') });
  } else {
    problems.push({ start: root.start, end: root.end, severity: 'error', problem: problem('A plan is an array of changes, or an object with "changes".') });
  }
  if (list && list.type !== 'array') {
    problems.push({ start: list.start, end: list.end, severity: 'error', problem: problem('"changes" must be an array of changes.') });
    list = undefined;
  }
  if (!list || list.type !== 'array') return { format: 'json', account, entries: [], problems };
  if (list.items.length > MAX_PLAN_ENTRIES) {
    problems.push({ start: list.start, end: list.start + 1, severity: 'error', problem: problem('The plan has {0} changes; SIM Fleet reads at most {1} in one plan. Split it.', list.items.length, MAX_PLAN_ENTRIES) });
    return { format: 'json', account, entries: [], problems };
  }
  const entries = list.items.map((node, index): PlanEntry => {
    if (node.type !== 'object') return { index, start: node.start, end: node.end, fields: {}, unreadable: problem('A change is an object: { "card": …, "action": … }.') };
    const fields: PlanEntry['fields'] = {};
    for (const p of node.props) {
      if (!JSON_KEYS.has(p.key)) {
        problems.push({ start: p.keyStart, end: p.keyEnd, severity: 'warning', problem: problem('"{0}" is not read: a change has card, action, value, attribute, account and note.', p.key) });
        continue;
      }
      const f = fieldOf(p.value);
      if (f.text !== '' || f.kind !== 'string') fields[p.key as PlanColumn] = f;
    }
    return { index, start: node.start, end: node.end, fields };
  });
  return { format: 'json', account, entries, problems };
}

/** A comma-separated table as rows of cell texts (quoted cells, CRLF, a byte-order mark; no comment lines). */
export function csvTable(text: string): string[][] {
  return csvRows(text, ',', text.startsWith('\uFEFF') ? 1 : 0)
    .filter((r) => !isBlank(r))
    .map((r) => r.cells.map((c) => c.text));
}

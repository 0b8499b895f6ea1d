/**
 * The cycle forecast, drawn the same in the card detail and usage panels: cumulative usage so far
 * (solid), the projection to the cycle's end as its own series (dashed) inside its likely range
 * (shaded), and the plan's total (a level line); the sentences above it, and a table of the same
 * numbers for screen readers and "Show tables". A small SVG built with DOM calls, so the detail
 * panel needs no chart library; every text goes in as text.
 */
import type { ForecastState, ForecastView } from '../panels/protocol';
import { h, s, send, statusBox } from './common';

const SVG = 'http://www.w3.org/2000/svg';
const W = 640;
const H = 220;
const PAD = { left: 56, right: 12, top: 12, bottom: 28 };

function el<K extends keyof SVGElementTagNameMap>(tag: K, attrs: Record<string, string | number>, text?: string): SVGElementTagNameMap[K] {
  const node = document.createElementNS(SVG, tag);
  for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, String(v));
  if (text !== undefined) node.textContent = text;
  return node;
}

function chart(v: ForecastView): SVGSVGElement {
  const n = v.periods.length;
  const values = [v.totalMb, ...v.used, ...v.high].filter((x): x is number => typeof x === 'number');
  const top = Math.max(1, ...values) * 1.05;
  const x = (i: number): number => PAD.left + (n <= 1 ? 0 : (i / (n - 1)) * (W - PAD.left - PAD.right));
  const y = (mb: number): number => PAD.top + (1 - mb / top) * (H - PAD.top - PAD.bottom);
  const path = (series: Array<number | null>): string =>
    series
      .map((mb, i) => (mb === null ? '' : `${x(i).toFixed(1)},${y(mb).toFixed(1)}`))
      .filter(Boolean)
      .map((p, i) => `${i === 0 ? 'M' : 'L'}${p}`)
      .join(' ');
  const svg = el('svg', { viewBox: `0 0 ${W} ${H}`, class: 'forecast-chart', role: 'img', 'aria-label': s('Forecast chart: {0} {1}', v.outcome, v.daysLeftText) });
  // Axes and the plan's total.
  svg.append(el('line', { x1: PAD.left, x2: W - PAD.right, y1: y(0), y2: y(0), class: 'forecast-axis' }));
  for (const mb of [0, top / 2]) svg.append(el('text', { x: PAD.left - 6, y: y(mb) + 4, class: 'forecast-tick', 'text-anchor': 'end' }, `${Math.round(mb)} MB`));
  for (const i of [0, Math.floor((n - 1) / 2), n - 1]) if (n > 0) svg.append(el('text', { x: x(i), y: H - 8, class: 'forecast-tick', 'text-anchor': i === 0 ? 'start' : i === n - 1 ? 'end' : 'middle' }, v.periods[i].slice(5)));
  svg.append(el('line', { x1: PAD.left, x2: W - PAD.right, y1: y(v.totalMb), y2: y(v.totalMb), class: 'forecast-total' }));
  svg.append(el('text', { x: W - PAD.right, y: y(v.totalMb) - 4, class: 'forecast-tick', 'text-anchor': 'end' }, s('Plan total {0} MB', v.totalMb.toFixed(2))));
  // The likely range: the high line out, the low line back.
  const hi = v.high.map((mb, i) => (mb === null ? null : ([x(i), y(mb)] as const))).filter((p): p is readonly [number, number] => p !== null);
  const lo = v.low.map((mb, i) => (mb === null ? null : ([x(i), y(mb)] as const))).filter((p): p is readonly [number, number] => p !== null);
  if (hi.length > 1) svg.append(el('polygon', { points: [...hi, ...lo.reverse()].map(([a, b]) => `${a.toFixed(1)},${b.toFixed(1)}`).join(' '), class: 'forecast-range' }));
  const used = path(v.used);
  if (used) svg.append(el('path', { d: used, class: 'forecast-used' }));
  const projection = path(v.projection);
  if (projection) svg.append(el('path', { d: projection, class: 'forecast-projection' }));
  return svg;
}

function table(v: ForecastView): HTMLTableElement {
  const cols = [s('Day'), s('Used (MB)'), s('Projected (MB)'), s('Likely range (MB)')];
  const body = h('tbody');
  const num = (x: number | null): string => (x === null ? '' : x.toFixed(2));
  v.periods.forEach((p, i) => {
    const range = v.low[i] === null || v.high[i] === null ? '' : `${num(v.low[i])}–${num(v.high[i])}`;
    body.append(h('tr', {}, h('th', { text: p, attrs: { scope: 'row' } }), h('td', { className: 'num', text: num(v.used[i]) }), h('td', { className: 'num', text: num(v.projection[i]) }), h('td', { className: 'num', text: range })));
  });
  return h('table', { className: 'forecast-table' }, h('caption', { text: s('Forecast for this cycle, MB (plan total {0})', v.totalMb.toFixed(2)) }), h('thead', {}, h('tr', {}, ...cols.map((c) => h('th', { text: c, attrs: { scope: 'col' } })))), body);
}

/** The section, whatever state the forecast is in; `tableMode` shows the table instead of the chart. */
export function forecastSection(state: ForecastState | undefined, tableMode: boolean, className: string): HTMLElement | null {
  if (!state) return null;
  const headingId = 'section-forecast';
  const body: Node[] = [];
  if (state.status === 'loading') body.push(h('p', { className: 'muted', text: s('Loading…') }));
  else if (state.status === 'error') body.push(statusBox('error', state.message, () => send({ type: 'retry', section: 'forecast' })));
  else if (state.status === 'none') body.push(h('p', { className: 'muted', text: state.message }));
  else {
    const v = state.data;
    body.push(
      h('p', { className: v.willRunOut ? 'forecast-outcome warning' : 'forecast-outcome', text: v.outcome }),
      h('p', { className: 'muted', text: `${v.pace} ${v.daysLeftText}` }),
      h(
        'ul',
        { className: 'forecast-legend', attrs: { 'aria-hidden': 'true' } },
        h('li', { className: 'legend-used', text: s('Used so far') }),
        h('li', { className: 'legend-projection', text: s('Projection') }),
        h('li', { className: 'legend-range', text: s('Likely range') }),
        h('li', { className: 'legend-total', text: s('Plan total') }),
      ),
    );
    if (!tableMode) body.push(h('div', { className: 'forecast-wrap' }, chart(v)));
    body.push(h('div', { className: tableMode ? 'table-wrap' : 'table-wrap visually-hidden' }, table(v)));
  }
  return h('section', { className, attrs: { 'aria-labelledby': headingId, 'aria-busy': state.status === 'loading' ? 'true' : 'false', 'data-section': 'forecast' } }, h('h2', { text: s('Forecast for this cycle'), attrs: { id: headingId } }), ...body);
}

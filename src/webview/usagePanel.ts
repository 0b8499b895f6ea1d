// Browser side of the usage panel: charts (chart.js, bundled) with a table view of the same numbers.
import { BarController, BarElement, CategoryScale, Chart, Legend, LineController, LineElement, LinearScale, PointElement, Tooltip } from 'chart.js';
import type { ChartConfiguration } from 'chart.js';
import type { PlansView, SectionState, SeriesView, UsageSectionName, UsageView } from '../panels/protocol';
import { button, h, replaceContent, s, send, start, statusBox } from './common';
import { forecastSection } from './forecastSection';

Chart.register(BarController, BarElement, CategoryScale, LinearScale, LineController, LineElement, PointElement, Legend, Tooltip);

const root = document.getElementById('app') as HTMLElement;
let view: UsageView | undefined;
let waiting: string | undefined;
let tableMode = false;
const charts = new Map<string, Chart>();

// ---- theme -------------------------------------------------------------------------------------

const PALETTE = ['--vscode-charts-blue', '--vscode-charts-orange', '--vscode-charts-green', '--vscode-charts-purple', '--vscode-charts-red', '--vscode-charts-yellow'];
const FALLBACK = ['#3794ff', '#d18616', '#89d185', '#b180d7', '#f14c4c', '#cca700'];

interface Theme {
  foreground: string;
  grid: string;
  series: string[];
  font: string;
  highContrast: boolean;
}

function theme(): Theme {
  const css = getComputedStyle(document.body);
  const v = (name: string, fallback: string) => css.getPropertyValue(name).trim() || fallback;
  const highContrast = document.body.classList.contains('vscode-high-contrast') || document.body.classList.contains('vscode-high-contrast-light');
  return {
    foreground: v('--vscode-foreground', '#cccccc'),
    grid: highContrast ? v('--vscode-contrastBorder', '#6fc3df') : v('--vscode-editorWidget-border', v('--vscode-panel-border', 'rgba(128,128,128,0.35)')),
    series: PALETTE.map((name, i) => v(name, FALLBACK[i])),
    font: v('--vscode-font-family', 'sans-serif'),
    highContrast,
  };
}

function colorFor(th: Theme, i: number): string {
  return th.series[i % th.series.length];
}

function chartConfig(kind: 'line' | 'bar', data: SeriesView, th: Theme, xTitle: string): ChartConfiguration<'line' | 'bar'> {
  return {
    type: kind,
    data: {
      labels: data.periods,
      datasets: data.series.map((sr, i) => ({
        label: sr.label,
        data: sr.values,
        borderColor: colorFor(th, i),
        backgroundColor: colorFor(th, i),
        borderWidth: th.highContrast ? 3 : 2,
        pointRadius: kind === 'line' ? 2 : undefined,
      })),
    },
    options: {
      responsive: true,
      maintainAspectRatio: false,
      animation: false,
      color: th.foreground,
      font: { family: th.font },
      plugins: {
        legend: { display: data.series.length > 1, labels: { color: th.foreground } },
        tooltip: { callbacks: { label: (ctx) => `${ctx.dataset.label ?? ''}: ${Number(ctx.parsed.y).toFixed(2)} MB` } },
      },
      scales: {
        x: { title: { display: true, text: xTitle, color: th.foreground }, ticks: { color: th.foreground }, grid: { color: th.grid } },
        y: { beginAtZero: true, title: { display: true, text: s('Traffic (MB)'), color: th.foreground }, ticks: { color: th.foreground }, grid: { color: th.grid } },
      },
    },
  };
}

/** Colours follow the VS Code theme; VS Code swaps the body class when the theme changes. */
function retheme(): void {
  const th = theme();
  for (const chart of charts.values()) {
    const o = chart.options;
    o.color = th.foreground;
    if (o.plugins?.legend?.labels) o.plugins.legend.labels.color = th.foreground;
    for (const axis of ['x', 'y'] as const) {
      const sc = o.scales?.[axis];
      if (sc?.ticks) sc.ticks.color = th.foreground;
      if (sc?.grid) sc.grid.color = th.grid;
      if (sc && 'title' in sc && sc.title) sc.title.color = th.foreground;
    }
    chart.data.datasets.forEach((d, i) => {
      d.borderColor = colorFor(th, i);
      d.backgroundColor = colorFor(th, i);
      d.borderWidth = th.highContrast ? 3 : 2;
    });
    chart.update();
  }
}
new MutationObserver(retheme).observe(document.body, { attributes: true, attributeFilter: ['class'] });

// ---- sections ----------------------------------------------------------------------------------

function seriesTable(caption: string, periodHeader: string, data: SeriesView): HTMLTableElement {
  const table = h(
    'table',
    {},
    h('caption', { text: caption }),
    h('thead', {}, h('tr', {}, h('th', { text: periodHeader, attrs: { scope: 'col' } }), ...data.series.map((sr) => h('th', { text: sr.label, attrs: { scope: 'col' } })))),
  );
  const body = h('tbody');
  data.periods.forEach((p, i) => {
    body.append(h('tr', {}, h('th', { text: p, attrs: { scope: 'row' } }), ...data.series.map((sr) => h('td', { className: 'num', text: sr.values[i].toFixed(2) }))));
  });
  body.append(h('tr', { className: 'total' }, h('th', { text: s('Total'), attrs: { scope: 'row' } }), ...data.series.map((sr) => h('td', { className: 'num', text: sr.total.toFixed(2) }))));
  table.append(body);
  return table;
}

function chartBlock(id: string, kind: 'line' | 'bar', data: SeriesView, label: string, xTitle: string): HTMLElement {
  const canvas = h('canvas', { attrs: { role: 'img', 'aria-label': s('{0} chart. Use "Show tables" for the numbers.', label) } });
  const wrap = h('div', { className: 'chart-wrap' }, canvas);
  // chart.js measures its parent, so it is created after the canvas is in the page (see render).
  pendingCharts.push(() => {
    charts.get(id)?.destroy();
    charts.set(id, new Chart(canvas, chartConfig(kind, data, theme(), xTitle) as ChartConfiguration));
  });
  return wrap;
}
let pendingCharts: (() => void)[] = [];

function sectionBody<T>(name: UsageSectionName, state: SectionState<T>, ready: (data: T) => Node[]): Node[] {
  if (state.status === 'loading') return [statusBox('loading', waiting ?? s('Loading…'))];
  if (state.status === 'error') return [statusBox('error', state.message, () => send({ type: 'retry', section: name }))];
  return ready(state.data);
}

function seriesSection(name: 'daily' | 'monthly', v: UsageView): HTMLElement {
  const isDaily = name === 'daily';
  const title = isDaily ? s('Daily traffic') : (v.monthlyTitle ?? s('Monthly traffic'));
  const headingId = `section-${name}`;
  const monthLabel = v.months.find((m) => m.value === v.month)?.label ?? v.month;
  const caption = isDaily ? s('Daily traffic in {0}, MB', monthLabel) : (v.monthlyCaption ?? s('Monthly traffic over the last six months, MB'));
  const body = sectionBody(name, v[name], (data) => {
    if (data.periods.length === 0) return [h('p', { className: 'muted', text: s('No days with data in this month yet.') })];
    const nodes: Node[] = [];
    if (!tableMode) nodes.push(chartBlock(name, isDaily ? 'line' : 'bar', data, title, isDaily ? s('Day') : s('Month')));
    nodes.push(h('div', { className: tableMode ? 'table-wrap' : 'table-wrap visually-hidden' }, seriesTable(caption, isDaily ? s('Day') : s('Month'), data)));
    return nodes;
  });
  const header = h('div', { className: 'section-header' }, h('h2', { text: title, attrs: { id: headingId } }));
  if (isDaily) {
    const select = h('select', { attrs: { id: 'month', 'data-focus-key': 'month' } });
    for (const m of v.months) {
      const opt = h('option', { text: m.label, attrs: { value: m.value } });
      opt.selected = m.value === v.month;
      select.append(opt);
    }
    select.addEventListener('change', () => send({ type: 'selectMonth', month: select.value }));
    header.append(h('label', { className: 'month-picker', attrs: { for: 'month' } }, s('Month'), select));
  }
  return h('section', { className: 'usage-section', attrs: { 'aria-labelledby': headingId, 'aria-busy': v[name].status === 'loading' ? 'true' : 'false' } }, header, ...body);
}

function plansSection(v: UsageView): HTMLElement {
  const headingId = 'section-plans';
  const body = sectionBody<PlansView>('plans', v.plans, (data) => {
    const nodes: Node[] = [];
    if (data.rows.length) {
      const cols = [s('Card'), s('Plan'), s('Used (MB)'), s('Left (MB)'), s('Total (MB)'), s('Used')];
      const table = h('table', {}, h('caption', { text: s('Plan usage') }), h('thead', {}, h('tr', {}, ...cols.map((c) => h('th', { text: c, attrs: { scope: 'col' } })))));
      const tbody = h('tbody');
      for (const r of data.rows) {
        const fill = h('div', { className: r.leftMb < 0 ? 'bar-fill overdrawn' : 'bar-fill' });
        fill.style.width = `${r.percentUsed}%`;
        tbody.append(
          h(
            'tr',
            {},
            h('th', { text: r.card, attrs: { scope: 'row' } }),
            h('td', { text: r.plan }),
            h('td', { className: 'num', text: r.usedMb.toFixed(2) }),
            h('td', { className: 'num', text: r.leftMb.toFixed(2) }),
            h('td', { className: 'num', text: r.totalMb.toFixed(2) }),
            h(
              'td',
              {},
              h('div', { className: 'bar', attrs: { role: 'progressbar', 'aria-valuemin': '0', 'aria-valuemax': '100', 'aria-valuenow': String(r.percentUsed), 'aria-valuetext': r.text, 'aria-label': s('Plan traffic used') } }, fill),
              h('span', { className: 'bar-text', text: r.text }),
            ),
          ),
        );
      }
      table.append(tbody);
      nodes.push(h('div', { className: 'table-wrap' }, table));
    }
    if (data.note) nodes.push(h('p', { className: 'muted', text: data.note }));
    return nodes;
  });
  return h('section', { className: 'usage-section', attrs: { 'aria-labelledby': headingId } }, h('div', { className: 'section-header' }, h('h2', { text: s('Plan usage'), attrs: { id: headingId } })), ...body);
}

function render(): void {
  for (const c of charts.values()) c.destroy();
  charts.clear();
  pendingCharts = [];
  if (!view) {
    replaceContent(root, statusBox('loading', waiting ?? s('Loading…')));
    return;
  }
  const v = view;
  const toggle = button(tableMode ? s('Show charts') : s('Show tables'), () => {
    tableMode = !tableMode;
    render();
  }, { className: 'button secondary', focusKey: 'toggle-table' });
  toggle.setAttribute('aria-pressed', String(tableMode));
  const cards = h('ul', { className: 'card-list', attrs: { 'aria-label': v.listLabel ?? s('Cards') } }, ...v.cards.map((c) => h('li', { text: c.label })));
  const shown = (name: UsageSectionName) => !v.sections || v.sections.includes(name);
  const states = (['daily', 'monthly', 'plans'] as const).filter(shown).map((name) => v[name]);
  const anyReady = states.some((x) => x.status === 'ready');
  replaceContent(
    root,
    h(
      'header',
      { className: 'usage-header' },
      h('h1', { text: v.title }),
      cards,
      h(
        'div',
        { className: 'toolbar', attrs: { role: 'toolbar', 'aria-label': s('Usage actions') } },
        toggle,
        button(s('Export CSV'), () => send({ type: 'exportCsv' }), { className: 'button secondary', disabled: !anyReady, focusKey: 'export' }),
        button(s('Refresh'), () => send({ type: 'refresh' }), { className: 'button secondary', focusKey: 'refresh' }),
      ),
    ),
    ...[forecastSection(v.forecast, tableMode, 'usage-section')].filter((x): x is HTMLElement => x !== null),
    ...(shown('daily') ? [seriesSection('daily', v)] : []),
    ...(shown('monthly') ? [seriesSection('monthly', v)] : []),
    ...(shown('plans') ? [plansSection(v)] : []),
  );
  for (const make of pendingCharts) make();
  pendingCharts = [];
  root.setAttribute('aria-busy', states.some((x) => x.status === 'loading') ? 'true' : 'false');
}

start(
  (m) => {
    if (m.type === 'state' && m.panel === 'usage') {
      view = m.view;
      waiting = undefined;
    } else if (m.type === 'loading') {
      waiting = m.message;
    } else {
      return;
    }
    render();
  },
  render,
);

// Browser side of the card detail panel.
import type { ActionButton, ActionGroup, CardDetailView, DetailSection, FieldRow, HistoryView, PlanInstancesView, RowControl, SmsView, UsageBar, WorkOrderRow } from '../panels/protocol';
import { button, h, replaceContent, s, send, start, statusBox } from './common';
import { forecastSection } from './forecastSection';

const root = document.getElementById('app') as HTMLElement;
let view: CardDetailView | undefined;
let banner: { kind: 'loading' | 'error'; message: string } | undefined;

function control(c: RowControl): HTMLButtonElement {
  const cardId = view?.cardId ?? '';
  return button(c.label, () => send(c.arg === undefined ? { type: 'runAction', action: c.action, cardId } : { type: 'runAction', action: c.action, cardId, arg: c.arg }), {
    className: 'button secondary small',
    ariaLabel: c.ariaLabel,
    title: c.ariaLabel,
    focusKey: `control-${c.action}-${c.arg ?? ''}`,
  });
}

function valueCell(row: FieldRow): HTMLElement {
  if (row.chips?.length) {
    // Tags as chips, each with its own remove button; the names are text, never markup.
    const list = h('ul', { className: 'chips', attrs: { 'aria-label': row.label } });
    for (const chip of row.chips) list.append(h('li', { className: 'chip' }, h('span', { text: chip.text }), chip.remove ? control(chip.remove) : null));
    return h('dd', {}, list, ...(row.controls ?? []).map(control));
  }
  const dd = h('dd', {}, h('span', { className: 'value', text: row.value, attrs: { title: row.raw !== undefined ? `${row.value} (${row.raw})` : undefined } }));
  for (const c of row.controls ?? []) dd.append(control(c));
  if (row.isEnum && row.raw !== undefined && row.raw !== row.value) dd.append(h('span', { className: 'raw', text: `(${row.raw})` }));
  if (row.copy) {
    dd.append(
      button(s('Copy'), () => send({ type: 'copy', text: row.value }), {
        className: 'button secondary small',
        ariaLabel: s('Copy {0}', row.label),
        title: s('Copy {0}', row.label),
        focusKey: `copy-${row.key}`,
      }),
    );
  }
  return dd;
}

function bar(b: UsageBar): HTMLElement {
  const fill = h('div', { className: b.overdrawn ? 'bar-fill overdrawn' : 'bar-fill' });
  fill.style.width = `${b.percentUsed}%`;
  return h(
    'div',
    { className: 'usage' },
    h('div', { className: 'bar', attrs: { role: 'progressbar', 'aria-valuemin': '0', 'aria-valuemax': '100', 'aria-valuenow': String(b.percentUsed), 'aria-valuetext': b.text, 'aria-label': s('Plan traffic used') } }, fill),
    h('p', { className: 'bar-text', text: b.text }),
  );
}

function actionButton(a: ActionButton, cardId: string): HTMLButtonElement {
  return button(a.label, () => send({ type: 'runAction', action: a.action, cardId }), {
    className: a.action === 'stop' || a.action === 'clearRealName' || a.action === 'cutNetwork' ? 'button secondary' : 'button',
    disabled: !a.enabled,
    title: a.hint,
    ariaLabel: a.hint ? `${a.label}. ${a.hint}` : a.label,
    focusKey: `action-${a.action}`,
  });
}

/** A toolbar of the view's actions in these groups, or nothing when none applies. */
function toolbar(groups: readonly ActionGroup[], label: string): HTMLElement | null {
  const v = view;
  if (!v) return null;
  const buttons = v.actions.filter((a) => groups.includes(a.group)).map((a) => actionButton(a, v.cardId));
  return buttons.length ? h('div', { className: 'toolbar section-actions', attrs: { role: 'toolbar', 'aria-label': label } }, ...buttons) : null;
}

/** Which actions sit at the top of each section. */
const SECTION_ACTIONS: Partial<Record<DetailSection['id'], readonly ActionGroup[]>> = { basic: ['tags', 'attributes'], lifecycle: ['network'] };

function section(sec: DetailSection): HTMLElement {
  const headingId = `section-${sec.id}`;
  const list = h('dl', { className: 'fields' });
  for (const row of sec.rows) list.append(h('div', { className: 'field' }, h('dt', { text: row.label }), valueCell(row)));
  const groups = SECTION_ACTIONS[sec.id];
  return h(
    'section',
    { className: 'card-section', attrs: { 'aria-labelledby': headingId } },
    h('h2', { text: sec.title, attrs: { id: headingId } }),
    groups ? toolbar(groups, s('{0} actions', sec.title)) : null,
    sec.bar ? bar(sec.bar) : null,
    list,
  );
}

/** A cell: its text (always as text, never markup), and a title or class when it has one. */
interface Cell {
  text: string;
  title?: string;
  className?: string;
}

/** A table with a caption, column headers and rows whose first cell heads the row. */
function dataTable(caption: string, cols: readonly string[], rows: ReadonlyArray<readonly Cell[]>): HTMLElement {
  const table = h('table', {}, h('caption', { text: caption }), h('thead', {}, h('tr', {}, ...cols.map((c) => h('th', { text: c, attrs: { scope: 'col' } })))));
  const tbody = h('tbody');
  for (const row of rows) {
    tbody.append(
      h(
        'tr',
        {},
        ...row.map((c, i) => h(i === 0 ? 'th' : 'td', { text: c.text, className: c.className, attrs: { title: c.title, scope: i === 0 ? 'row' : undefined } })),
      ),
    );
  }
  table.append(tbody);
  return table;
}

/** A status cell that names the API's raw value in its title. */
const statusCell = (text: string, rawValue: string | undefined): Cell => ({ text, title: rawValue !== undefined ? `${text} (${rawValue})` : undefined });

function smsSection(sms: SmsView): HTMLElement {
  const headingId = 'section-sms';
  const body: Node[] = [];
  if (sms.state === 'loading') body.push(h('p', { className: 'muted', text: s('Loading…') }));
  else if (sms.state === 'error') body.push(h('p', { className: 'muted', text: sms.message ?? s('Something went wrong') }));
  else if (sms.rows.length === 0) body.push(h('p', { className: 'muted', text: s('No SMS was sent to this card yet.') }));
  else {
    body.push(
      dataTable(
        s('SMS sent to this card, newest first'),
        [s('Sent'), s('Message'), s('Delivery'), s('Delivered at')],
        sms.rows.map((m) => [{ text: m.sent }, { text: m.content, className: 'sms-content' }, statusCell(m.status, m.rawStatus), { text: m.received }]),
      ),
    );
  }
  return h('section', { className: 'card-section', attrs: { 'aria-labelledby': headingId } }, h('h2', { text: s('SMS'), attrs: { id: headingId } }), toolbar(['sms'], s('SMS actions')), ...body);
}

function workOrders(rows: WorkOrderRow[]): HTMLElement {
  const headingId = 'section-work-orders';
  const body: Node[] = [];
  if (rows.length === 0) {
    body.push(h('p', { className: 'muted', text: s('No work orders were started for this card in this window.') }));
  } else {
    body.push(
      dataTable(
        s('Work orders started from this window'),
        [s('Work order'), s('Action'), s('Status'), s('Started'), s('Finished'), s('Reason')],
        rows.map((w) => [{ text: w.workOrderId }, { text: w.action }, statusCell(w.status, w.rawStatus), { text: w.started }, { text: w.finished }, { text: w.failReason ?? '' }]),
      ),
    );
  }
  return h('section', { className: 'card-section', attrs: { 'aria-labelledby': headingId } }, h('h2', { text: s('Work orders'), attrs: { id: headingId } }), ...body);
}

/** A wide section holding one table read on its own: loading, its error with Retry, empty, or the table. */
function tableSection(headingId: string, title: string, v: { state: 'loading' | 'error' | 'ready'; message?: string; rows: unknown[] }, empty: string, table: () => HTMLElement): HTMLElement {
  const body =
    v.state === 'loading'
      ? h('p', { className: 'muted', text: v.message ?? s('Loading…') })
      : v.state === 'error'
        ? statusBox('error', v.message ?? s('Something went wrong'), () => send({ type: 'retry', section: 'card' }))
        : v.rows.length === 0
          ? h('p', { className: 'muted', text: empty })
          : table();
  return h('section', { className: 'card-section wide', attrs: { 'aria-labelledby': headingId } }, h('h2', { text: title, attrs: { id: headingId } }), body);
}

/** Every plan instance of the card: the main plan and add-on packs, with their figures. */
function plansSection(plans: PlanInstancesView): HTMLElement {
  return tableSection('section-plans', s('Plans'), plans, s('This card has no plan.'), () =>
    dataTable(
      s('Every plan of this card: the main plan, then add-ons'),
      [s('Plan'), s('Kind'), s('Status'), s('Valid'), s('Used'), s('Left'), s('Total')],
      plans.rows.map((p) => [{ text: p.name }, { text: p.kind }, statusCell(p.status, p.rawStatus), { text: p.validity }, { text: p.used }, { text: p.left }, { text: p.total }]),
    ),
  );
}

/** Every work order that touched the card, whoever started it, from the API. */
function historySection(history: HistoryView): HTMLElement {
  return tableSection('section-history', s('History'), history, s('No work order has touched this card.'), () =>
    dataTable(
      s('Every work order that touched this card, newest first'),
      [s('Work order'), s('Type'), s('Started by'), s('Order status'), s('This card'), s('Created'), s('Finished'), s('Reason')],
      history.rows.map((w) => [{ text: w.workOrderId }, { text: w.type }, { text: w.source }, statusCell(w.status, w.rawStatus), { text: w.line }, { text: w.created }, { text: w.finished }, { text: w.reason ?? '' }]),
    ),
  );
}

function render(): void {
  const nodes: Node[] = [];
  if (view) {
    const v = view;
    const actions = h('div', { className: 'toolbar', attrs: { role: 'toolbar', 'aria-label': s('Card actions') } });
    for (const a of v.actions.filter((x) => x.group === 'lifecycle')) actions.append(actionButton(a, v.cardId));
    actions.append(
      button(s('Open usage'), () => send({ type: 'openUsage', cardId: v.cardId }), { className: 'button secondary', focusKey: 'open-usage' }),
      button(v.pinned ? s('Unpin') : s('Pin'), () => send({ type: 'pin', cardId: v.cardId, pinned: !v.pinned }), {
        className: 'button secondary',
        focusKey: 'pin',
        pressed: v.pinned,
        title: v.pinned ? s('Take the card out of the Pinned group') : s('Keep the card in the Pinned group at the top of the Cards view'),
      }),
      button(s('Refresh'), () => send({ type: 'refresh' }), { className: 'button secondary', focusKey: 'refresh' }),
    );
    nodes.push(
      h(
        'header',
        { className: 'card-header' },
        h('div', { className: 'title-line' }, h('h1', { text: v.title }), h('span', { className: `badge status-${v.status.raw}`, text: v.status.value, attrs: { title: `${v.status.value} (${v.status.raw})` } })),
        h('p', { className: 'subtitle', text: v.subtitle }),
        actions,
        v.actionNote ? h('p', { className: 'note', text: v.actionNote }) : null,
      ),
    );
  }
  if (banner) nodes.push(statusBox(banner.kind, banner.message, banner.kind === 'error' ? () => send({ type: 'retry', section: 'card' }) : undefined));
  if (view) {
    nodes.push(h('div', { className: 'sections' }, ...view.sections.map(section), forecastSection(view.forecast, false, 'card-section forecast-section'), smsSection(view.sms), workOrders(view.workOrders), view.plans ? plansSection(view.plans) : null, view.history ? historySection(view.history) : null));
  } else if (banner?.kind !== 'error') {
    nodes.push(skeleton());
  }
  replaceContent(root, ...nodes);
  root.setAttribute('aria-busy', banner?.kind === 'loading' ? 'true' : 'false');
}

function skeleton(): HTMLElement {
  return h('div', { className: 'skeleton', attrs: { 'aria-hidden': 'true' } }, ...[1, 2, 3, 4].map(() => h('div', { className: 'skeleton-block' })));
}

start(
  (m) => {
    if (m.type === 'state' && m.panel === 'cardDetail') {
      view = m.view;
      banner = undefined;
    } else if (m.type === 'loading') {
      banner = { kind: 'loading', message: m.message };
    } else if (m.type === 'error') {
      banner = { kind: 'error', message: m.message };
    } else {
      return;
    }
    render();
  },
  render,
);

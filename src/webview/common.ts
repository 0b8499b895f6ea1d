/**
 * Browser-side helpers shared by the panels. Everything from the host is put in the page with
 * `textContent` or attribute setters — never parsed as markup — because card data is typed by
 * users (tags, custom attributes) and may hold anything.
 */
import { isHostMessage } from '../panels/protocol';
import type { CardDetailPanelState, HostMessage, Strings, PoolUsagePanelState, UsagePanelState, WebviewMessage } from '../panels/protocol';

interface VsCodeApi {
  postMessage(message: WebviewMessage): void;
  getState(): unknown;
  setState(state: unknown): void;
}
declare function acquireVsCodeApi(): VsCodeApi;

const api = acquireVsCodeApi();
let strings: Strings = {};

export function send(message: WebviewMessage): void {
  api.postMessage(message);
}

/** Only identity goes here; the host fetches everything else again after a reload. */
export function saveState(state: CardDetailPanelState | UsagePanelState | PoolUsagePanelState): void {
  api.setState(state);
}

/** A panel word in the user's language (the host sends them in `init`). */
export function s(english: string, ...args: (string | number)[]): string {
  const template = strings[english] ?? english;
  return template.replace(/\{(\d+)\}/g, (m, i: string) => (Number(i) < args.length ? String(args[Number(i)]) : m));
}

type Child = Node | string | null | undefined | false;

export interface Props {
  className?: string;
  text?: string;
  attrs?: Record<string, string | undefined>;
  onClick?: () => void;
}

/** Creates an element; text goes in as a text node, attributes through setAttribute. */
export function h<K extends keyof HTMLElementTagNameMap>(tag: K, props: Props = {}, ...children: Child[]): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  if (props.className) el.className = props.className;
  if (props.text !== undefined) el.textContent = props.text;
  for (const [k, v] of Object.entries(props.attrs ?? {})) if (v !== undefined) el.setAttribute(k, v);
  if (props.onClick) el.addEventListener('click', props.onClick);
  for (const c of children) if (c !== null && c !== undefined && c !== false) el.append(typeof c === 'string' ? document.createTextNode(c) : c);
  return el;
}

export function button(label: string, onClick: () => void, opts: { className?: string; ariaLabel?: string; title?: string; disabled?: boolean; focusKey?: string; pressed?: boolean } = {}): HTMLButtonElement {
  const b = h('button', {
    className: opts.className ?? 'button',
    text: label,
    attrs: {
      type: 'button',
      'aria-label': opts.ariaLabel,
      title: opts.title,
      'aria-pressed': opts.pressed === undefined ? undefined : String(opts.pressed),
      'data-focus-key': opts.focusKey ?? opts.ariaLabel ?? label,
    },
    onClick: () => onClick(),
  });
  b.disabled = !!opts.disabled;
  return b;
}

/** A box saying what is loading or what failed, with Retry; never an empty panel. */
export function statusBox(kind: 'loading' | 'error', message: string, onRetry?: () => void): HTMLElement {
  if (kind === 'loading') {
    return h('div', { className: 'status loading', attrs: { role: 'status' } }, h('span', { className: 'spinner', attrs: { 'aria-hidden': 'true' } }), h('span', { text: message }));
  }
  return h(
    'div',
    { className: 'status error', attrs: { role: 'alert' } },
    h('p', { className: 'error-title', text: s('Something went wrong') }),
    h('p', { className: 'error-message', text: message }),
    onRetry ? button(s('Retry'), onRetry, { focusKey: 'retry' }) : null,
  );
}

/** Replaces the page content, keeping keyboard focus on the "same" control across re-renders. */
export function replaceContent(root: HTMLElement, ...nodes: Node[]): void {
  const active = document.activeElement instanceof HTMLElement ? document.activeElement.getAttribute('data-focus-key') : null;
  root.replaceChildren(...nodes);
  if (active) {
    const again = [...root.querySelectorAll<HTMLElement>('[data-focus-key]')].find((e) => e.getAttribute('data-focus-key') === active);
    again?.focus();
  }
}

/**
 * Routes host messages to `handler`, after `init` has delivered the words. In development and
 * test builds it also answers the host's snapshot request (test runs only) with what the page
 * shows; the packaged bundle does not contain that code.
 */
export function start(handler: (message: Exclude<HostMessage, { type: 'init' } | { type: 'snapshot' }>) => void, onInit: () => void): void {
  window.addEventListener('message', (ev: MessageEvent<unknown>) => {
    const m = ev.data;
    if (!isHostMessage(m)) return;
    if (m.type === 'init') {
      strings = m.strings;
      saveState(m.identity);
      onInit();
      return;
    }
    if (m.type === 'snapshot') {
      if (SIM_FLEET_TEST_HOOKS) send({ type: 'snapshot', requestId: m.requestId, text: document.body.innerText, html: document.body.innerHTML });
      return;
    }
    handler(m);
  });
  send({ type: 'ready' });
}

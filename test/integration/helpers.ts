// What the integration suites share: the extension's test API, scripted answers to its questions,
// and a bounded wait.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { CardAction } from '../../src/core/cardRules';
import { actionOffered } from '../../src/core/cardRules';
import type { SimDeviceVO } from '../../src/gsl/models';
import type { DemoFleet } from '../../src/host/demoFleet';
import type { Card } from '../../src/simulator/index';
import type { CardNode } from '../../src/fleet/nodes/cardNode';
import type { FleetNode } from '../../src/fleet/nodes/fleetNode';
import type { MessageNode } from '../../src/fleet/nodes/messageNode';
import type { PageMoreNode } from '../../src/fleet/nodes/pageMoreNode';
import type { PickItem, UiBackend } from '../../src/host/ui';
import type { SimFleetTestApi } from '../../src/testApi';

export const EXTENSION_ID = 'simfleet.sim-fleet';

/** The internals `activate()` hands out in a test run (ExtensionMode.Test) only. */
export async function getApi(): Promise<SimFleetTestApi> {
  const ext = vscode.extensions.getExtension<SimFleetTestApi | undefined>(EXTENSION_ID);
  assert.ok(ext, 'extension is loaded');
  const api = await ext.activate();
  assert.ok(api, 'a test run gets the test API');
  return api;
}

/**
 * Scripted answers: each question takes the next answer (a function gets the question's items or
 * options, to test validation). Notifications are not questions: they go to VS Code as usual.
 */
export function scripted(answers: unknown[], seen: string[] = []): Partial<UiBackend> {
  const next = (what: string, options: unknown): unknown => {
    seen.push(what);
    assert.ok(answers.length > 0, `unexpected prompt: ${what}`);
    const a = answers.shift();
    return typeof a === 'function' ? (a as (o: unknown) => unknown)(options) : a;
  };
  return {
    confirm: async (message) => next(`confirm: ${message}`, message) as boolean,
    pickOne: async <T>(items: readonly PickItem<T>[], o: { title: string }) => next(`pickOne: ${o.title}`, items) as T | undefined,
    pickMany: async <T>(items: readonly PickItem<T>[], o: { title: string }) => next(`pickMany: ${o.title}`, items) as T[] | undefined,
    input: async (o) => next(`input: ${o.title}`, o) as string | undefined,
  };
}

/** Polls until `cond` holds; the suite's timeout bounds the wait. */
export async function until(cond: () => boolean | Promise<boolean>, interval = 100): Promise<void> {
  while (!(await cond())) await new Promise((r) => setTimeout(r, interval));
}

/** A tree node's label as shown. */
export const label = (n: FleetNode): string => String(n.getTreeItem().label);

/** "Load more" under a list of the Work Orders or Pools view (the view's nodes come from the extension's bundle: told apart by shape). */
export const isMore = (n: FleetNode | undefined): n is PageMoreNode => n !== undefined && 'loadMore' in n;

/** An error node, with its Retry. */
export const isError = (n: FleetNode | undefined): n is MessageNode => n !== undefined && (n as Partial<MessageNode>).kind === 'error';

/** The card nodes among a node's children. */
export const cardsOf = (nodes: FleetNode[]): CardNode[] => nodes.filter((n): n is CardNode => 'card' in n);

/**
 * Cards of the demo the action is offered for (as the tree shows them, no work order pending),
 * copied, and not used by another test yet (`used` remembers them).
 */
export function unusedCards(demo: DemoFleet, used: Set<string>, action: CardAction, n: number, where: (c: Card) => boolean = () => true, pending: (cardId: string) => boolean = () => false): SimDeviceVO[] {
  const out: SimDeviceVO[] = [];
  for (const c of demo.simulator.store.allCards()) {
    if (out.length === n) break;
    if (used.has(c.vo.sim_card_id) || !where(c) || !actionOffered(action, c.vo, pending(c.vo.sim_card_id))) continue;
    used.add(c.vo.sim_card_id);
    out.push(structuredClone(c.vo));
  }
  assert.equal(out.length, n, `the demo fleet has ${n} unused cards for ${action}`);
  return out;
}
/** The rows besides Needs attention (its group sits above the status groups while it runs). */
export const withoutAttention = (nodes: FleetNode[]): FleetNode[] => nodes.filter((n) => (n as { key?: string }).key !== 'attention');
/** Changes the page size and waits for the refresh that the change schedules, so it cannot land mid-test. */
export async function setPageSize(api: SimFleetTestApi, size: number | undefined): Promise<void> {
  const changed = new Promise<void>((resolve) => {
    const d = vscode.workspace.onDidChangeConfiguration((e) => {
      if (e.affectsConfiguration('simFleet.pageSize')) {
        d.dispose();
        resolve();
      }
    });
  });
  await vscode.workspace.getConfiguration('simFleet').update('pageSize', size, vscode.ConfigurationTarget.Global);
  await changed;
  await api.refresh.settled();
}

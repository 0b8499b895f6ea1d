/**
 * What the tree, the commands and the panels share. Built once in `extension.ts`.
 */
import type * as vscode from 'vscode';
import type { GslApi } from '../gsl/api';
import type { Id } from '../gsl/models';

export interface CardsChangedEvent {
  /** Cards known to have changed; undefined means "anything may have changed" (a refresh). */
  cardIds?: Id[];
}

export interface Logger {
  info(message: string): void;
  warn(message: string): void;
  error(message: string, err?: unknown): void;
}

export interface FleetServices {
  readonly extensionUri: vscode.Uri;
  /** The client of the current session; waits until signed in or the demo is running. */
  client(): Promise<GslApi>;
  /** The client if a session is ready now, else undefined. */
  currentClient(): GslApi | undefined;
  /** Fires after a refresh, or when an action's work order ends and the card changed. */
  readonly onDidChangeCards: vscode.Event<CardsChangedEvent>;
  readonly log: Logger;
  readonly workOrders: WorkOrderTracker;
}

/** Card lifecycle actions the extension offers (API: enable, reset, stop). */
export type CardAction = 'activate' | 'resume' | 'stop';

export interface TrackedWorkOrder {
  workOrderId: Id;
  cardId: Id;
  cid?: string;
  action: CardAction;
  /** WorkOrderVo.status once known (3 processing, 4 completed, 6 failed, …). */
  status?: number;
  startedAt: number;
  finishedAt?: number;
  failReason?: string;
}

/** Work orders this window started, followed to their end. */
export interface WorkOrderTracker {
  forCard(cardId: Id): readonly TrackedWorkOrder[];
  isPending(cardId: Id): boolean;
  readonly onDidChange: vscode.Event<TrackedWorkOrder>;
}

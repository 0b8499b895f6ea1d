// Entry points of the webview panels; the panels area replaces these bodies.
import type * as vscode from 'vscode';
import type { FleetServices } from '../fleet/services';
import type { Id, SimDeviceVO } from '../gsl/models';

export type CardLike = SimDeviceVO | { sim_card_id: Id };

export function registerPanels(_context: vscode.ExtensionContext, _services: FleetServices): void {
  throw new Error('Panels are not available yet.');
}
export function openCardDetail(_services: FleetServices, _card: CardLike): void {
  throw new Error('The card detail panel is not available yet.');
}
export function openUsage(_services: FleetServices, _cards: readonly CardLike[]): void {
  throw new Error('The usage panel is not available yet.');
}

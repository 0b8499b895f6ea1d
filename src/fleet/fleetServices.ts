/** The `FleetServices` the tree, commands and panels share, backed by the session and the tracker. */
import * as vscode from 'vscode';
import type { GslApi } from '../gsl/api';
import type { Session } from '../host/session';
import type { CardsChangedEvent, FleetServices, Logger } from './services';
import type { FleetWorkOrderTracker } from './workOrderTracker';

export class FleetServicesImpl implements FleetServices, vscode.Disposable {
  private readonly cardsChanged = new vscode.EventEmitter<CardsChangedEvent>();
  readonly onDidChangeCards = this.cardsChanged.event;

  constructor(
    readonly extensionUri: vscode.Uri,
    private readonly session: Session,
    readonly log: Logger,
    readonly workOrders: FleetWorkOrderTracker,
  ) {}

  client(): Promise<GslApi> {
    return this.session.client();
  }
  currentClient(): GslApi | undefined {
    return this.session.currentClient();
  }
  fireCardsChanged(e: CardsChangedEvent): void {
    this.cardsChanged.fire(e);
  }
  dispose(): void {
    this.cardsChanged.dispose();
  }
}

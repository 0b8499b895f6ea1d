/** "These cards changed" (or, without ids, "anything may have"): what panels listen to. Pure. */
import type { CardsChangedEvent } from '../core/accounts';
import { Emitter } from '../core/events';

export class CardChanges {
  private readonly emitter = new Emitter<CardsChangedEvent>();
  readonly onDidChange = this.emitter.event;

  fire(e: CardsChangedEvent): void {
    this.emitter.fire(e);
  }
  dispose(): void {
    this.emitter.dispose();
  }
}

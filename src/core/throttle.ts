/**
 * Runs some work at most once an interval: the first call at once, the calls within the interval
 * after it folded into one run at its end, so the last call is never lost. Plain Node.
 */
import type { Disposable } from './events';

export class Throttle implements Disposable {
  private last = -Infinity;
  private timer: ReturnType<typeof setTimeout> | undefined;

  constructor(
    private readonly work: () => void,
    private readonly intervalMs: number,
  ) {}

  call(): void {
    if (this.timer) return;
    const wait = this.last + this.intervalMs - Date.now();
    if (wait <= 0) return this.run();
    this.timer = setTimeout(() => this.run(), wait);
  }

  /** Something fuller did the work just now: a pending run is dropped, and the interval starts again. */
  superseded(): void {
    this.dispose();
    this.last = Date.now();
  }

  dispose(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
  }

  private run(): void {
    this.timer = undefined;
    this.last = Date.now();
    this.work();
  }
}

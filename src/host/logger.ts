/** The "SIM Fleet" log output channel behind the `Logger` every layer writes to. */
import * as vscode from 'vscode';
import type { Logger } from '../core/logger';
import { errorDetails } from '../core/errorWords';
import type { Masker } from '../core/mask';
import { showAll } from '../core/mask';

export class OutputLogger implements Logger, vscode.Disposable {
  readonly channel: vscode.LogOutputChannel = vscode.window.createOutputChannel('SIM Fleet', { log: true });
  /** Recent lines, kept only when tests ask for them (ExtensionMode.Test); never in a normal run. */
  private readonly lines: string[] | undefined;
  private readonly keepLimit: number;

  /** *Hide identifiers* reaches the log too: a log shown during a screen share must not show them either. */
  mask: () => Masker = () => showAll;

  constructor(options: { keepLines?: number } = {}) {
    this.keepLimit = options.keepLines ?? 0;
    this.lines = this.keepLimit > 0 ? [] : undefined;
  }

  info(message: string): void {
    const line = this.mask()(message);
    this.keep(line);
    this.channel.info(line);
  }
  warn(message: string): void {
    const line = this.mask()(message);
    this.keep(line);
    this.channel.warn(line);
  }
  error(message: string, err?: unknown): void {
    const line = this.mask()(err === undefined ? message : `${message}: ${errorDetails(err)}`);
    this.keep(line);
    this.channel.error(line);
  }
  /** The client's request log (method, path, status, time; the client never logs secrets). */
  readonly request = (line: string): void => this.info(line);

  recentLines(): readonly string[] {
    return this.lines ?? [];
  }
  show(): void {
    this.channel.show(true);
  }
  dispose(): void {
    this.channel.dispose();
  }

  private keep(line: string): void {
    if (!this.lines) return;
    this.lines.push(line);
    if (this.lines.length > this.keepLimit) this.lines.splice(0, this.lines.length - this.keepLimit);
  }
}

/** The "SIM Fleet" log output channel behind the `Logger` the fleet services share. */
import * as vscode from 'vscode';
import type { Logger } from '../fleet/services';
import { errorDetails } from './errorMessages';

const KEEP_LINES = 2000;

export class OutputLogger implements Logger, vscode.Disposable {
  readonly channel: vscode.LogOutputChannel = vscode.window.createOutputChannel('SIM Fleet', { log: true });
  // Recent lines are kept so tests (and "Show details") can read what was logged.
  private readonly lines: string[] = [];

  info(message: string): void {
    this.keep(message);
    this.channel.info(message);
  }
  warn(message: string): void {
    this.keep(message);
    this.channel.warn(message);
  }
  error(message: string, err?: unknown): void {
    const line = err === undefined ? message : `${message}: ${errorDetails(err)}`;
    this.keep(line);
    this.channel.error(line);
  }
  /** The client's request log (method, path, status, time; the client never logs secrets). */
  readonly request = (line: string): void => this.info(line);

  recentLines(): readonly string[] {
    return this.lines;
  }
  show(): void {
    this.channel.show(true);
  }
  dispose(): void {
    this.channel.dispose();
  }

  private keep(line: string): void {
    this.lines.push(line);
    if (this.lines.length > KEEP_LINES) this.lines.splice(0, this.lines.length - KEEP_LINES);
  }
}

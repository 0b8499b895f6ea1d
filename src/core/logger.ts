/** Where the pure modules write what happened; the extension backs it with the "SIM Fleet" log. */
export interface Logger {
  info(message: string): void;
  warn(message: string): void;
  error(message: string, err?: unknown): void;
}

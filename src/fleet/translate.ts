/**
 * The translation function the pure view-model modules take, so they run in plain Node tests.
 * In the extension it is `vscode.l10n.t`; tests use `formatOnly`, which fills `{0}` placeholders.
 */
export type Translate = (message: string, ...args: Array<string | number | boolean>) => string;

export const formatOnly: Translate = (message, ...args) =>
  message.replace(/\{(\d+)\}/g, (whole, i: string) => (Number(i) < args.length ? String(args[Number(i)]) : whole));

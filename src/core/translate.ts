/**
 * The translation function the pure modules take, so they run in plain Node tests. In the
 * extension it is `vscode.l10n.t`; tests use `formatOnly` (English, placeholders filled) or a
 * function over the zh-cn bundle.
 */
export type Translate = (message: string, ...args: Array<string | number | boolean>) => string;

/** Fills `{0}`, `{1}`, … after translation, so translators always see one whole sentence. */
export function format(template: string, ...args: Array<string | number | boolean>): string {
  return template.replace(/\{(\d+)\}/g, (whole, i: string) => (Number(i) < args.length ? String(args[Number(i)]) : whole));
}

/** English as written in the sources, placeholders filled. */
export const formatOnly: Translate = (message, ...args) => format(message, ...args);

/** A `Translate` over a bundle of translations keyed by the English text (e.g. the zh-cn bundle). */
export function bundleTranslate(bundle: Readonly<Record<string, string>>): Translate {
  return (message, ...args) => format(bundle[message] ?? message, ...args);
}

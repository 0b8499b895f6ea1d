/**
 * Text that came from the API or from a user's input, made safe for the place that shows it.
 * VS Code renders `$(name)` as an icon in quick picks and the status bar, and turns
 * `[label](command:…)` into a link in notifications. Every string SIM Fleet did not write itself
 * goes through `plainText` before any of those surfaces (quick picks, notifications, dialogs,
 * the status bar, the view's description, tree labels), and through `escapeMarkdown` before a
 * markdown tooltip or hover. What a language-model tool answers is data for a model, not for a
 * person's eyes: it goes out as JSON through `jsonForModel`. Three rules, one per kind of surface,
 * and no other.
 */

/** U+200B ZERO WIDTH SPACE: invisible, and it breaks the `$(` and `](` that the syntax needs. */
const BREAK = '\u200b';

/**
 * Plain text for a plain-text surface: line breaks become spaces, and `$(…)` and `[…](…)` are
 * broken with an invisible character so they show as typed and never become an icon or a link.
 */
export function plainText(text: string): string {
  return text.replace(/[\r\n]+/g, ' ').replace(/\$\(/g, `$${BREAK}(`).replace(/\]\(/g, `]${BREAK}(`);
}

/**
 * Backslash-escapes every ASCII punctuation character (CommonMark lets any of them be escaped)
 * and joins lines, so text from the API can never become a link, image, command or HTML in a
 * markdown tooltip or hover.
 */
export function escapeMarkdown(text: string): string {
  return text.replace(/[\r\n]+/g, ' ').replace(/[!-/:-@[-`{-~]/g, '\\$&');
}

/**
 * JSON text handed to a language model (a tool's answer) as data: `<`, `>`, `&` and the backtick
 * become `\uXXXX` escapes. JSON reads the same values back, and since those characters can only
 * stand inside JSON strings, no value can close the code block around it, open an HTML tag or
 * pass for markdown; quotes and line breaks in values are escaped by JSON itself.
 */
export function jsonForModel(json: string): string {
  return json.replace(/[<>&`]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

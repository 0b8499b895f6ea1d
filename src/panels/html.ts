/**
 * The HTML shell of a panel. It holds no API data at all: the page gets its data only through
 * postMessage. Pure, so the policy it sets is unit-tested.
 */
import { randomBytes } from 'node:crypto';

export interface ShellOptions {
  /** `webview.cspSource` */
  cspSource: string;
  /** `webview.asWebviewUri(...)` of the panel's script and stylesheet, as strings. */
  scriptUri: string;
  styleUri: string;
  /** Fresh per page load. */
  nonce: string;
  /** A fixed, localized page title (never API data). */
  title: string;
  lang: string;
}

/** 128 random bits, base64; a new one for every page so a leaked nonce is useless. */
export function makeNonce(): string {
  return randomBytes(16).toString('base64');
}

export function contentSecurityPolicy(cspSource: string, nonce: string): string {
  return [
    "default-src 'none'",
    `script-src 'nonce-${nonce}'`,
    `style-src ${cspSource}`,
    `img-src ${cspSource}`,
    `font-src ${cspSource}`,
  ].join('; ');
}

function attr(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

export function buildShell(o: ShellOptions): string {
  return `<!DOCTYPE html>
<html lang="${attr(o.lang)}">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${attr(contentSecurityPolicy(o.cspSource, o.nonce))}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<link rel="stylesheet" href="${attr(o.styleUri)}">
<title>${attr(o.title)}</title>
</head>
<body>
<main id="app" aria-live="polite" aria-busy="true"></main>
<script type="module" nonce="${attr(o.nonce)}" src="${attr(o.scriptUri)}"></script>
</body>
</html>`;
}

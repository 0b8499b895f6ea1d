/** Loads dist/runtime.js (see src/runtime.ts) the first time a client or the demo fleet is needed. */
import type * as Runtime from '../runtime';

let loaded: typeof Runtime | undefined;

export function loadRuntime(): typeof Runtime {
  // A bundle of its own beside dist/extension.js (esbuild.mjs keeps this path external), so the
  // extension's entry never parses the HTTP stack or the simulator before they are used.
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- a synchronous, lazy load of a sibling bundle
  loaded ??= require('./runtime.js') as typeof Runtime;
  return loaded;
}

/**
 * Where per-account preferences are kept (pins, saved views, dismissed attention): VS Code's global state in the
 * extension, a map in tests. Never a secret: credentials have their own store.
 */
export interface KeyValueStore {
  get<T>(key: string): T | undefined;
  update(key: string, value: unknown): PromiseLike<void>;
}

/** The keys SIM Fleet keeps per account, in one place so none is misspelt or forgotten on sign-out. */
export const stateKeys = {
  pins: (accountId: string): string => `simFleet.pins.${accountId}`,
  views: (accountId: string): string => `simFleet.views.${accountId}`,
  dismissed: (accountId: string): string => `simFleet.attention.dismissed.${accountId}`,
} as const;

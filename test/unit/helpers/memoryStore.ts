/** A KeyValueStore in memory, as VS Code's global state behaves within one run. */
import type { KeyValueStore } from '../../../src/core/storage';

export class MemoryStore implements KeyValueStore {
  readonly values = new Map<string, unknown>();
  get<T>(key: string): T | undefined {
    return this.values.get(key) as T | undefined;
  }
  async update(key: string, value: unknown): Promise<void> {
    // Stored as VS Code stores state: a JSON copy, so later changes to `value` do not leak in.
    if (value === undefined) this.values.delete(key);
    else this.values.set(key, JSON.parse(JSON.stringify(value)) as unknown);
  }
}

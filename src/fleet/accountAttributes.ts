/**
 * An account's custom attribute definitions, read once and kept until they change, so every card
 * tooltip can show its values under their names without asking the service per hover. Plain Node.
 */
import type { GslApi } from '../gsl/api';
import type { CmAttributeVO } from '../gsl/models';
import { Emitter } from '../core/events';
import type { Disposable } from '../core/events';

export class AccountAttributes implements Disposable {
  private value: CmAttributeVO[] | undefined;
  private loading: Promise<CmAttributeVO[] | undefined> | undefined;
  private readonly changed = new Emitter<void>();
  readonly onDidChange = this.changed.event;

  constructor(private readonly client: () => Pick<GslApi, 'listAttributes'> | undefined) {}

  /** The definitions as last read, if they were. */
  current(): readonly CmAttributeVO[] | undefined {
    return this.value;
  }

  /** The definitions, read on first use; undefined when they cannot be read now (asked again next time). */
  get(): Promise<CmAttributeVO[] | undefined> {
    if (this.value) return Promise.resolve(this.value);
    return this.load();
  }

  /** Reads them again (after one was created, renamed, enabled or disabled). */
  refresh(): Promise<CmAttributeVO[] | undefined> {
    this.loading = undefined;
    return this.load();
  }

  private load(): Promise<CmAttributeVO[] | undefined> {
    const client = this.client();
    if (!client) return Promise.resolve(undefined);
    const loading = client.listAttributes({ limit: 10, offset: 1 }).then(
      (r) => {
        if (this.loading === loading) {
          this.value = r.attributes;
          this.changed.fire();
        }
        return r.attributes;
      },
      () => undefined,
    );
    this.loading = loading;
    return loading.finally(() => {
      if (this.loading === loading) this.loading = undefined;
    });
  }

  dispose(): void {
    this.changed.dispose();
  }
}

/**
 * Host side of a pool's usage panel: its last six billing cycles as the usage panel shows them (a
 * chart, a table, CSV export), on the usage page's own script and with its locked-down webview.
 * Pool names are data: they reach the page as text only.
 */
import * as vscode from 'vscode';
import type { AccountId } from '../core/accounts';
import { errorMessage } from '../core/errorWords';
import type { AnyPool } from '../core/poolText';
import type { HostMessage, PoolUsagePanelState, SectionState, SeriesView, UsageView, WebviewMessage } from './protocol';
import { PanelHost, signedInClient } from './panelHost';
import type { PanelServices } from './panelServices';
import { buildPoolCyclesView, loadPoolCycles } from './poolUsageModel';
import { exportFromPage, writeUsageCsv } from './usagePanel';

export const POOL_USAGE_VIEW_TYPE = 'simFleet.poolUsage';

export class PoolUsagePanel extends PanelHost {
  private cycles: SectionState<SeriesView> = { status: 'loading' };
  private generation = 0;

  constructor(
    panel: vscode.WebviewPanel,
    services: PanelServices,
    readonly accountId: AccountId,
    readonly pool: AnyPool,
  ) {
    super(panel, services, 'usage', 'usagePanel');
    panel.iconPath = vscode.Uri.joinPath(services.extensionUri, 'media', 'panels', 'usage.svg');
    panel.title = this.title();
    this.disposables.push(services.onDidChangeMask(() => (this.panel.title = this.title())));
    void this.load();
  }

  shows(accountId: AccountId, pool: AnyPool): boolean {
    return accountId === this.accountId && pool.kind === this.pool.kind && pool.pool.id === this.pool.pool.id;
  }

  /** Reads the pool's six billing cycles again; a failure shows in the section with Retry. */
  async load(): Promise<void> {
    const gen = ++this.generation;
    this.cycles = { status: 'loading' };
    this.update();
    try {
      const client = await signedInClient(this.services, this.accountId);
      const rows = await loadPoolCycles(client, this.pool);
      if (gen !== this.generation || this.isDisposed) return;
      this.cycles = { status: 'ready', data: buildPoolCyclesView(this.pool, rows, this.services.t) };
    } catch (err) {
      if (gen !== this.generation || this.isDisposed) return;
      this.services.log.error(`Could not load the usage of pool ${this.pool.pool.id}.`, err);
      this.cycles = { status: 'error', message: errorMessage(err, this.services.t) };
    }
    this.update();
  }

  private title(): string {
    return this.services.mask()(this.services.t('Pool usage: {0}', this.pool.pool.pool_name));
  }

  /** The view the page renders: only the billing-cycle section. */
  get view(): UsageView {
    const { t } = this.services;
    return {
      title: this.title(),
      cards: [{ cardId: this.pool.pool.id, label: this.services.mask()(this.pool.pool.pool_name) }],
      months: [],
      month: '',
      daily: { status: 'loading' },
      monthly: this.cycles,
      plans: { status: 'loading' },
      sections: ['monthly'],
      listLabel: this.pool.kind === 'flow' ? t('Flow pool') : t('Back pool'),
      monthlyTitle: t('Billing cycles'),
      monthlyCaption: t('Pool traffic over the last six billing cycles, MB'),
    };
  }

  /** What the page keeps to bring the panel back after a reload: the pool's kind, id and name. */
  protected identity(): PoolUsagePanelState {
    return { accountId: this.accountId, poolKind: this.pool.kind, poolId: this.pool.pool.id, poolName: this.pool.pool.pool_name };
  }

  protected currentMessages(): HostMessage[] {
    return [{ type: 'state', panel: 'usage', view: this.view }];
  }

  exportCsv(target?: vscode.Uri): Promise<vscode.Uri | undefined> {
    return writeUsageCsv(this.services, this.view, `pool-${this.pool.pool.id}-usage.csv`, target);
  }

  protected async handle(m: Exclude<WebviewMessage, { type: 'ready' } | { type: 'snapshot' }>): Promise<void> {
    switch (m.type) {
      case 'exportCsv':
        return exportFromPage(this.services, () => this.exportCsv());
      case 'retry':
      case 'refresh':
        return this.load();
      default:
        this.services.log.warn(`Ignored "${m.type}" from the pool usage panel.`);
    }
  }
}

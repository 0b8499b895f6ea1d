/**
 * Host side of the usage panel: daily, monthly and plan usage for one card or several. Each
 * section loads, fails and retries on its own, so a slow or failing request never blanks the panel.
 */
import * as vscode from 'vscode';
import type { GslApi } from '../gsl/api';
import type { Id, SimDeviceVO } from '../gsl/models';
import type { CardLike } from '../core/cardText';
import type { AccountId } from '../core/accounts';
import { errorMessage } from '../core/errorWords';
import type { ForecastState, HostMessage, PlansView, UsagePanelState, SectionState, SeriesView, UsageSectionName, UsageView, WebviewMessage } from './protocol';
import { DEFAULT_ATTENTION_SETTINGS } from '../core/attention/settings';
import { buildForecastState, forecastMonth } from './forecastModel';
import { USAGE_SECTIONS } from './protocol';
import { billingCycles, dailyMonths, monthLabel } from './format';
import { buildCardPlansView, buildDailyView, buildFleetPlansView, buildMonthlyView, buildUsageCsv, dailyPeriods, usageCards } from './usageModel';
import type { UsageCard } from './usageModel';
import { loadCardPlans, loadDailyUsage, loadMonthlyUsage, loadPlanUsage } from './usageData';
import { PanelHost, signedInClient } from './panelHost';
import type { PanelServices } from './panelServices';

export const USAGE_VIEW_TYPE = 'simFleet.usage';

type Sections = { daily: SectionState<SeriesView>; monthly: SectionState<SeriesView>; plans: SectionState<PlansView> };

export class UsagePanel extends PanelHost {
  readonly cardIds: Id[];
  private readonly cards: UsageCard[];
  private readonly simTypes = new Map<Id, number | undefined>();
  private month: string;
  private readonly sections: Sections = { daily: { status: 'loading' }, monthly: { status: 'loading' }, plans: { status: 'loading' } };
  private readonly generations: Record<UsageSectionName, number> = { daily: 0, monthly: 0, plans: 0 };
  private waitingForSignIn = false;
  /** One card's forecast for this cycle; undefined for several cards. */
  private forecast: ForecastState | undefined;
  private forecastGeneration = 0;
  private readonly flows = new Map<Id, Pick<SimDeviceVO, 'sim_card_id' | 'flow_used' | 'flow_left'>>();

  constructor(
    panel: vscode.WebviewPanel,
    services: PanelServices,
    /** The account the cards belong to; one panel shows one account's cards. */
    readonly accountId: AccountId,
    cards: readonly CardLike[],
    private readonly now: () => Date = () => new Date(),
  ) {
    super(panel, services, 'usage', 'usagePanel');
    this.cards = usageCards(cards);
    this.cardIds = this.cards.map((c) => c.cardId);
    for (const c of cards) {
      const full = c as Partial<SimDeviceVO>;
      this.simTypes.set(c.sim_card_id, full.sim_type);
      if (full.flow_used !== undefined || full.flow_left !== undefined) this.flows.set(c.sim_card_id, { sim_card_id: c.sim_card_id, flow_used: full.flow_used, flow_left: full.flow_left });
    }
    this.month = dailyMonths(this.now())[0];
    panel.iconPath = vscode.Uri.joinPath(services.extensionUri, 'media', 'panels', 'usage.svg');
    panel.title = this.title();
    this.disposables.push(services.onDidChangeMask(() => (this.panel.title = this.title())));
    this.loadAll();
  }

  /** Same account and cards, in any order. */
  shows(accountId: AccountId, cardIds: readonly Id[]): boolean {
    if (accountId !== this.accountId) return false;
    const set = new Set(cardIds);
    return set.size === this.cardIds.length && this.cardIds.every((id) => set.has(id));
  }

  get currentMonth(): string {
    return this.month;
  }

  loadAll(): void {
    for (const s of USAGE_SECTIONS) void this.loadSection(s);
    if (this.cards.length === 1) void this.loadForecast();
  }

  /**
   * One card's forecast for this cycle: its plan figures (from the caller, else read) and this
   * month's daily usage, whatever month the daily chart shows.
   */
  async loadForecast(): Promise<void> {
    const gen = ++this.forecastGeneration;
    const { t } = this.services;
    this.forecast = { status: 'loading' };
    this.update();
    try {
      const client = await signedInClient(this.services, this.accountId);
      const cardId = this.cards[0].cardId;
      const now = this.now().getTime();
      const [card, days] = await Promise.all([this.flows.get(cardId) ?? client.showSimCard({ sim_card_id: cardId }), loadDailyUsage(client, [cardId], forecastMonth(now))]);
      if (gen !== this.forecastGeneration || this.isDisposed) return;
      this.flows.set(cardId, card);
      this.forecast = buildForecastState(card, days, now, this.services.attentionSettings?.() ?? DEFAULT_ATTENTION_SETTINGS, t);
    } catch (err) {
      if (gen !== this.forecastGeneration || this.isDisposed) return;
      this.services.log.error('Could not load the forecast.', err);
      this.forecast = { status: 'error', message: errorMessage(err, t) };
    }
    this.update();
  }

  async loadSection(section: UsageSectionName): Promise<void> {
    const gen = ++this.generations[section];
    this.sections[section] = { status: 'loading' };
    this.update();
    try {
      if (!this.services.accounts.get(this.accountId)?.currentClient()) {
        this.waitingForSignIn = true;
        this.update();
      }
      const client = await signedInClient(this.services, this.accountId);
      this.waitingForSignIn = false;
      if (gen !== this.generations[section] || this.isDisposed) return;
      const next = await this.fetch(section, client);
      if (gen !== this.generations[section] || this.isDisposed) return;
      (this.sections as Record<UsageSectionName, unknown>)[section] = next;
    } catch (err) {
      if (gen !== this.generations[section] || this.isDisposed) return;
      this.services.log.error(`Could not load ${section} usage.`, err);
      this.sections[section] = { status: 'error', message: errorMessage(err, this.services.t) };
    }
    this.update();
  }

  private async fetch(section: UsageSectionName, client: GslApi): Promise<SectionState<SeriesView> | SectionState<PlansView>> {
    const t = this.services.t;
    switch (section) {
      case 'daily': {
        const month = this.month;
        const days = await loadDailyUsage(client, this.cardIds, month);
        this.learnLabels(days.flatMap((d) => d.sim_flow));
        return { status: 'ready', data: buildDailyView(this.cards, dailyPeriods(month, this.now()), days) };
      }
      case 'monthly': {
        const cycles = billingCycles(this.now());
        const usages = await loadMonthlyUsage(client, this.cardIds, cycles);
        this.learnLabels(usages);
        return { status: 'ready', data: buildMonthlyView(this.cards, cycles, usages) };
      }
      case 'plans': {
        if (this.cards.length === 1) {
          const plans = await loadCardPlans(client, this.cards[0].cardId);
          return { status: 'ready', data: buildCardPlansView(this.cards[0], plans, t) };
        }
        // The batch plan-usage query covers physical cards only; unknown types are asked for anyway.
        const physical = this.cardIds.filter((id) => this.simTypes.get(id) === undefined || this.simTypes.get(id) === 3);
        const flows = physical.length ? await loadPlanUsage(client, physical) : [];
        return { status: 'ready', data: buildFleetPlansView(this.cards, flows, this.cardIds.length - physical.length, t) };
      }
    }
  }

  /** Cards opened by id only (e.g. after a reload) get their ICCID as a label once a response names it. */
  private learnLabels(items: readonly { sim_card_id: Id; iccid?: string }[]): void {
    for (const item of items) {
      const card = this.cards.find((c) => c.cardId === item.sim_card_id);
      if (card && card.label === card.cardId && item.iccid) card.label = item.iccid;
    }
    this.panel.title = this.title();
  }

  private title(): string {
    return this.services.mask()(this.cards.length === 1 ? this.services.t('Usage: {0}', this.cards[0].label) : this.services.t('Usage: {0} cards', this.cards.length));
  }

  /** The view the page renders now. */
  get view(): UsageView {
    const [current, previous] = dailyMonths(this.now());
    return {
      title: this.title(),
      cards: this.cards.map((c) => ({ ...c })),
      months: [current, previous].map((m) => ({ value: m, label: monthLabel(m) })),
      month: this.month,
      daily: this.sections.daily,
      monthly: this.sections.monthly,
      plans: this.sections.plans,
      ...(this.forecast ? { forecast: this.forecast } : {}),
    };
  }

  protected identity(): UsagePanelState {
    return { accountId: this.accountId, cardIds: [...this.cardIds] };
  }

  protected currentMessages(): HostMessage[] {
    const out: HostMessage[] = [{ type: 'state', panel: 'usage', view: this.view }];
    if (this.waitingForSignIn) out.push({ type: 'loading', section: 'all', message: this.services.t('Waiting for sign-in…') });
    return out;
  }

  /**
   * Writes the shown numbers as CSV. Without `target` the user picks a file; tests pass one.
   * Returns where it wrote, or undefined when the user cancelled.
   */
  async exportCsv(target?: vscode.Uri): Promise<vscode.Uri | undefined> {
    return writeUsageCsv(this.services, this.view, `sim-usage-${this.month}.csv`, target);
  }

  protected async handle(m: Exclude<WebviewMessage, { type: 'ready' } | { type: 'snapshot' }>): Promise<void> {
    switch (m.type) {
      case 'selectMonth': {
        // The API keeps daily figures for this month and last month only.
        if (!dailyMonths(this.now()).includes(m.month)) return this.refuse(m.type, 'month not offered');
        this.month = m.month;
        await this.loadSection('daily');
        return;
      }
      case 'exportCsv':
        return exportFromPage(this.services, () => this.exportCsv());
      case 'retry':
        if (m.section === 'forecast' && this.cards.length === 1) return this.loadForecast();
        if (!(USAGE_SECTIONS as readonly string[]).includes(m.section)) return this.refuse(m.type, 'unknown section');
        await this.loadSection(m.section as UsageSectionName);
        return;
      case 'refresh':
        // Figures the caller gave are old by now: the forecast reads the card again.
        this.flows.clear();
        this.loadAll();
        return;
      default:
        return this.refuse(m.type, 'not a usage request');
    }
  }

  private refuse(type: string, why: string): void {
    this.services.log.warn(`Ignored "${type}" from the usage panel: ${why}.`);
  }
}

/**
 * Writes the numbers a usage view shows as CSV (the usage panel's and a pool's). Without `target`
 * the user picks a file; tests pass one. Returns where it wrote, or undefined when the user cancelled.
 */
export async function writeUsageCsv(services: PanelServices, view: UsageView, fileName: string, target?: vscode.Uri): Promise<vscode.Uri | undefined> {
  const uri =
    target ??
    (await vscode.window.showSaveDialog({
      saveLabel: services.t('Export'),
      title: services.t('Export usage as CSV'),
      filters: { CSV: ['csv'] },
      defaultUri: vscode.workspace.workspaceFolders?.[0] ? vscode.Uri.joinPath(vscode.workspace.workspaceFolders[0].uri, fileName) : undefined,
    }));
  if (!uri) return undefined;
  // A byte-order mark lets spreadsheet programs read the Chinese words as UTF-8.
  const csv = '\ufeff' + buildUsageCsv(view, services.t);
  await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(csv));
  void vscode.window.showInformationMessage(services.t('Usage exported to {0}.', uri.scheme === 'file' ? uri.fsPath : uri.toString()));
  return uri;
}

/** The page's Export CSV button: a failure to write is said, not thrown into the message loop. */
export async function exportFromPage(services: PanelServices, write: () => Promise<unknown>): Promise<void> {
  try {
    await write();
  } catch (err) {
    void vscode.window.showErrorMessage(services.t('Could not export usage: {0}', errorMessage(err, services.t)));
  }
}

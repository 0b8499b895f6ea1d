/**
 * Host side of the card detail panel: one panel per card. Fetches the card, builds its view model,
 * and turns the page's requests into the extension's own card commands.
 */
import * as vscode from 'vscode';
import type { GslApi } from '../gsl/api';
import type { CmAttributeVO, Id, SimDeviceMultiplyVo, SimDeviceVO, SimPricePlanVO, SmsSendDetailQueryVo } from '../gsl/models';
import { loadCardPlans } from './usageData';
import type { HistoryEntry } from '../core/cardHistory';
import type { AccountId } from '../core/accounts';
import type { ActionInput } from '../core/cardRules';
import { actionOffered, tagNamesOf, withThreeNetwork } from '../core/cardRules';
import type { CardLike } from '../core/cardText';
import { cardLabel } from '../core/cardText';
import { ACTION_COMMANDS } from '../core/commandIds';
import { errorMessage } from '../core/errorWords';
import { readThreeNetworkRecord } from '../core/threeNetwork';
import type { CardDetailPanelState, CardDetailView, ForecastState, HostMessage, WebviewMessage } from './protocol';
import { DEFAULT_ATTENTION_SETTINGS } from '../core/attention/settings';
import { buildForecastState, forecastMonth } from './forecastModel';
import { loadDailyUsage } from './usageData';
import { buildCardDetailView, copyableValues } from './cardDetailModel';
import { PanelHost, signedInClient } from './panelHost';
import type { PanelServices } from './panelServices';

export const CARD_DETAIL_VIEW_TYPE = 'simFleet.cardDetail';
/** The latest SMS records the panel shows. */
const SMS_SHOWN = 20;

type Status = { kind: 'loading'; message: string } | { kind: 'error'; message: string } | { kind: 'ready' };

export interface CardDetailPanelOptions {
  /** The card as the caller knows it (e.g. from the tree), shown at once while a fresh copy loads. */
  initial?: CardLike;
  openUsage(card: CardLike): void;
}

/** More than an id: a record worth showing before the fresh copy arrives. */
function isFullCard(card: CardLike | undefined): card is SimDeviceVO {
  return !!card && Object.keys(card).length > 1;
}

export class CardDetailPanel extends PanelHost {
  private card?: SimDeviceVO;
  private attributes?: CmAttributeVO[];
  private sms?: SmsSendDetailQueryVo[] | { error: string };
  private forecast?: ForecastState;
  private history?: HistoryEntry[] | { error: string } | { progress: string };
  private historyAbort?: AbortController;
  private plans?: SimPricePlanVO[] | { error: string };
  private threeNetwork?: SimDeviceMultiplyVo;
  private view?: CardDetailView;
  private status: Status;
  private generation = 0;

  constructor(
    panel: vscode.WebviewPanel,
    services: PanelServices,
    /** The account the card belongs to; its client and work orders are the panel's. */
    readonly accountId: AccountId,
    readonly cardId: Id,
    private readonly options: CardDetailPanelOptions,
  ) {
    super(panel, services, 'cardDetail', 'cardDetailPanel');
    panel.iconPath = vscode.Uri.joinPath(services.extensionUri, 'media', 'panels', 'sim.svg');
    this.status = { kind: 'loading', message: this.services.t('Loading…') };
    if (isFullCard(options.initial)) this.setCard(options.initial);
    else panel.title = this.services.t('SIM card');
    this.disposables.push(
      services.onDidChangeCards((e) => {
        if ((e.accountId === undefined || e.accountId === this.accountId) && (!e.cardIds || e.cardIds.includes(this.cardId))) {
          // "Anything may have changed" (a refresh) covers the attribute definitions too.
          if (!e.cardIds) this.attributes = undefined;
          void this.load();
        }
      }),
      services.onDidChangeWorkOrder((e) => {
        if (e.accountId === this.accountId && e.order.cardId === this.cardId) this.rebuild();
      }),
      services.onDidChangePins(() => this.rebuild()),
      { dispose: () => this.historyAbort?.abort() },
      services.onDidChangeMask(() => {
        if (this.card) this.panel.title = this.services.mask()(cardLabel(this.card));
      }),
    );
    void this.load();
  }

  /** Fetches the card again; waits for sign-in first when no session is ready. */
  async load(): Promise<void> {
    const gen = ++this.generation;
    if (!this.services.accounts.get(this.accountId)?.currentClient()) this.setStatus({ kind: 'loading', message: this.services.t('Waiting for sign-in…') });
    // A refresh keeps the card on screen and says it is being fetched again, so a slow answer
    // never looks like nothing happened.
    else this.setStatus({ kind: 'loading', message: this.card ? this.services.t('Refreshing…') : this.services.t('Loading…') });
    try {
      const client = await this.client();
      if (gen !== this.generation || this.isDisposed) return;
      if (!this.card) this.setStatus({ kind: 'loading', message: this.services.t('Loading…') });
      // Attribute names only label the values; the card is still worth showing without them.
      const [card, attributes] = await Promise.all([
        client.showSimCard({ sim_card_id: this.cardId }),
        this.attributes
          ? Promise.resolve(this.attributes)
          : client.listAttributes({ limit: 10, offset: 1 }).then(
              (r) => r.attributes,
              (err: unknown) => {
                this.services.log.warn(`Custom attribute names are not available: ${errorMessage(err, this.services.t)}`);
                return undefined;
              },
            ),
      ]);
      if (gen !== this.generation || this.isDisposed) return;
      this.attributes = attributes;
      this.setCard(card);
      this.setStatus({ kind: 'ready' });
      void this.loadSms(client, card, gen);
      void this.loadForecast(client, card, gen);
      void this.loadHistory(card, gen);
      void this.loadPlans(client, gen);
      void this.loadThreeNetwork(client, gen);
    } catch (err) {
      if (gen !== this.generation || this.isDisposed) return;
      this.services.log.error(`Could not load card ${this.cardId}.`, err);
      this.setStatus({ kind: 'error', message: errorMessage(err, this.services.t) });
    }
  }

  /** The card's SMS history, newest first: shown below the card once read, or why it could not be. */
  private async loadSms(client: GslApi, card: SimDeviceVO, gen: number): Promise<void> {
    if (!card.cid) return;
    try {
      const page = await client.listSmsDetails({ cid: card.cid, limit: SMS_SHOWN, offset: 1 });
      if (gen !== this.generation || this.isDisposed) return;
      this.sms = page.sms_details;
    } catch (err) {
      if (gen !== this.generation || this.isDisposed) return;
      this.sms = { error: errorMessage(err, this.services.t) };
    }
    this.rebuild();
  }

  /** This cycle's forecast of the card's data, from its daily usage (one request). */
  private async loadForecast(client: GslApi, card: SimDeviceVO, gen: number): Promise<void> {
    const { t } = this.services;
    const now = Date.now();
    if (!this.forecast || this.forecast.status !== 'ready') this.forecast = { status: 'loading' };
    try {
      const days = await loadDailyUsage(client, [card.sim_card_id], forecastMonth(now));
      if (gen !== this.generation || this.isDisposed) return;
      this.forecast = buildForecastState(card, days, now, (this.services.attentionSettings?.() ?? DEFAULT_ATTENTION_SETTINGS), t);
    } catch (err) {
      if (gen !== this.generation || this.isDisposed) return;
      this.forecast = { status: 'error', message: errorMessage(err, t) };
    }
    this.rebuild();
  }

  /**
   * Every work order that touched the card, whoever started it, from the API: kept on screen while
   * it is read again, with how far the reading got the first time.
   */
  private async loadHistory(card: SimDeviceVO, gen: number): Promise<void> {
    const index = this.services.cardHistory?.(this.accountId);
    if (!index) return;
    this.historyAbort?.abort();
    const abort = new AbortController();
    this.historyAbort = abort;
    const { t } = this.services;
    const shown = this.history !== undefined && !('progress' in this.history);
    try {
      const entries = await index.historyOf(card, {
        signal: abort.signal,
        onProgress: (p) => {
          if (shown || gen !== this.generation || this.isDisposed) return;
          this.history = { progress: p.ordersTotal === undefined ? t('Reading work orders…') : t('Reading work orders… {0} of {1}', p.ordersChecked, p.ordersTotal) };
          this.rebuild();
        },
      });
      if (gen !== this.generation || this.isDisposed) return;
      this.history = entries;
    } catch (err) {
      if (gen !== this.generation || this.isDisposed || abort.signal.aborted) return;
      this.history = { error: errorMessage(err, t) };
    }
    this.rebuild();
  }

  /** The forecast as last built (tests read it). */
  get currentForecast(): ForecastState | undefined {
    return this.forecast;
  }

  /** Every plan instance of the card (main plan and add-ons) with live figures. */
  private async loadPlans(client: GslApi, gen: number): Promise<void> {
    try {
      const plans = await loadCardPlans(client, this.cardId);
      if (gen !== this.generation || this.isDisposed) return;
      this.plans = plans;
    } catch (err) {
      if (gen !== this.generation || this.isDisposed) return;
      this.plans = { error: errorMessage(err, this.services.t) };
    }
    this.rebuild();
  }

  /** Whether the card is a three-network card, and if so the carrier it is online with. */
  private async loadThreeNetwork(client: GslApi, gen: number): Promise<void> {
    try {
      // Read fresh, not from the tree's session cache: the panel shows the card as it is now.
      const found = await readThreeNetworkRecord(client, this.cardId);
      if (gen !== this.generation || this.isDisposed) return;
      this.threeNetwork = found;
      if (this.threeNetwork) this.rebuild();
    } catch (err) {
      // The card is still worth showing without it.
      this.services.log.warn(`Could not read whether card ${this.cardId} is a three-network card: ${errorMessage(err, this.services.t)}`);
    }
  }

  private client(): Promise<GslApi> {
    return signedInClient(this.services, this.accountId);
  }

  /** The card as last fetched. */
  get currentCard(): SimDeviceVO | undefined {
    return this.card;
  }

  get currentView(): CardDetailView | undefined {
    return this.view;
  }

  private setCard(card: SimDeviceVO): void {
    this.card = card;
    this.panel.title = this.services.mask()(cardLabel(card));
    this.rebuild();
  }

  private rebuild(): void {
    if (!this.card) return;
    this.view = {
      ...buildCardDetailView({
      card: this.card,
      attributes: this.attributes,
      workOrders: this.services.workOrders(this.accountId)?.forCard(this.cardId) ?? [],
      pending: this.services.workOrders(this.accountId)?.isPending(this.cardId) ?? false,
      sms: this.sms,
      pinned: this.services.isPinned(this.accountId, this.cardId),
      history: this.services.cardHistory?.(this.accountId) ? this.history : 'off',
      plans: this.plans,
      threeNetwork: this.threeNetwork,
      t: this.services.t,
      }),
      forecast: this.forecast,
    };
    this.update();
  }

  private setStatus(status: Status): void {
    this.status = status;
    this.update();
  }

  protected identity(): CardDetailPanelState {
    return { accountId: this.accountId, cardId: this.cardId };
  }

  protected currentMessages(): HostMessage[] {
    const out: HostMessage[] = [];
    if (this.view) out.push({ type: 'state', panel: 'cardDetail', view: this.view });
    if (this.status.kind === 'loading') out.push({ type: 'loading', section: 'card', message: this.status.message });
    if (this.status.kind === 'error') out.push({ type: 'error', section: 'card', message: this.status.message });
    return out;
  }

  protected async handle(m: Exclude<WebviewMessage, { type: 'ready' } | { type: 'snapshot' }>): Promise<void> {
    switch (m.type) {
      case 'runAction': {
        if (m.cardId !== this.cardId) return this.refuse(m.type, 'another card');
        const card = this.card;
        const pending = this.services.workOrders(this.accountId)?.isPending(this.cardId) ?? false;
        if (!card || !actionOffered(m.action, withThreeNetwork(card, this.threeNetwork), pending)) return this.refuse(m.type, `"${m.action}" is not offered for the card now`);
        let preset: ActionInput | undefined;
        if (m.arg !== undefined) {
          // The page may only name what it shows: a tag of this card, an attribute slot.
          if (m.action === 'removeTags' && tagNamesOf(card).includes(m.arg)) preset = { tags: [m.arg] };
          else if ((m.action === 'setAttribute' || m.action === 'clearAttribute') && /^[1-6]$/.test(m.arg)) preset = { slot: Number(m.arg) };
          else return this.refuse(m.type, `"${m.arg}" is not something "${m.action}" can be about here`);
        }
        // The command asks what is missing, confirms, sends and follows any work order.
        await vscode.commands.executeCommand(ACTION_COMMANDS[m.action], { card, accountId: this.accountId, preset });
        return;
      }
      case 'copy': {
        // The page shows (and sends back) a masked value while identifiers are hidden: copy the real one.
        const mask = this.services.mask();
        const real = this.view ? [...copyableValues(this.view)].find((v) => v === m.text || mask(v) === m.text) : undefined;
        if (real === undefined) return this.refuse(m.type, 'not a value the panel offers to copy');
        if (real !== mask(real) && !(await this.services.confirmCopy(mask(real)))) return;
        await vscode.env.clipboard.writeText(real);
        vscode.window.setStatusBarMessage(this.services.t('Copied to the clipboard.'), 2000);
        return;
      }
      case 'openUsage':
        if (m.cardId !== this.cardId) return this.refuse(m.type, 'another card');
        this.options.openUsage(this.card ?? { sim_card_id: this.cardId });
        return;
      case 'pin': {
        if (m.cardId !== this.cardId || !this.card) return this.refuse(m.type, 'another card');
        // The same commands as the tree's, so the Pinned group and every open panel follow.
        await vscode.commands.executeCommand(m.pinned ? 'simFleet.card.pin' : 'simFleet.card.unpin', { card: this.card, accountId: this.accountId });
        return;
      }
      case 'retry':
      case 'refresh':
        await this.load();
        return;
      default:
        return this.refuse(m.type, 'not a card detail request');
    }
  }

  private refuse(type: string, why: string): void {
    this.services.log.warn(`Ignored "${type}" from the card detail panel of ${this.cardId}: ${why}.`);
  }
}

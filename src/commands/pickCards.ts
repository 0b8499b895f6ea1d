/**
 * The palette's way to choose cards: a quick pick whose search box searches the server (by
 * ICCID/EID/CID, or MSISDN/IMEI by their shapes in core/identifiers.ts), limited to the statuses the action applies to.
 */
import * as vscode from 'vscode';
import type { SimDeviceVO, SimStatus } from '../gsl/models';
import { cardDescription, cardLabel } from '../core/cardText';
import { errorMessage } from '../core/errorWords';
import { plainText } from '../core/text';
import { simStatusWord } from '../core/words';
import { classifyFindInput, findQuery } from '../fleet/findInput';
import type { AccountFleet } from '../fleet/fleets';
import type { CommandContext } from './commandContext';

interface CardItem extends vscode.QuickPickItem {
  card: SimDeviceVO;
}

export async function pickCards(
  ctx: Pick<CommandContext, 't' | 'ui'>,
  fleet: AccountFleet,
  options: { title: string; statuses: readonly SimStatus[]; many: boolean },
): Promise<SimDeviceVO[] | undefined> {
  const { t } = ctx;
  const client = fleet.account.currentClient();
  if (!client) return undefined;
  const qp = vscode.window.createQuickPick<CardItem>();
  qp.title = options.title;
  qp.placeholder = t('Type an ICCID, container id, MSISDN or IMEI to search the fleet');
  qp.canSelectMany = options.many;
  // Items come from the server already matching; VS Code's own fuzzy filter would hide them.
  qp.matchOnDescription = true;
  let version = 0;

  const search = async (text: string): Promise<void> => {
    const mine = ++version;
    qp.busy = true;
    try {
      const typed = text.trim();
      const shaped = classifyFindInput(typed);
      // An ICCID (whole or in part) searches by container id; an IMEI or MSISDN by its own field.
      // The API has no IMSI search, so an IMSI matches nothing here (Find Card finds it).
      const byField = shaped && shaped.kind !== 'iccid' ? findQuery(shaped) : undefined;
      const base = byField ?? (typed ? { main_search_type: 1, main_search_key: typed } : {});
      const pages = await Promise.all(options.statuses.map((s) => client.listSimCards({ ...base, sim_status: s, limit: 50, offset: 1 })));
      if (mine !== version) return;
      qp.items = pages.flatMap((p) => p.sim_cards).map((card) => ({
        card,
        // Card data is shown as typed: never an icon.
        label: plainText(cardLabel(card)),
        description: plainText(`${simStatusWord(card.sim_status, t)} · ${cardDescription(card, t)}`),
        alwaysShow: true,
      }));
    } catch (err) {
      if (mine === version) qp.items = [];
      void ctx.ui.error(errorMessage(err, t));
    } finally {
      if (mine === version) qp.busy = false;
    }
  };

  let debounce: ReturnType<typeof setTimeout> | undefined;
  return new Promise<SimDeviceVO[] | undefined>((resolve) => {
    const done = (value: SimDeviceVO[] | undefined): void => {
      if (debounce) clearTimeout(debounce);
      resolve(value);
      qp.dispose();
    };
    qp.onDidChangeValue((text) => {
      if (debounce) clearTimeout(debounce);
      debounce = setTimeout(() => void search(text), 300);
    });
    qp.onDidAccept(() => {
      const chosen = options.many ? qp.selectedItems : qp.activeItems.slice(0, 1);
      done(chosen.length ? chosen.map((i) => i.card) : undefined);
    });
    qp.onDidHide(() => done(undefined));
    qp.show();
    void search('');
  });
}

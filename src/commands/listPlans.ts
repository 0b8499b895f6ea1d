import * as vscode from 'vscode';
import type { ProPricePlanVo } from '../gsl/models';
import { MAX_LIMIT, paginate } from '../gsl/paging';
import { formatMb } from '../core/cardText';
import { errorMessage } from '../core/errorWords';
import { ACTION_CONCURRENCY, sendEach } from '../core/requestQueue';
import type { CommandContext } from './commandContext';
import { chooseFleet } from './commandContext';

export interface PlanChoice {
  plan: ProPricePlanVo;
  /** Cards of the account on the plan (a count-only call per plan). */
  cards: number | undefined;
}

/**
 * simFleet.plan.list — the account's plans (ListProPricePlans), each with how many of its cards use
 * it; choosing one filters the Cards view to it (on the server). Returns the plans as offered and
 * the one chosen (what a test checks).
 */
export async function listPlans(ctx: CommandContext, arg?: unknown): Promise<{ offered: PlanChoice[]; chosen?: PlanChoice } | undefined> {
  const { t, ui } = ctx;
  const fleet = await chooseFleet(ctx, arg, t('Plans of which account?'));
  const client = fleet?.account.currentClient();
  if (!fleet || !client) return undefined;
  let offered: PlanChoice[];
  try {
    offered = await vscode.window.withProgress({ location: vscode.ProgressLocation.Window, title: t('Reading the plans…') }, async () => {
      const plans: ProPricePlanVo[] = [];
      for await (const page of paginate<ProPricePlanVo>(
        async ({ offset, limit }, signal) => {
          const r = await client.listProPricePlans({ limit, offset }, { signal });
          return { count: r.count, items: r.price_plans };
        },
        { pageSize: MAX_LIMIT, operation: 'List price plans' },
      )) {
        plans.push(...page);
      }
      // How many cards use each: count-only calls, a few at a time; a count that fails is left out.
      const counts = await sendEach(plans, (p) => client.countSimCards({ price_plan_id: [p.price_plan_id] }), { concurrency: ACTION_CONCURRENCY });
      return plans.map((plan, i) => {
        const c = counts[i];
        return { plan, cards: c?.ok ? c.value : undefined };
      });
    });
  } catch (err) {
    void ui.error(errorMessage(err, t));
    return undefined;
  }
  if (offered.length === 0) {
    void ui.info(t('This account has no plans.'));
    return { offered };
  }
  const chosen = await ui.pickOne(
    [...offered]
      .sort((a, b) => (b.cards ?? -1) - (a.cards ?? -1))
      .map((c) => ({
        value: c,
        label: c.plan.price_plan_name,
        description: [c.cards === undefined ? t('cards not counted') : t('{0} cards', c.cards.toLocaleString()), formatMb(c.plan.flow_total)].join(' · '),
        detail: c.plan.description || undefined,
      })),
    { title: t('Plans'), placeholder: t('Choose a plan to show its cards') },
  );
  if (!chosen) return { offered };
  fleet.model.setFilter({ ...fleet.model.filter, plans: [{ id: chosen.plan.price_plan_id, name: chosen.plan.price_plan_name }] });
  return { offered, chosen };
}

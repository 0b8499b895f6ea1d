/** What the switch-policy commands and Apply Switch Policy share: the account's policies, read page by page, and a pick of one. */
import type { GslApi } from '../gsl/api';
import type { NetworkSwitchPolicyVo } from '../gsl/models';
import { errorMessage } from '../core/errorWords';
import { plainText } from '../core/text';
import { policySummary } from '../core/threeNetwork';
import type { AccountFleet } from '../fleet/fleets';
import type { CommandContext } from './commandContext';

type Ctx = Pick<CommandContext, 't' | 'ui'>;

const PAGE = 500;

/** Every switch policy of the account (ListNetworkSwitchPolicies). */
export async function listAllPolicies(client: Pick<GslApi, 'listNetworkSwitchPolicies'>): Promise<NetworkSwitchPolicyVo[]> {
  const out: NetworkSwitchPolicyVo[] = [];
  for (let offset = 1; ; offset++) {
    const page = await client.listNetworkSwitchPolicies({ limit: PAGE, offset });
    out.push(...page.network_switch_policy_list);
    if (page.network_switch_policy_list.length < PAGE || out.length >= page.count) return out;
  }
}

/** The account's policies, or undefined after saying why they could not be read. */
export async function readPolicies(ctx: Ctx, fleet: AccountFleet | undefined): Promise<NetworkSwitchPolicyVo[] | undefined> {
  const client = fleet?.account.currentClient();
  if (!client) return undefined;
  try {
    return await listAllPolicies(client);
  } catch (err) {
    void ctx.ui.error(ctx.t('Could not read the account\'s switch policies: {0}', errorMessage(err, ctx.t)));
    return undefined;
  }
}

/** A quick pick of the account's policies (names and settings as text only); undefined when cancelled. */
export async function pickSwitchPolicy(ctx: Ctx, fleet: AccountFleet | undefined, title: string): Promise<NetworkSwitchPolicyVo | undefined> {
  const { t, ui } = ctx;
  const policies = await readPolicies(ctx, fleet);
  if (!policies) return undefined;
  if (policies.length === 0) {
    void ui.info(t('The account has no switch policies yet; create one with Create Switch Policy.'));
    return undefined;
  }
  return ui.pickOne(
    policies.map((p) => ({
      value: p,
      label: plainText(p.policy_name ?? p.id),
      description: plainText(`${p.type === 0 ? t('system') : t('private')} · ${p.status === 0 ? t('disabled') : t('enabled')}`),
      detail: plainText(policySummary(p, t)),
    })),
    { title: t('{0}: switch policies of {1}', title, fleet?.account.label ?? ''), placeholder: t('Choose a switch policy') },
  );
}

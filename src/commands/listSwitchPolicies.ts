import type { NetworkSwitchPolicyVo } from '../gsl/models';
import type { CommandContext } from './commandContext';
import { chooseFleet } from './commandContext';
import { runCardAction } from './runCardAction';
import { pickSwitchPolicy } from './switchPolicies';

/**
 * simFleet.switchPolicy.list — the account's network switch policies (ListNetworkSwitchPolicies)
 * in a quick pick, each with its carriers and strategies; the one chosen can be applied to cards.
 */
export async function listSwitchPolicies(ctx: CommandContext, arg?: unknown): Promise<NetworkSwitchPolicyVo | undefined> {
  const { t, ui } = ctx;
  const title = t('Switch Policies');
  const fleet = await chooseFleet(ctx, arg, title);
  if (!fleet) return undefined;
  const policy = await pickSwitchPolicy(ctx, fleet, title);
  if (!policy) return undefined;
  const apply = t('Apply to Cards…');
  // The notification is not waited for: the pick is the command's answer.
  void ui.info(t('Switch policy {0}', policy.policy_name ?? policy.id), apply).then((choice) => {
    if (choice === apply) void runCardAction(ctx, 'applySwitchPolicy', undefined, undefined, { preset: { policyId: policy.id, policyName: policy.policy_name ?? undefined } });
  });
  return policy;
}

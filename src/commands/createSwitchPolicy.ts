import type { NetworkSwitchPolicyDto } from '../gsl/models';
import { errorMessage } from '../core/errorWords';
import type { CarrierNumber } from '../core/threeNetwork';
import { CARRIER_OF_NUMBER, LAST_USED_CARRIER, THREE_NETWORK_CARRIERS, connectIpProblem, normalizeSwitchOrder, policyNameProblem, switchOrderProblem, switchPolicyProblem } from '../core/threeNetwork';
import type { Problem } from '../core/cardInputs';
import { say } from './askActionInput';
import type { CommandContext } from './commandContext';
import { chooseFleet } from './commandContext';
import { readPolicies } from './switchPolicies';

type Strategy = 'optimal_signal' | 'auto_switch' | 'weak_signal_switch';

/**
 * simFleet.switchPolicy.create — AddNetworkSwitchPolicy. Every field is asked with its own check
 * as the person types, and the whole policy is checked again (`switchPolicyProblem`) before the
 * one request: bad input never reaches the service, and the message says what to fix.
 */
export async function createSwitchPolicy(ctx: CommandContext, arg?: unknown): Promise<NetworkSwitchPolicyDto | undefined> {
  const { t, ui } = ctx;
  const title = t('Create Switch Policy');
  const fleet = await chooseFleet(ctx, arg, title);
  const client = fleet?.account.currentClient();
  if (!fleet || !client) return undefined;
  const existing = await readPolicies(ctx, fleet);
  if (!existing) return undefined;
  const names = existing.flatMap((p) => (p.policy_name ? [p.policy_name] : []));
  const check = (p: (v: string) => Problem | undefined) => (v: string) => {
    const problem = p(v);
    return problem ? say(t, problem) : undefined;
  };
  const carrierItems = (carriers: readonly number[]) => carriers.map((n) => ({ value: n, label: n === LAST_USED_CARRIER ? t('The carrier used last') : t(CARRIER_OF_NUMBER[n as CarrierNumber]) }));

  const name = await ui.input({ title: t('{0}: name', title), prompt: t('A name for the policy (at most 64 characters)'), validateInput: check((v) => policyNameProblem(v, names)) });
  if (name === undefined) return undefined;
  const version = await ui.pickOne<number>(
    [
      { value: 1, label: t('SDK edition'), detail: t('Cards whose device runs the three-network SDK.') },
      { value: 2, label: t('SDK-less edition'), detail: t('Cards switched without the SDK.') },
    ],
    { title: t('{0}: edition', title), placeholder: t('The edition of the cards the policy is for') },
  );
  if (version === undefined) return undefined;
  const preferred = await ui.pickOne<number>(carrierItems([...THREE_NETWORK_CARRIERS, LAST_USED_CARRIER]), { title: t('{0}: preferred carrier', title) });
  if (preferred === undefined) return undefined;
  const least = await ui.pickOne<number>(carrierItems(THREE_NETWORK_CARRIERS.filter((n) => n !== preferred)), { title: t('{0}: least-preferred carrier', title) });
  if (least === undefined) return undefined;
  const strategies = await ui.pickMany<Strategy>(
    [
      { value: 'weak_signal_switch', label: t('Switch on a weak signal'), picked: true },
      { value: 'optimal_signal', label: t('Prefer the strongest signal') },
      { value: 'auto_switch', label: t('Switch automatically'), picked: true },
    ],
    { title: t('{0}: strategies', title), placeholder: t('A policy needs weak-signal switching or an address to ping (next)') },
  );
  if (strategies === undefined) return undefined;
  const connectIp = await ui.input({
    title: t('{0}: address to ping', title),
    prompt: t('Switch on connection delay: the IPv4 or IPv6 address to ping; leave it empty to not switch on delay.'),
    placeHolder: '114.114.114.114',
    validateInput: check(connectIpProblem),
  });
  if (connectIp === undefined) return undefined;
  const order = await ui.input({
    title: t('{0}: switch order', title),
    prompt: t('Carrier numbers in the order to try, separated by commas: 1 China Mobile, 2 China Telecom, 3 China Unicom; empty for none.'),
    placeHolder: '1,2,3',
    validateInput: check(switchOrderProblem),
  });
  if (order === undefined) return undefined;
  const blacklist = await ui.pickOne<number>([{ value: 0, label: t('None') }, ...carrierItems(THREE_NETWORK_CARRIERS.filter((n) => n !== preferred))], { title: t('{0}: carrier to keep off', title) });
  if (blacklist === undefined) return undefined;

  const dto: NetworkSwitchPolicyDto = {
    policy_name: name.trim(),
    version,
    preferred_carrier: preferred,
    least_preferred_carrier: least,
    optimal_signal: strategies.includes('optimal_signal'),
    auto_switch: strategies.includes('auto_switch'),
    weak_signal_switch: strategies.includes('weak_signal_switch'),
    ...(connectIp.trim() ? { connect_ip: connectIp.trim() } : {}),
    ...(normalizeSwitchOrder(order) ? { switch_order: normalizeSwitchOrder(order) } : {}),
    blacklist,
  };
  // Every answer checked together before the one request (a scripted answer skips the boxes' checks).
  const problem = switchPolicyProblem(dto, names);
  if (problem) {
    void ui.warn(t('The switch policy was not created: {0}', say(t, problem)));
    return undefined;
  }
  try {
    await client.addNetworkSwitchPolicy(dto);
  } catch (err) {
    const message = errorMessage(err, t, { mutation: true });
    ctx.log.error(`Create switch policy ${dto.policy_name ?? ''} on ${fleet.account.label} failed: ${message}`, err);
    void ui.error(t('Could not create the switch policy: {0}', message));
    return undefined;
  }
  ctx.log.info(`Created switch policy ${dto.policy_name ?? ''} on ${fleet.account.label}`);
  void ui.info(t('Created the switch policy {0}.', dto.policy_name ?? ''));
  return dto;
}

// A new network switch policy is checked field by field before AddNetworkSwitchPolicy is sent
// (src/core/threeNetwork.ts): these pin each refusal, so bad input never reaches the service, and
// a plan's carrier reads as the API's number.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { NetworkSwitchPolicyDto } from '../../src/gsl/models';
import { carrierNumberWord, connectIpProblem, policySummary, switchOrderProblem, switchPolicyProblem } from '../../src/core/threeNetwork';
import { readCarrier, readPlanInput } from '../../src/core/plans/planActions';
import { formatOnly } from '../../src/core/translate';

const good: NetworkSwitchPolicyDto = { policy_name: 'Telecom first', version: 1, preferred_carrier: 2, least_preferred_carrier: 3, weak_signal_switch: true, switch_order: '2,1,3', blacklist: 0 };
const why = (dto: Partial<NetworkSwitchPolicyDto>, names: string[] = []) => switchPolicyProblem({ ...good, ...dto } as NetworkSwitchPolicyDto, names)?.message;

test('a complete policy passes', () => {
  assert.equal(switchPolicyProblem(good), undefined);
  assert.equal(why({ weak_signal_switch: false, connect_ip: '114.114.114.114' }), undefined);
  assert.equal(why({ weak_signal_switch: false, connect_ip: '2001:db8::1' }), undefined);
  assert.equal(why({ preferred_carrier: 4 }), undefined);
});

test('each field that the service would refuse is refused first, saying what to fix', () => {
  assert.match(why({ version: 3 }) ?? '', /edition/);
  assert.match(why({ policy_name: '  ' }) ?? '', /Enter a name/);
  assert.match(why({ policy_name: 'x'.repeat(65) }) ?? '', /at most \{0\} characters/);
  assert.match(why({ policy_name: 'a\nb' }) ?? '', /control characters/);
  assert.match(why({}, ['Telecom first']) ?? '', /already exists/);
  assert.match(why({ preferred_carrier: 5 }) ?? '', /preferred carrier/);
  assert.match(why({ least_preferred_carrier: 4 }) ?? '', /least-preferred carrier/);
  // GSL.00015032
  assert.match(why({ preferred_carrier: 3, least_preferred_carrier: 3 }) ?? '', /must differ/);
  // GSL.00015033
  assert.match(why({ weak_signal_switch: false, connect_ip: undefined }) ?? '', /needs one of them/);
  assert.match(why({ connect_ip: '300.1.1.1' }) ?? '', /IPv4 address/);
  assert.match(why({ connect_ip: 'example.com' }) ?? '', /IPv4 address/);
  assert.match(why({ switch_order: '1;2' }) ?? '', /separated by commas/);
  assert.match(why({ switch_order: '1,1' }) ?? '', /once/);
  assert.match(why({ switch_order: '2' }) ?? '', /at least two/);
  assert.match(why({ blacklist: 2 }) ?? '', /cannot be the preferred/);
  assert.match(why({ blacklist: 7 }) ?? '', /keep off/);
});

test('the address and the order may be left empty', () => {
  assert.equal(connectIpProblem(''), undefined);
  assert.equal(switchOrderProblem(' '), undefined);
  assert.equal(switchOrderProblem('1, 2, 3'), undefined);
});

test('a policy reads as its carriers and strategies; carrier numbers as words', () => {
  assert.equal(carrierNumberWord(3, formatOnly), 'China Unicom');
  assert.equal(carrierNumberWord(4, formatOnly), 'The carrier used last');
  assert.equal(carrierNumberWord(9, formatOnly), 'Unknown (9)');
  assert.equal(policySummary({ ...good, id: '1' }, formatOnly), 'prefers China Telecom · least China Unicom · switches on a weak signal · order 2,1,3 · SDK edition');
});

test('a change plan names the carrier by number or name', () => {
  assert.equal(readCarrier('2'), 2);
  assert.equal(readCarrier('China Unicom'), 3);
  assert.equal(readCarrier('移动'), 1);
  assert.equal(readCarrier('4'), undefined);
  assert.deepEqual(readPlanInput('switchNetwork', { text: 'telecom' }), { input: { carrierType: 2 } });
  assert.ok('problem' in readPlanInput('switchNetwork', { text: 'nokia' }));
  assert.ok('problem' in readPlanInput('switchNetwork', { text: '' }));
  assert.deepEqual(readPlanInput('applySwitchPolicy', { text: ' 3300000000000002 ' }), { input: { policyId: '3300000000000002' } });
});

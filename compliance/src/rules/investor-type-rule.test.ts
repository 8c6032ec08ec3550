import test from 'ava';
import { checkReceiverInvestorType, checkSenderInvestorType } from './investor-type-rule';
import { ruleTable } from './testing/rule-table';

ruleTable(test, 'the sender investor type rule', 'sender-investor-type', checkSenderInvestorType, [
  ['passes for an allowed type', {}, 'OK', /professional is allowed/],
  ['fails for a retail sender when retail is not allowed', { sender: { investorType: 'retail' } }, 'INVESTOR_TYPE_NOT_ALLOWED_SENDER', /retail is not one .* \(accredited, professional and qualified-institutional\)/],
]);

ruleTable(test, 'the receiver investor type rule', 'receiver-investor-type', checkReceiverInvestorType, [
  ['passes for an allowed type', {}, 'OK'],
  ['fails for a retail receiver when retail is not allowed', { receiver: { investorType: 'retail' } }, 'INVESTOR_TYPE_NOT_ALLOWED_RECEIVER'],
  ['passes for retail once the policy allows it', { receiver: { investorType: 'retail' }, policy: { allowedInvestorTypes: ['retail'] } }, 'OK'],
  ['fails for a qualified institution when only retail is allowed', { policy: { allowedInvestorTypes: ['retail'] } }, 'INVESTOR_TYPE_NOT_ALLOWED_RECEIVER', /\(retail\)/],
]);

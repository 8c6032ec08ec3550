import test from 'ava';
import { TRAVEL_RULE, transferInput } from './testing/transfer-input-fixture';
import { ruleTable } from './testing/rule-table';
import { checkTravelRuleData } from './travel-rule-data-rule';

const blankBeneficiaryAccount = { ...TRAVEL_RULE, beneficiary: { ...TRAVEL_RULE.beneficiary, accountRef: '  ' } };

ruleTable(test, 'the travel rule', 'travel-rule', checkTravelRuleData, [
  ['passes without data one unit below the threshold', { amount: 9_999n }, 'OK', /not required below 10000 units/],
  ['fails without data exactly at the threshold and names every missing field', { amount: 10_000n }, 'TRAVEL_RULE_DATA_MISSING', /supply the originator's name, the originator's account reference, the beneficiary's name and the beneficiary's account reference\./],
  ['passes with complete data at the threshold', { amount: 10_000n, travelRule: TRAVEL_RULE }, 'OK', /present, as required from 10000 units/],
  ['fails when one field is blank and names only that one', { amount: 10_000n, travelRule: blankBeneficiaryAccount }, 'TRAVEL_RULE_DATA_MISSING', /supply the beneficiary's account reference\./],
  ['requires data for every transfer when the threshold is zero', { amount: 1n, policy: { travelRuleThreshold: 0n } }, 'TRAVEL_RULE_DATA_MISSING'],
]);

test('the travel-rule verdict never repeats the names or account references it was given', (t) => {
  const verdict = checkTravelRuleData(transferInput({ amount: 10_000n, travelRule: blankBeneficiaryAccount }));
  const text = JSON.stringify(verdict);
  for (const secret of ['Alice', 'Bob', 'CH93', 'DE89']) t.false(text.includes(secret), secret);
});

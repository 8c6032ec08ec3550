import test from 'ava';
import { checkAmountPositive } from './amount-positive-rule';
import { ruleTable } from './testing/rule-table';

ruleTable(test, 'the amount rule', 'amount-positive', checkAmountPositive, [
  ['passes for one unit, the smallest transfer', { amount: 1n, policy: { minTransfer: 0n } }, 'OK', /moves 1 unit\./],
  ['fails for zero units', { amount: 0n }, 'AMOUNT_NOT_POSITIVE', /at least 1 unit; 0 was requested/],
  ['fails for a negative amount', { amount: -5n }, 'AMOUNT_NOT_POSITIVE', /-5/],
]);

import test from 'ava';
import { checkMinTransfer } from './min-transfer-rule';
import { ruleTable } from './testing/rule-table';

ruleTable(test, 'the minimum transfer rule', 'min-transfer', checkMinTransfer, [
  ['passes exactly at the minimum', { amount: 100n }, 'OK', /100 units meets the minimum transfer of 100 units/],
  ['fails one unit below the minimum', { amount: 99n }, 'BELOW_MIN_TRANSFER', /99 units is below the minimum transfer of 100 units set by policy version 3/],
  ['passes any positive amount when the minimum is zero', { amount: 1n, policy: { minTransfer: 0n } }, 'OK'],
]);

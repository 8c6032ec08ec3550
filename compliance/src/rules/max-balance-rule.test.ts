import test from 'ava';
import { checkMaxBalance } from './max-balance-rule';
import { ruleTable } from './testing/rule-table';

ruleTable(test, 'the maximum balance rule', 'max-balance', checkMaxBalance, [
  ['passes when the receiver ends exactly at the maximum', { receiverBalance: 995_000n, receiverIsHolder: true }, 'OK', /would hold 1000000 units, within the maximum/],
  ['fails when the receiver would end one unit above it and says how much fits', { receiverBalance: 995_001n, receiverIsHolder: true }, 'MAX_BALANCE_EXCEEDED', /1000001 units, above the maximum of 1000000 units .* at most 4999 more/],
  ['fails for any amount once the receiver is above a lowered maximum', { receiverBalance: 1_200_000n, receiverIsHolder: true, amount: 100n }, 'MAX_BALANCE_EXCEEDED', /at most 0 more/],
  ['passes a first holding of exactly the maximum', { amount: 1_000_000n }, 'OK'],
]);

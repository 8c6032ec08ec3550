import test from 'ava';
import { ruleTable } from './testing/rule-table';
import { checkUnfrozenBalance } from './unfrozen-balance-rule';

ruleTable(test, 'the unfrozen balance rule', 'unfrozen-balance', checkUnfrozenBalance, [
  ['passes for the whole balance when nothing is frozen', { amount: 20_000n }, 'OK'],
  ['fails one unit above the balance', { amount: 20_001n }, 'INSUFFICIENT_BALANCE', /holds 20000 units, fewer than the 20001 requested\./],
  ['points to units in bridge escrow when they would cover the shortfall', { amount: 20_001n, senderHolding: { escrowed: 500n } }, 'INSUFFICIENT_BALANCE', /another 500 units are in bridge escrow/],
  ['passes exactly at the unfrozen balance', { amount: 15_000n, senderHolding: { frozen: 5_000n } }, 'OK', /15000 units that are not frozen/],
  ['fails one unit above the unfrozen balance', { amount: 15_001n, senderHolding: { frozen: 5_000n } }, 'BALANCE_FROZEN', /5000 of the sender's 20000 units are frozen, so at most 15000 can move, not 15001/],
  ['fails for any amount when everything is frozen', { amount: 1n, senderHolding: { frozen: 20_000n } }, 'BALANCE_FROZEN'],
  ['treats more frozen than held as nothing movable', { amount: 1n, senderHolding: { frozen: 30_000n } }, 'BALANCE_FROZEN', /at most 0 can move/],
]);

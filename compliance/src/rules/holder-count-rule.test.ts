import test from 'ava';
import { checkHolderCount } from './holder-count-rule';
import { ruleTable } from './testing/rule-table';

const existing = { receiverIsHolder: true, receiverBalance: 10n };
const senderLeaves = { amount: 20_000n };

ruleTable(test, 'the holder count rule', 'holder-count', checkHolderCount, [
  ['passes a new holder who becomes exactly the maximum', { holderCount: 99 }, 'OK', /100 holders of at most 100/],
  ['fails a new holder one above the maximum', { holderCount: 100 }, 'MAX_HOLDERS_EXCEEDED', /bringing the asset to 101 holders, above the maximum of 100/],
  ['passes a new holder at the maximum when the sender moves its whole balance', { holderCount: 100, ...senderLeaves }, 'OK', /sender leaves, freeing a slot/],
  ['fails that replacement when the sender still has units in bridge escrow', { holderCount: 100, ...senderLeaves, senderHolding: { escrowed: 1n } }, 'MAX_HOLDERS_EXCEEDED'],
  ['passes an existing holder at the maximum', { holderCount: 100, ...existing }, 'OK', /already holds units/],
  ['passes an existing holder above a lowered maximum', { holderCount: 130, ...existing }, 'OK'],
  ['fails even a replacement while the count is above a lowered maximum', { holderCount: 120, ...senderLeaves }, 'MAX_HOLDERS_EXCEEDED', /120 holders/],
  ['passes when no units move', { holderCount: 100, amount: 0n }, 'OK', /No units move/],
]);

import test from 'ava';
import { checkReceiverSanctions, checkSenderSanctions } from './sanctions-rule';
import { ruleTable } from './testing/rule-table';

ruleTable(test, 'the sender sanctions rule', 'sender-sanctions', checkSenderSanctions, [
  ['passes when the sender is clear and names the list version', {}, 'OK', /clear on sanctions list version SDN-2026-02-27/],
  ['fails on a hit', { sender: { sanctions: { status: 'hit', listVersion: 'SDN-2026-03-01' } } }, 'SANCTIONS_HIT_SENDER', /SDN-2026-03-01/],
  ['fails while screening is pending', { sender: { sanctions: { status: 'pending', listVersion: 'SDN-2026-03-01' } } }, 'SANCTIONS_PENDING_SENDER'],
]);

ruleTable(test, 'the receiver sanctions rule', 'receiver-sanctions', checkReceiverSanctions, [
  ['passes when the receiver is clear', {}, 'OK'],
  ['fails on a hit', { receiver: { sanctions: { status: 'hit', listVersion: 'v7' } } }, 'SANCTIONS_HIT_RECEIVER', /receiver matches sanctions list version v7/],
  ['fails while screening is pending', { receiver: { sanctions: { status: 'pending', listVersion: 'v7' } } }, 'SANCTIONS_PENDING_RECEIVER'],
  ['fails closed on a status it does not know', { receiver: { sanctions: { status: 'unknown' as never, listVersion: 'v7' } } }, 'SANCTIONS_PENDING_RECEIVER'],
]);

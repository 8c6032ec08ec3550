import test from 'ava';
import { orderingStatus, raftQuorum, type FabricProcessStatus } from './fabric-status';

const orderer = (bank: string, healthy: boolean): FabricProcessStatus => ({ name: `orderer-${bank}`, endpoint: '127.0.0.1:7050', ...(healthy ? { pid: 1 } : {}), healthy });

test('Raft needs a strict majority of its members', (t) => {
  t.deepEqual([1, 2, 3, 4, 5].map(raftQuorum), [1, 2, 2, 3, 3]);
});

test('with 2 of 3 orderers down ordering is stopped, naming the orderers down and the majority Raft needs, even if the survivor still reports itself leader', (t) => {
  const status = orderingStatus([orderer('bankA', false), orderer('bankB', true), orderer('bankC', false)], 'orderer-bankB', 'rwa');
  t.false(status.ordering);
  t.is(status.sentence, 'ordering stopped on rwa: 2 of 3 orderers down (orderer-bankA, orderer-bankC), Raft needs 2 of 3; start one again ("trestle network up")');
});

test('with 1 of 3 orderers down and a leader the channel orders', (t) => {
  const status = orderingStatus([orderer('bankA', true), orderer('bankB', false), orderer('bankC', true)], 'orderer-bankC', 'rwa');
  t.true(status.ordering);
  t.is(status.sentence, 'ordering on rwa: 2 of 3 orderers up, orderer-bankC leads');
});

test('with a majority up but no leader elected ordering is stalled, not running', (t) => {
  const status = orderingStatus([orderer('bankA', true), orderer('bankB', true), orderer('bankC', true)], undefined, 'rwa');
  t.false(status.ordering);
  t.regex(status.sentence, /^ordering stalled on rwa: 3 of 3 orderers up but no Raft leader elected/);
});

import test from 'ava';
import { ASSET_ID } from '@trestle/chaincode/src/testing/ledger-documents';
import { INVESTORS } from '@trestle/chaincode/src/testing/ledger-story';
import { snapshotLedger } from '@trestle/chaincode/src/testing/stub-context';
import type { HoldingRecord } from '@trestle/compliance/src/ledger/holding';
import { transferWorld } from './testing/transfer-world';

// Freezes, forced transfers and pauses through the CLI over the in-process stub (no Fabric peer
// runs here), on the transfer story: anna (BankA) holds 600000 units, chloe (BankB) 100000.

const ANNA = INVESTORS.annaA;
const CHLOE = INVESTORS.chloeB;
const ORDER_HASH = 'ab'.repeat(32);
const TO_CHLOE = ['--asset', ASSET_ID, '--from', ANNA, '--to', CHLOE] as const;

test('a frozen amount cannot move: a partial freeze leaves only the rest transferable, and unfreezing frees it', async (t) => {
  const w = await transferWorld(t);
  const frozen = await w.run('freeze', ASSET_ID, ANNA, '--as', 'bankA/alice', '--amount', '596000', '--reason', 'court inquiry 17/2026');
  t.is(frozen.exitCode, 0, frozen.stderr);
  t.is(frozen.stdout, `frozen: ${ANNA}'s ${ASSET_ID} holding now has balance 600000, frozen 596000`);

  const blocked = await w.run('transfer', 'check', '--as', 'bankA/bob', ...TO_CHLOE, '--amount', '5000');
  t.is(blocked.exitCode, 3);
  t.regex(blocked.stdout, /FAIL +unfrozen-balance +\[BALANCE_FROZEN\]/);
  const before = snapshotLedger(w.worldState);
  const refused = await w.run('transfer', 'request', '--as', 'bankA/bob', ...TO_CHLOE, '--amount', '5000');
  t.is(refused.exitCode, 3);
  t.regex(refused.stderr, /\[TRANSFER_REFUSED\].*\[BALANCE_FROZEN\]/);
  t.deepEqual(snapshotLedger(w.worldState), before);
  t.is((await w.run('transfer', 'check', '--as', 'bankA/bob', ...TO_CHLOE, '--amount', '4000')).exitCode, 0, 'the unfrozen rest still moves');

  const released = await w.run('unfreeze', ASSET_ID, ANNA, '--as', 'bankA/alice', '--reason', 'inquiry closed', '--json');
  t.is(released.exitCode, 0, released.stderr);
  t.is((JSON.parse(released.stdout) as HoldingRecord).frozen, '0');
  t.is((await w.run('transfer', 'check', '--as', 'bankA/bob', ...TO_CHLOE, '--amount', '5000')).exitCode, 0);
});

test('only an officer of the investor\'s bank or the regulator freezes; a freeze needs a reason and a free amount', async (t) => {
  const w = await transferWorld(t);
  const before = snapshotLedger(w.worldState);
  const otherBank = await w.run('freeze', ASSET_ID, ANNA, '--as', 'bankB/carol', '--reason', 'not mine');
  t.is(otherBank.exitCode, 3);
  t.regex(otherBank.stderr, /\[CALLER_OF_OTHER_BANK\]/);
  t.is((await w.run('freeze', ASSET_ID, ANNA, '--as', 'bankA/alice')).exitCode, 2, 'no --reason');
  const tooMuch = await w.run('freeze', ASSET_ID, ANNA, '--as', 'bankA/alice', '--amount', '600001', '--reason', 'x');
  t.is(tooMuch.exitCode, 3);
  t.regex(tooMuch.stderr, /\[FREEZE_CONFLICT\]/);
  const badAmount = await w.run('freeze', ASSET_ID, ANNA, '--as', 'bankA/alice', '--amount', '1.5', '--reason', 'x');
  t.is(badAmount.exitCode, 3);
  t.regex(badAmount.stderr, /\[AMOUNT_INVALID\]/);
  t.deepEqual(snapshotLedger(w.worldState), before);
  const byRegulator = await w.run('freeze', ASSET_ID, CHLOE, '--as', 'regulator/rita', '--reason', 'order 5');
  t.is(byRegulator.exitCode, 0, byRegulator.stderr);
  t.regex(byRegulator.stdout, /frozen 100000$/);
});

test('a forced transfer by the regulator moves frozen units; nobody else may order one', async (t) => {
  const w = await transferWorld(t);
  t.is((await w.run('freeze', ASSET_ID, ANNA, '--as', 'bankA/alice', '--reason', 'sanctions inquiry')).exitCode, 0);
  const args = ['force-transfer', ASSET_ID, ANNA, CHLOE, '250000', '--order-ref', 'ZH-COURT-2026-881', '--document-hash', ORDER_HASH];
  const before = snapshotLedger(w.worldState);
  const byOfficer = await w.run(...args, '--as', 'bankA/alice');
  t.is(byOfficer.exitCode, 3);
  t.regex(byOfficer.stderr, /\[CALLER_LACKS_ROLE\]/);
  const badHash = await w.run('force-transfer', ASSET_ID, ANNA, CHLOE, '250000', '--order-ref', 'ZH-COURT-2026-881', '--document-hash', 'AB'.repeat(32), '--as', 'regulator/rita');
  t.is(badHash.exitCode, 3);
  t.regex(badHash.stderr, /\[FORCED_TRANSFER_INVALID\]/);
  t.is((await w.run('force-transfer', ASSET_ID, ANNA, CHLOE, '250000', '--document-hash', ORDER_HASH, '--as', 'regulator/rita')).exitCode, 2, 'no --order-ref');
  t.deepEqual(snapshotLedger(w.worldState), before);

  const forced = await w.run(...args, '--as', 'regulator/rita');
  t.is(forced.exitCode, 0, forced.stderr);
  t.deepEqual(forced.stdout.split('\n'), [
    `moved 250000 units of ${ASSET_ID} from ${ANNA} to ${CHLOE} by order ZH-COURT-2026-881`,
    `${ANNA}: balance 350000, frozen 350000, escrowed 0`,
    `${CHLOE}: balance 350000, frozen 0, escrowed 0`,
  ]);
});

test('a paused asset takes no transfer until it is unpaused', async (t) => {
  const w = await transferWorld(t);
  const paused = await w.run('pause', ASSET_ID, '--as', 'bankA/alice', '--reason', 'valuation under review');
  t.is(paused.exitCode, 0, paused.stderr);
  t.is(paused.stdout, `${ASSET_ID} paused: valuation under review`);
  const check = await w.run('transfer', 'check', '--as', 'bankA/bob', ...TO_CHLOE, '--amount', '5000');
  t.is(check.exitCode, 3);
  t.regex(check.stdout, /FAIL +asset-not-paused +\[ASSET_PAUSED\]/);
  const again = await w.run('pause', ASSET_ID, '--as', 'regulator/rita', '--reason', 'twice');
  t.is(again.exitCode, 3);
  t.regex(again.stderr, /\[ASSET_PAUSE_CONFLICT\]/);
  t.is((await w.run('unpause', ASSET_ID, '--as', 'bankB/carol', '--reason', 'not my asset')).exitCode, 3);
  t.is((await w.run('unpause', ASSET_ID, '--as', 'regulator/rita', '--reason', 'review done')).exitCode, 0);
  t.is((await w.run('transfer', 'check', '--as', 'bankA/bob', ...TO_CHLOE, '--amount', '5000')).exitCode, 0);
});

import '@trestle/chaincode/src/testing/quiet-fabric-logs';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import test from 'ava';
import { contracts } from '@trestle/chaincode/src/index';
import { TransferContract } from '@trestle/chaincode/src/transfers/transfer-contract';
import { REPO_ROOT } from '@trestle/network/src/stack/stack-config';
import { ASSET_ID } from '@trestle/chaincode/src/testing/ledger-documents';
import { tx } from '@trestle/chaincode/src/testing/ledger-cast';
import { INVESTORS } from '@trestle/chaincode/src/testing/ledger-story';
import { copyLedger } from '@trestle/chaincode/src/testing/stub-context';
import { AFTER_LOCKUP, approve, DESK, ledgerForTransfers, request, transferRequest, unitsOnLedger } from '@trestle/chaincode/src/testing/transfer-story';
import { HOLDING_KEY_TYPE } from '@trestle/chaincode/src/assets/holding-key';
import { runComplianceOverhead } from '../bench/chaincode/compliance-overhead';
import { PlainMoveBaselineContract } from '../bench/chaincode/plain-move-baseline';

// The compliance-overhead bench on the in-process chaincode stub (no Fabric peer): its baseline
// move, and the workload's shape. Times themselves are not asserted: they follow the machine.

const baseline = new PlainMoveBaselineContract();

/** The asset's holding records, key to JSON text. */
function holdingsOf(worldState: Map<string, Uint8Array>): Map<string, string> {
  const prefix = tx(DESK.regulator, worldState).ctx.stub.createCompositeKey(HOLDING_KEY_TYPE, [ASSET_ID]);
  return new Map([...worldState].filter(([key]) => key.startsWith(prefix)).map(([key, value]) => [key, Buffer.from(value).toString('utf8')]));
}

test('the plain move writes the same holding records, byte for byte, as a settled transfer of the same units at the same time', async (t) => {
  const base = await ledgerForTransfers();
  const settled = copyLedger(base);
  await request(settled, transferRequest('T-1', 1_000n));
  await approve(settled, DESK.officerA, 'T-1');
  await approve(settled, DESK.officerB, 'T-1');
  const moved = copyLedger(base);
  const move = tx(DESK.requesterA, moved, { at: AFTER_LOCKUP });
  await baseline.PlainMove(move.ctx, ASSET_ID, INVESTORS.annaA, INVESTORS.chloeB, 1_000n);
  t.deepEqual(holdingsOf(moved), holdingsOf(settled));
  t.notDeepEqual(holdingsOf(moved), holdingsOf(base), 'units did move');
  t.is(unitsOnLedger(moved, move.ctx), unitsOnLedger(base, move.ctx));
  t.deepEqual(move.events.map((event) => event.name), ['UnitsMoved']);
});

test('the plain move writes only the two holdings: no transfer, audit or index record', async (t) => {
  const worldState = await ledgerForTransfers();
  const keysBefore = [...worldState.keys()].sort();
  await baseline.PlainMove(tx(DESK.requesterA, worldState, { at: AFTER_LOCKUP }).ctx, ASSET_ID, INVESTORS.annaA, INVESTORS.chloeB, 1_000n);
  t.deepEqual([...worldState.keys()].sort(), keysBefore);
});

test('the workload times one request, one non-settling approval and one settlement per transfer, and one move per transfer', async (t) => {
  const samples = await runComplianceOverhead(3, 1, () => undefined);
  t.like(samples, { n: 3, warmup: 1, transactionsPerFlow: 3, units: '1000' });
  for (const series of [samples.flowsMs, samples.requestMs, samples.approveMs, samples.settleMs, samples.plainMoveMs]) t.is(series.length, 3);
  for (const [index, flowMs] of samples.flowsMs.entries()) {
    const parts = (samples.requestMs[index] ?? 0) + (samples.approveMs[index] ?? 0) + (samples.settleMs[index] ?? 0);
    t.true(Math.abs(flowMs - parts) < 1e-9, 'a flow is the sum of its transactions');
    t.true(flowMs > 0);
  }
});

test('the baseline is never deployable: it is not among the chaincode package\'s contracts and no chaincode source imports it', (t) => {
  t.false(contracts.some((contract) => contract === (PlainMoveBaselineContract as unknown) || contract.name === PlainMoveBaselineContract.name));
  t.true(contracts.some((contract) => contract === TransferContract), 'the list read is the deployed one');
  const sourceDir = path.join(REPO_ROOT, 'chaincode', 'src');
  const sources = readdirSync(sourceDir, { recursive: true, encoding: 'utf8' }).filter((file) => file.endsWith('.ts'));
  t.true(sources.length > 50, 'the chaincode sources were found');
  const naming = sources.filter((file) => /plain-move-baseline|PlainMoveBaselineContract/.test(readFileSync(path.join(sourceDir, file), 'utf8')));
  t.deepEqual(naming, []);
});

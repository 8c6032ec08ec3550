import { performance } from 'node:perf_hooks';
import { investorRef } from '@trestle/compliance/src/bridge/investor-ref';
import type { BridgeOutRecord } from '@trestle/compliance/src/bridge/bridge-out';
import type { HoldingRecord } from '@trestle/compliance/src/ledger/holding';
import type { DeployedContract } from '@trestle/bridge/src/evm/deploy-contract';
import { tempDir } from '@trestle/bridge/test/validator/validator-keys';
import type { StackConfig } from '@trestle/network/src/stack/stack-config';
import type { LedgerSession } from '@trestle/network/src/cli/ledger/ledger-session';
import { BRIDGE_CONFIRMATIONS, BRIDGE_DESK, connectValidators, realBridge } from '@trestle/network/test/support/bridge-world';
import { validatorNodesOnRealPeers } from '@trestle/network/test/support/bridge-world';
import { pollUntil } from '@trestle/network/test/support/fabric-poll';
import { sessionOf } from '@trestle/network/test/support/ledger-people';
import { splitRound } from '../../src/bench-commit-split';
import type { LatencySeries } from '../../src/bench-report';
import { CommitClock } from './commit-clock';

/** Units each round trip moves: above the policy's minimum, below its four-eyes threshold (as bridge-real.test.ts). */
const UNITS_PER_TRANSFER = 100n;
/** How often each bank's ValidatorNode runs its duties: a pass ends, this long passes, the next begins. */
export const VALIDATOR_PASS_MS = 200;
/** How often the bench looks for the mint (EVM balance) and for the ledger's records. */
const EVM_POLL_MS = 25;
const LEDGER_POLL_MS = 50;
/** A bound on a stuck bridge, not a speed target. */
const ROUND_DEADLINE_MS = 120_000;

const json = <T>(bytes: Uint8Array) => JSON.parse(Buffer.from(bytes).toString('utf8')) as T;

/**
 * Bridge latency on the REAL three-bank Fabric network (the stack's) and its devnet: each bank's
 * ValidatorNode on its own peer with its validator1 identity, BankC relaying (bridge-world.ts, as
 * network/test/bridge/bridge-real.test.ts). Per round: BankA's operator requests a bridge-out and a
 * BankA officer approves it through the CLI; the clock starts when the approval has committed and
 * stops when the minted units are in the bound wallet, and again when MINTED is on the ledger. Then
 * the holder burns; after the confirmation blocks are mined the clock runs until the escrow is
 * released on the ledger. Each interval is split into the ledgers' commit waits (CommitClock) and
 * the bridge's own overhead.
 */
export async function runRealBridgeLatency(stack: StackConfig, transfers: number, log: (line: string) => void): Promise<LatencySeries[]> {
  log('bridge latency (real network): roles, a fresh tokenized asset, a devnet market, validator keys, chain configuration, wallet binding');
  const s = await realBridge(stack);
  const { m, asset, holder, chainId } = s;
  const investor = asset.investors.a1;
  const clock = new CommitClock();
  const restoreProvider = clock.evm(m.provider);
  const connections = (await connectValidators(stack)).map((connection) => clock.connection(connection));
  const reader: LedgerSession = await sessionOf(stack, BRIDGE_DESK.approver);
  const duties: string[] = [];
  const dir = await tempDir('bench-bridge-real');
  const { nodes } = validatorNodesOnRealPeers(s, connections, { dir, startBlock: await m.provider.getBlockNumber(), venues: [await m.morpho.getAddress()], log: (line) => duties.push(line) });
  const asHolder = m.gateway.connect(holder) as DeployedContract;
  const balance = async () => (await m.token.balanceOf(holder.address)) as bigint;
  const escrowed = async () => json<HoldingRecord>(await reader.contract('AssetContract').evaluateTransaction('GetHolding', asset.assetId, investor)).escrowed;
  const bridgeOut = async (id: string) => json<BridgeOutRecord>(await reader.contract('BridgeContract').evaluateTransaction('GetBridgeOut', id));

  const mint = { total: [] as number[], commit: [] as number[], overhead: [] as number[], recorded: [] as number[] };
  const release = { total: [] as number[], commit: [] as number[], overhead: [] as number[] };
  const evmBurn: number[] = [];
  let fabricFrom = 0;
  for (const node of nodes) node.start(VALIDATOR_PASS_MS);
  try {
    for (let round = 1; round <= transfers; round++) {
      const requested = await s.cli.json<BridgeOutRecord>('bridge', 'out', asset.assetId, investor, '--chain', chainId, '--wallet', holder.address, '--amount', UNITS_PER_TRANSFER.toString(), '--as', BRIDGE_DESK.requester);
      if (round === 1) fabricFrom = clock.intervals.length;
      await s.cli.json('bridge', 'approve', requested.bridgeOutId, '--as', BRIDGE_DESK.approver);
      const approved = performance.now();
      await pollUntil(`round ${round}: the mint reaches the bound wallet`, ROUND_DEADLINE_MS, async () => ((await balance()) === UNITS_PER_TRANSFER ? true : undefined), EVM_POLL_MS);
      const minted = performance.now();
      await pollUntil(`round ${round}: MINTED on the ledger`, ROUND_DEADLINE_MS, async () => ((await bridgeOut(requested.bridgeOutId)).status === 'MINTED' ? true : undefined), LEDGER_POLL_MS);
      const recorded = performance.now();
      const split = splitRound(clock.intervals, approved, minted);
      mint.total.push(split.totalMs);
      mint.commit.push(split.commitMs);
      mint.overhead.push(split.overheadMs);
      mint.recorded.push(recorded - approved);

      const sent = performance.now();
      const burn = (await asHolder.burnForRedeem(m.suite.token, UNITS_PER_TRANSFER, investorRef(investor))) as { wait(): Promise<unknown> };
      await burn.wait();
      evmBurn.push(performance.now() - sent);
      // The confirmations are mined at once (automining devnet); the clock starts once the burn is final.
      for (let block = 1; block < BRIDGE_CONFIRMATIONS; block++) await m.provider.send('evm_mine', []);
      const final = performance.now();
      await pollUntil(`round ${round}: the burn released on the ledger`, ROUND_DEADLINE_MS, async () => ((await escrowed()) === '0' ? true : undefined), LEDGER_POLL_MS);
      const released = splitRound(clock.intervals, final, performance.now());
      release.total.push(released.totalMs);
      release.commit.push(released.commitMs);
      release.overhead.push(released.overheadMs);
      if (round % 10 === 0 || round === transfers) log(`bridge latency (real network): ${round}/${transfers} round trips`);
    }
  } finally {
    for (const node of nodes) await node.stop();
    for (const connection of connections) connection.close();
    restoreProvider();
    await reader.close();
    s.cli.dispose();
  }
  if (duties.length > 0) log(`bridge latency (real network): ${duties.length} validator duty failure(s), first: ${duties[0]}`);
  const fabricSubmits = clock.intervals.slice(fabricFrom).filter((interval) => interval.ledger === 'fabric').map((interval) => interval.endMs - interval.startMs);
  return [
    { name: 'bridge.real.approvalToMint', label: '[real network] approval committed → minted units in the wallet', samplesMs: mint.total },
    { name: 'bridge.real.approvalToMint.commits', label: '  of which the ledgers committing (2nd signature, EVM mint)', samplesMs: mint.commit },
    { name: 'bridge.real.approvalToMint.overhead', label: "  of which the bridge's own overhead", samplesMs: mint.overhead },
    { name: 'bridge.real.approvalToRecorded', label: '[real network] approval committed → MINTED on the ledger', samplesMs: mint.recorded },
    { name: 'bridge.real.burnToRelease', label: '[real network] burn final → escrow released on the ledger', samplesMs: release.total },
    { name: 'bridge.real.burnToRelease.commits', label: '  of which Fabric committing (the attestations)', samplesMs: release.commit },
    { name: 'bridge.real.burnToRelease.overhead', label: "  of which the bridge's own overhead", samplesMs: release.overhead },
    { name: 'fabric.submit', label: "[real network] a validator's Fabric transaction, submit → committed", samplesMs: fabricSubmits },
    { name: 'evm.real.burnCommit', label: '[real network] EVM commit (burn sent → receipt, automining)', samplesMs: evmBurn },
  ];
}

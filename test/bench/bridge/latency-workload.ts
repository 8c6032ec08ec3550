import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { investorRef } from '@trestle/compliance/src/bridge/investor-ref';
import { approveBridgeOut, bridgeOutRequest, requestBridgeOut } from '@trestle/chaincode/src/testing/bridge-story';
import { INVESTORS } from '@trestle/chaincode/src/testing/ledger-story';
import { DESK } from '@trestle/chaincode/src/testing/transfer-story';
import type { DeployedContract } from '@trestle/bridge/src/evm/deploy-contract';
import { BurnWatcher, FileCheckpoint, MintSigning } from '@trestle/bridge/src/plugin/public-api';
import { chaincodeBridge, CONFIRMATIONS, relayer } from '@trestle/bridge/test/support/chaincode-ledgers';
import { tempDir } from '@trestle/bridge/test/validator/validator-keys';
import type { LatencySeries } from '../../src/bench-report';

/** Units each round trip moves: above the policy's minimum, below its four-eyes threshold. */
const UNITS_PER_TRANSFER = 100n;

/**
 * Bridge latency IN PROCESS, round trip by round trip, on the devnet: approval (the escrowing
 * transaction) to the mint recorded on the ledger, and a burn's finality to its release on the
 * ledger, with the BridgeContract run in process on the stubbed context and the duties called
 * directly, one after the other. Kept beside the real-network figures (real-latency-workload.ts)
 * as the bridge's own processing plus the EVM node's round trips, with no Fabric endorsement,
 * ordering or commit and no polling passes; the EVM commit is sampled as each burn's send-to-receipt time.
 */
export async function runBridgeLatency(transfers: number, log: (line: string) => void): Promise<LatencySeries[]> {
  const s = await chaincodeBridge();
  const { a } = s;
  const chainId = a.chainId.toString();
  const dir = await tempDir('bench-burns');
  const startBlock = await a.provider.getBlockNumber();
  const watchers = [0, 1].map(
    (index) =>
      new BurnWatcher({
        provider: a.provider,
        gateway: a.gateway,
        ledger: s.ledgers[index]!,
        checkpoint: new FileCheckpoint(path.join(dir, `bank-${index}.json`)),
        validator: a.validators[index]!.address,
        confirmations: CONFIRMATIONS,
        startBlock,
      }),
  );
  const signers = [0, 2].map((index) => new MintSigning({ signer: s.signers[index]!, gateway: a.gateway, ledger: s.ledgers[index]! }));
  const relay = relayer(s, 1);
  const asHolder = a.gateway.connect(s.holder) as DeployedContract;
  const approvalToMint: number[] = [];
  const burnToRelease: number[] = [];
  const evmCommit: number[] = [];
  for (let round = 1; round <= transfers; round++) {
    const id = `BENCH-${round}`;
    await requestBridgeOut(s.worldState, bridgeOutRequest(id, UNITS_PER_TRANSFER, { chainId, wallet: s.holder.address }));
    const approved = performance.now();
    await approveBridgeOut(s.worldState, DESK.officerA, id);
    for (const signer of signers) await signer.signPending();
    const [outcome] = await relay.relayPending();
    if (outcome?.kind !== 'minted') throw new Error(`round ${round}: the mint was not relayed (${outcome?.kind ?? 'nothing pending'})`);
    approvalToMint.push(performance.now() - approved);

    const sent = performance.now();
    const burn = await asHolder.burnForRedeem(a.suite.token, UNITS_PER_TRANSFER, investorRef(INVESTORS.annaA));
    await burn.wait();
    evmCommit.push(performance.now() - sent);
    // Confirmations arrive as fast as the devnet mines them; the clock starts once the burn is final.
    for (let block = 1; block < CONFIRMATIONS; block++) await a.provider.send('evm_mine', []);
    const final = performance.now();
    const attested = (await watchers[0]!.poll()).attested.length + (await watchers[1]!.poll()).attested.length;
    if (attested !== 2) throw new Error(`round ${round}: expected two attestations, got ${attested}`);
    burnToRelease.push(performance.now() - final);
    if (round % 10 === 0 || round === transfers) log(`bridge latency: ${round}/${transfers} round trips`);
  }
  return [
    { name: 'bridge.approvalToMint', label: '[in process] approval → mint recorded (escrow, 2 signatures, relay, receipt, record)', samplesMs: approvalToMint },
    { name: 'bridge.burnToRelease', label: '[in process] burn final → release (2 attestations, release)', samplesMs: burnToRelease },
    { name: 'evm.commit', label: '[in process] EVM commit (burn sent → receipt, automining)', samplesMs: evmCommit },
  ];
}

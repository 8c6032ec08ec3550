// First: fabric-network's own failure logs (the read conflicts the validators retry) go to the stack's logs/fabric-client.log.
import '../transfers/quiet-fabric-client';
import test from 'ava';
import { investorRef } from '@trestle/compliance/src/bridge/investor-ref';
import type { BridgeOutRecord } from '@trestle/compliance/src/bridge/bridge-out';
import type { BurnRecord } from '@trestle/compliance/src/bridge/burn-attestation';
import type { HoldingRecord } from '@trestle/compliance/src/ledger/holding';
import { isTrestleError } from '@trestle/compliance/src/errors/trestle-error';
import { mined } from '@trestle/bridge/src/evm/deploy/steps';
import type { DeployedContract } from '@trestle/bridge/src/evm/deploy-contract';
import { DUTIES } from '@trestle/bridge/src/node/validator-node';
import { mintTypedData } from '@trestle/bridge/src/plugin/public-api';
import { FabricAttestationLedger } from '@trestle/bridge/src/validator/fabric-attestation-ledger';
import { expectRevert } from '@trestle/bridge/test/support/errors';
import { tempDir } from '@trestle/bridge/test/validator/validator-keys';
import { testStack } from '../../src/stack/stack-config';
import type { LedgerSession } from '../../src/cli/ledger/ledger-session';
import { BRIDGE_CONFIRMATIONS, BRIDGE_DESK, connectValidators, realBridge, validatorNodesOnRealPeers, type RealBridge } from '../support/bridge-world';
import { pollUntil } from '../support/fabric-poll';
import { sessionOf } from '../support/ledger-people';
import { ALLOCATIONS } from '../support/tokenized-asset';

// Issue 6 end to end on the REAL three-bank Fabric network and the stack's devnet: each bank's
// ValidatorNode connected to the peers with its validator1 identity (connectBankLedger), BankC
// relaying; the ledger side driven through the CLI as people run it. Serial: one devnet, one flow.

const stack = testStack();
const AMOUNT = 100n;
/** A bound on a stuck bridge (two cores run nine Fabric processes and the devnet), not a speed target. */
const BRIDGE_DEADLINE_MS = 120_000;

const as = (contract: DeployedContract, wallet: RealBridge['holder']) => contract.connect(wallet) as DeployedContract;
const json = <T>(bytes: Uint8Array) => JSON.parse(Buffer.from(bytes).toString('utf8')) as T;

test.serial("three banks' validators on the real peers carry 100 units out to Morpho and home again, with escrow equal to EVM supply after every step", async (t) => {
  const s = await realBridge(stack);
  const { m, asset, holder, chainId } = s;
  const investor = asset.investors.a1;
  const dir = await tempDir('bridge-real');
  const connections = await connectValidators(stack);
  const reader: LedgerSession = await sessionOf(stack, BRIDGE_DESK.approver);
  const logs: string[] = [];
  const startBlock = await m.provider.getBlockNumber();
  const venues = [await m.morpho.getAddress()];
  const { nodes, reconciler } = validatorNodesOnRealPeers(s, connections, { dir, startBlock, venues, log: (line) => logs.push(line) });

  const holding = async () => json<HoldingRecord>(await reader.contract('AssetContract').evaluateTransaction('GetHolding', asset.assetId, investor));
  const bridgeOut = async (id: string) => json<BridgeOutRecord>(await reader.contract('BridgeContract').evaluateTransaction('GetBridgeOut', id));
  const balanceOf = async (wallet: string) => (await m.token.balanceOf(wallet)) as bigint;
  /** DESIGN.md §9 after a step has settled: EVM supply == Fabric escrow (invariant 2, nothing in flight), the investor's units conserved (1), every token accounted for. */
  const invariants = async (step: string, escrowed: bigint, inWallet: bigint, inMorpho: bigint) => {
    const pass = await reconciler.reconcile();
    const entry = pass.assets.find((candidate) => candidate.assetId === asset.assetId);
    t.truthy(entry, `${step}: the reconciler sees the asset`);
    t.false(entry!.diverged, `${step}: EVM supply ${entry!.evmSupply} above Fabric escrow ${entry!.escrowed}`);
    t.is(entry!.evmSupply, entry!.escrowed, `${step}: EVM supply equals Fabric escrow`);
    t.is(entry!.escrowed, escrowed, `${step}: Fabric escrow`);
    t.is(entry!.inFlight, 0n, `${step}: nothing in flight`);
    const held = await holding();
    t.is(BigInt(held.balance) + BigInt(held.escrowed), ALLOCATIONS.a1, `${step}: the investor's units are conserved on Fabric (balance + escrowed)`);
    t.is(BigInt(held.escrowed), escrowed, `${step}: the investor's holding carries the escrow`);
    t.is(await balanceOf(holder.address), inWallet, `${step}: units in the bound wallet`);
    t.is(await balanceOf(venues[0]!), inMorpho, `${step}: units in Morpho`);
    t.is(inWallet + inMorpho, entry!.evmSupply, `${step}: every token is in the wallet or in Morpho`);
  };
  const mineConfirmations = async () => {
    for (let block = 0; block < BRIDGE_CONFIRMATIONS; block++) await m.provider.send('evm_mine', []);
  };

  for (const node of nodes) node.start(250);
  try {
    await invariants('before the bridge-out', 0n, 0n, 0n);

    // Out: requested by BankA's operator, approved by a BankA officer; the validators sign, BankC relays.
    const requested = await s.cli.json<BridgeOutRecord>('bridge', 'out', asset.assetId, investor, '--chain', chainId, '--wallet', holder.address, '--amount', AMOUNT.toString(), '--as', BRIDGE_DESK.requester);
    t.is(requested.status, 'PENDING');
    const approved = await s.cli.json<BridgeOutRecord>('bridge', 'approve', requested.bridgeOutId, '--as', BRIDGE_DESK.approver);
    const approvedAt = Date.now();
    t.true(['APPROVED', 'SIGNED', 'MINTED'].includes(approved.status), `approved: ${approved.status}`);
    await pollUntil('the bridge-out is minted to the bound wallet', BRIDGE_DEADLINE_MS, async () => ((await balanceOf(holder.address)) === AMOUNT ? true : undefined), 25);
    const approvalToMint = Date.now() - approvedAt;
    const minted = await pollUntil('MINTED is recorded on the ledger', BRIDGE_DEADLINE_MS, async () => {
      const record = await bridgeOut(requested.bridgeOutId);
      return record.status === 'MINTED' ? record : undefined;
    }, 50);
    const approvalToRecorded = Date.now() - approvedAt;
    t.is(minted.signatures.length >= 2, true, 'at least the threshold of banks signed');
    await invariants('minted', AMOUNT, AMOUNT, 0n);

    // A replayed mint attestation is refused, on both ledgers.
    const bundle = [...minted.signatures].sort((a, b) => (BigInt(a.validator) < BigInt(b.validator) ? -1 : 1)).slice(0, 2).map((entry) => entry.signature);
    await expectRevert(t, as(m.gateway, s.relayerAccount).mint(m.suite.token, holder.address, AMOUNT, BigInt(minted.nonce!), minted.fabricTxId!, bundle), m.gateway, 'NonceAlreadyUsed');
    // BankA's validator states its Mint signature again, straight to the ledger (its MintSigning would not: the gateway reports the nonce spent).
    const ledgerA = new FabricAttestationLedger(connections[0]!.bridge, m.chainId);
    const record = (await ledgerA.mint(BigInt(minted.nonce!)))!;
    const typed = mintTypedData(await m.gateway.getAddress(), record);
    const replay = await t.throwsAsync(ledgerA.recordMintSignature(record.nonce, s.signers[0]!.address, await s.signers[0]!.signTypedData(typed.domain, typed.types, typed.value)));
    t.true(isTrestleError(replay) && replay.code === 'BRIDGE_OUT_STATE_CONFLICT', `a signature after MINTED is refused: ${replay?.message}`);
    await invariants('after the replays', AMOUNT, AMOUNT, 0n);

    // Lend: collateral in, borrow, repay, collateral out.
    await mined('supplyCollateral', as(m.morpho, holder).supplyCollateral(m.params, AMOUNT, holder.address, '0x'));
    await invariants('collateral supplied', AMOUNT, 0n, AMOUNT);
    // 100 base units at a NAV of 100 dollars a unit (6 decimals) are worth 10,000 micro-dollars; LLTV 77%.
    await mined('borrow', as(m.morpho, holder).borrow(m.params, 5_000n, 0n, holder.address, holder.address));
    t.is(((await m.morpho.position(m.market.id, holder.address)) as [bigint, bigint, bigint])[2], AMOUNT, 'the position holds the collateral');
    await invariants('borrowed', AMOUNT, 0n, AMOUNT);
    const [, borrowShares] = (await m.morpho.position(m.market.id, holder.address)) as [bigint, bigint, bigint];
    await mined('repay', as(m.morpho, holder).repay(m.params, 0n, borrowShares, holder.address, '0x'));
    await invariants('repaid', AMOUNT, 0n, AMOUNT);
    await mined('withdrawCollateral', as(m.morpho, holder).withdrawCollateral(m.params, AMOUNT, holder.address, holder.address));
    await invariants('collateral withdrawn', AMOUNT, AMOUNT, 0n);

    // Home: burnForRedeem names the investor; after the confirmations two banks' attestations release the escrow.
    const burnReceipt = await mined('burnForRedeem', as(m.gateway, holder).burnForRedeem(m.suite.token, AMOUNT, investorRef(investor)));
    const burnedAt = Date.now();
    await mineConfirmations();
    const confirmedAt = Date.now();
    await pollUntil('the burn is released to the investor on the ledger', BRIDGE_DEADLINE_MS, async () => ((await holding()).escrowed === '0' ? true : undefined), 50);
    const burnToRelease = Date.now() - burnedAt;
    const confirmedToRelease = Date.now() - confirmedAt;
    await invariants('burned and released', 0n, 0n, 0n);
    const held = await holding();
    t.is(BigInt(held.balance), ALLOCATIONS.a1, "the units are back in the investor's holding");
    const burnLog = burnReceipt.logs.map((log) => m.gateway.interface.parseLog(log)).find((parsed) => parsed?.name === 'BurnedForRedeem');
    const burnNonce = burnLog!.args.getValue('burnNonce') as bigint;
    const burn = json<BurnRecord>(await reader.contract('BridgeContract').evaluateTransaction('GetBurn', chainId, burnNonce.toString()));
    t.is(burn.status, 'RELEASED');
    // A replayed burn attestation releases nothing again: the bank repeating itself is a no-op on the ledger.
    const attestations = await new FabricAttestationLedger(connections[0]!.bridge, m.chainId).burnAttestations(burnNonce);
    t.true(attestations.length >= 2, 'at least the threshold of banks attested the burn');
    const first = attestations[0]!;
    const attester = s.signers.findIndex((signer) => signer.address === first.validator);
    await new FabricAttestationLedger(connections[attester]!.bridge, m.chainId).recordBurnAttestation(first);
    await invariants('after a replayed burn attestation', 0n, 0n, 0n);
    t.is((await holding()).balance, held.balance, 'the replay credited nothing');

    t.log(`approval → mint on the EVM: ${approvalToMint} ms; → MINTED on the ledger: ${approvalToRecorded} ms`);
    // Where the time goes, from the transactions' own timestamps (set by each client when it proposes).
    const at = (iso: string | null | undefined) => Date.parse(iso ?? '');
    const thresholdSigned = [...minted.signatures].map((entry) => at(entry.recordedAt)).sort((a, b) => a - b)[1]!;
    t.log(`  escrow tx → 2nd bank's signature tx: ${thresholdSigned - at(minted.escrowedAt)} ms; → MINTED tx (after the EVM mint's receipt): ${at(minted.mintedAt) - thresholdSigned} ms`);
    const firstAttested = Math.min(...burn.attestations.map((entry) => at(entry.attestedAt)));
    t.log(`  1st attestation tx → releasing attestation tx: ${at(burn.release?.releasedAt) - firstAttested} ms`);
    t.log(`burn mined → released on the ledger: ${burnToRelease} ms (${confirmedToRelease} ms after the ${BRIDGE_CONFIRMATIONS} confirmation blocks)`);
  } finally {
    for (const node of nodes) await node.stop();
    for (const connection of connections) connection.close();
    await reader.close();
    s.cli.dispose();
  }
  t.log(logs.length === 0 ? 'no duty failed on any pass' : `duty failures:\n${logs.join('\n')}`);
  t.deepEqual(logs, [], 'no duty failed on any pass');
  t.deepEqual(Object.keys(nodes[2]!.lastPass!.duties), [...DUTIES]);
});

import '@trestle/chaincode/src/testing/quiet-fabric-logs';
import test from 'ava';

// Serial, like every devnet test here: mining blocks for confirmations would disturb the others.
import path from 'node:path';
import type { Wallet } from 'ethers';
import { investorRef } from '@trestle/compliance/src/bridge/investor-ref';
import { isTrestleError } from '@trestle/compliance/src/errors/trestle-error';
import type { HoldingRecord } from '@trestle/compliance/src/ledger/holding';
import { AssetContract } from '@trestle/chaincode/src/assets/asset-contract';
import { BridgeContract } from '@trestle/chaincode/src/bridge/bridge-contract';
import { approveBridgeOut, BRIDGE_DESK, bridgeOutOf, bridgeOutRequest, burnOf, escrowOf, ledgerForBridge, requestBridgeOut } from '@trestle/chaincode/src/testing/bridge-story';
import { InProcessContract } from '@trestle/chaincode/src/testing/in-process-contract';
import { tx } from '@trestle/chaincode/src/testing/ledger-cast';
import { ASSET_ID } from '@trestle/chaincode/src/testing/ledger-documents';
import { INVESTORS } from '@trestle/chaincode/src/testing/ledger-story';
import type { TestIdentity, WorldState } from '@trestle/chaincode/src/testing/stub-context';
import { AFTER_LOCKUP, DESK } from '@trestle/chaincode/src/testing/transfer-story';
import { mined } from '../../src/evm/deploy/steps';
import type { DeployedContract } from '../../src/evm/deploy-contract';
import { fundedWallet } from '../../src/evm/provider';
import { BurnWatcher, FileCheckpoint, MintSigning, Relayer } from '../../src/plugin/public-api';
import { FabricAttestationLedger } from '../../src/validator/fabric-attestation-ledger';
import { assetFixture, type AssetFixture } from '../support/fixtures';
import { keystoreSigners, tempDir } from './validator-keys';

// The EVM half of the bridge (validators' keystores, mint signing, relayer, burn watcher, the real
// BridgeGateway and ERC-3643 token on the devnet) against the chaincode's BridgeContract. The
// chaincode runs in process on the stubbed context (InProcessContract): no Fabric peer runs on
// this machine kind, so this proves the two halves agree on every message, not that a peer
// endorses them. Amounts are base units on both sides.

const CONFIRMATIONS = 3;
const BANKS = [BRIDGE_DESK.validatorA, BRIDGE_DESK.validatorB, BRIDGE_DESK.validatorC] as const;

interface Setup {
  a: AssetFixture;
  holder: Wallet;
  worldState: WorldState;
  ledgers: FabricAttestationLedger[];
  gateway: string;
}

async function setup(): Promise<Setup> {
  const a = await assetFixture();
  const holder = await fundedWallet(a.provider);
  await a.register(holder.address);
  const gateway = await a.gateway.getAddress();
  const chain = { chainId: a.chainId.toString(), gateway, threshold: 2, confirmations: CONFIRMATIONS, tokens: [{ assetId: ASSET_ID, token: a.suite.token }] };
  const [first, second, third] = a.validators.map((wallet) => wallet.address);
  const worldState = await ledgerForBridge({ chain, validators: [first ?? '', second ?? '', third ?? ''], annaWallet: holder });
  // Each bank reaches the ledger with its own validator identity; the clock is past the lockup.
  let clock = AFTER_LOCKUP.getTime();
  const now = () => new Date((clock += 1_000));
  const ledgers = BANKS.map((identity: TestIdentity) => new FabricAttestationLedger(new InProcessContract(new BridgeContract(), worldState, identity, now), a.chainId));
  return { a, holder, worldState, ledgers, gateway };
}

const holdingOf = async (worldState: WorldState, investorId: string) => JSON.parse(await new AssetContract().GetHolding(tx(DESK.regulator, worldState).ctx, ASSET_ID, investorId)) as HoldingRecord;

test.serial('bridge out, sign on the ledger, relay to the gateway, burn, attest and release: both ledgers agree at every step', async (t) => {
  const s = await setup();
  await requestBridgeOut(s.worldState, bridgeOutRequest('B-1', 1_000n, { chainId: s.a.chainId.toString(), wallet: s.holder.address }));
  await approveBridgeOut(s.worldState, DESK.officerA, 'B-1');
  t.is((await bridgeOutOf(s.worldState, 'B-1')).status, 'APPROVED');

  const signers = await keystoreSigners(s.a.validators);
  for (const index of [0, 2]) await new MintSigning({ signer: signers[index]!, gateway: s.a.gateway, ledger: s.ledgers[index]! }).signPending();
  const signed = await bridgeOutOf(s.worldState, 'B-1');
  t.is(signed.status, 'SIGNED', 'the chaincode accepted both signatures as its banks\' validators');
  t.deepEqual(signed.signatures.map((entry) => entry.bankMsp), ['BankAMSP', 'BankCMSP']);

  const outcomes = await new Relayer({ ledger: s.ledgers[1]!, gateway: s.gateway, sender: await fundedWallet(s.a.provider), retry: { attempts: 3, baseDelayMs: 10, maxDelayMs: 50 } }).relayPending();
  t.is(outcomes[0]?.kind, 'minted', 'the gateway accepted the signatures the chaincode verified');
  t.is(await s.a.token.balanceOf(s.holder.address), 1_000n);
  const minted = await bridgeOutOf(s.worldState, 'B-1');
  t.is(minted.status, 'MINTED');
  t.is(minted.evmTxHash, outcomes[0]?.kind === 'minted' ? outcomes[0].txHash.toLowerCase() : null);
  t.is(BigInt((await escrowOf(s.worldState)).escrowed), await s.a.token.totalSupply(), 'EVM supply equals Fabric escrow');

  const startBlock = await s.a.provider.getBlockNumber();
  await mined('burnForRedeem', (s.a.gateway.connect(s.holder) as DeployedContract).burnForRedeem(s.a.suite.token, 400n, investorRef(INVESTORS.annaA)));
  const dir = await tempDir('chaincode-burns');
  const watchers = [0, 1].map(
    (index) =>
      new BurnWatcher({ provider: s.a.provider, gateway: s.a.gateway, ledger: s.ledgers[index]!, checkpoint: new FileCheckpoint(path.join(dir, `bank-${index}.json`)), validator: s.a.validators[index]!.address, confirmations: CONFIRMATIONS, startBlock }),
  );
  t.deepEqual((await watchers[0]!.poll()).attested, [], 'nothing is attested before the confirmations');
  for (let block = 0; block < CONFIRMATIONS; block++) await s.a.provider.send('evm_mine', []);
  t.is((await watchers[0]!.poll()).attested.length, 1);
  t.is((await burnOf(s.worldState, 1n)).status, 'ATTESTED', 'one bank is not a quorum');
  t.is((await watchers[1]!.poll()).attested.length, 1);
  const burn = await burnOf(s.worldState, 1n);
  t.is(burn.status, 'RELEASED');
  t.is(burn.release?.investorId, INVESTORS.annaA);
  const anna = await holdingOf(s.worldState, INVESTORS.annaA);
  t.is(anna.balance, '599400');
  t.is(anna.escrowed, '600');
  t.is(BigInt((await escrowOf(s.worldState)).escrowed), await s.a.token.totalSupply(), 'EVM supply still equals Fabric escrow');
  t.deepEqual((await s.ledgers[2]!.burnAttestations(1n)).map((entry) => entry.validator), [s.a.validators[0]!.address, s.a.validators[1]!.address]);
});

test.serial('a validator whose key is not its bank\'s registered one cannot sign on the ledger; nothing is relayed', async (t) => {
  const s = await setup();
  await requestBridgeOut(s.worldState, bridgeOutRequest('B-1', 1_000n, { chainId: s.a.chainId.toString(), wallet: s.holder.address }));
  await approveBridgeOut(s.worldState, DESK.officerA, 'B-1');
  const signers = await keystoreSigners(s.a.validators);
  // Bank A's identity submitting bank B's key: the chaincode refuses it.
  const refused = await t.throwsAsync(new MintSigning({ signer: signers[1]!, gateway: s.a.gateway, ledger: s.ledgers[0]! }).signPending());
  t.true(isTrestleError(refused, 'BRIDGE_SIGNER_MISMATCH'), String(refused?.message));
  await new MintSigning({ signer: signers[0]!, gateway: s.a.gateway, ledger: s.ledgers[0]! }).signPending();
  const outcomes = await new Relayer({ ledger: s.ledgers[0]!, gateway: s.gateway, sender: await fundedWallet(s.a.provider), retry: { attempts: 1, baseDelayMs: 10, maxDelayMs: 10 } }).relayPending();
  t.like(outcomes[0], { kind: 'quorum-not-met', have: 1, need: 2 });
  t.is(await s.a.token.totalSupply(), 0n);
});

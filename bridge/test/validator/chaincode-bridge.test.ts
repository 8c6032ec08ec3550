import test from 'ava';

// Serial, like every devnet test here: mining blocks for confirmations would disturb the others.
import path from 'node:path';
import { investorRef } from '@trestle/compliance/src/bridge/investor-ref';
import { isTrestleError } from '@trestle/compliance/src/errors/trestle-error';
import type { HoldingRecord } from '@trestle/compliance/src/ledger/holding';
import { AssetContract } from '@trestle/chaincode/src/assets/asset-contract';
import { approveBridgeOut, bridgeOutOf, bridgeOutRequest, burnOf, escrowOf, requestBridgeOut } from '@trestle/chaincode/src/testing/bridge-story';
import { tx } from '@trestle/chaincode/src/testing/ledger-cast';
import { ASSET_ID } from '@trestle/chaincode/src/testing/ledger-documents';
import { INVESTORS } from '@trestle/chaincode/src/testing/ledger-story';
import type { WorldState } from '@trestle/chaincode/src/testing/stub-context';
import { DESK } from '@trestle/chaincode/src/testing/transfer-story';
import { mined } from '../../src/evm/deploy/steps';
import type { DeployedContract } from '../../src/evm/deploy-contract';
import { BurnWatcher, FileCheckpoint, MintSigning } from '../../src/plugin/public-api';
import { chaincodeBridge, CONFIRMATIONS, relayer } from '../support/chaincode-ledgers';
import { tempDir } from './validator-keys';

// Amounts are base units on both sides.

const holdingOf = async (worldState: WorldState, investorId: string) => JSON.parse(await new AssetContract().GetHolding(tx(DESK.regulator, worldState).ctx, ASSET_ID, investorId)) as HoldingRecord;

test.serial('bridge out, sign on the ledger, relay to the gateway, burn, attest and release: both ledgers agree at every step', async (t) => {
  const s = await chaincodeBridge();
  await requestBridgeOut(s.worldState, bridgeOutRequest('B-1', 1_000n, { chainId: s.a.chainId.toString(), wallet: s.holder.address }));
  await approveBridgeOut(s.worldState, DESK.officerA, 'B-1');
  t.is((await bridgeOutOf(s.worldState, 'B-1')).status, 'APPROVED');

  for (const index of [0, 2]) await new MintSigning({ signer: s.signers[index]!, gateway: s.a.gateway, ledger: s.ledgers[index]! }).signPending();
  const signed = await bridgeOutOf(s.worldState, 'B-1');
  t.is(signed.status, 'SIGNED', "the chaincode accepted both signatures as its banks' validators");
  t.deepEqual(signed.signatures.map((entry) => entry.bankMsp), ['BankAMSP', 'BankCMSP']);

  const outcomes = await relayer(s, 1).relayPending();
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

  // A forged burn: bank C attests a burn the gateway never emitted. The other banks' watchers read
  // only the gateway's real events, so it never gathers a quorum and nothing is released.
  const forged = { ...(await s.ledgers[2]!.burnAttestations(1n))[0]!, burnNonce: 99n, amount: 600n, txHash: `0x${'66'.repeat(32)}`, validator: s.a.validators[2]!.address };
  await s.ledgers[2]!.recordBurnAttestation(forged);
  for (let block = 0; block < CONFIRMATIONS; block++) await s.a.provider.send('evm_mine', []);
  for (const watcher of watchers) t.deepEqual((await watcher.poll()).attested, []);
  t.is((await burnOf(s.worldState, 99n)).status, 'ATTESTED', 'one bank alone never releases');
  t.is((await holdingOf(s.worldState, INVESTORS.annaA)).escrowed, '600');
});

test.serial("a validator whose key is not its bank's registered one cannot sign on the ledger; nothing is relayed", async (t) => {
  const s = await chaincodeBridge();
  await requestBridgeOut(s.worldState, bridgeOutRequest('B-1', 1_000n, { chainId: s.a.chainId.toString(), wallet: s.holder.address }));
  await approveBridgeOut(s.worldState, DESK.officerA, 'B-1');
  // Bank A's identity submitting bank B's key: the chaincode refuses it.
  const refused = await t.throwsAsync(new MintSigning({ signer: s.signers[1]!, gateway: s.a.gateway, ledger: s.ledgers[0]! }).signPending());
  t.true(isTrestleError(refused, 'BRIDGE_SIGNER_MISMATCH'), String(refused?.message));
  await new MintSigning({ signer: s.signers[0]!, gateway: s.a.gateway, ledger: s.ledgers[0]! }).signPending();
  const outcomes = await relayer(s, 0).relayPending();
  t.like(outcomes[0], { kind: 'quorum-not-met', have: 1, need: 2 });
  t.is(await s.a.token.totalSupply(), 0n);
});

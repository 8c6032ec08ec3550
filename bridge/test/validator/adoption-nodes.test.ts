import test from 'ava';

// Serial, like every devnet test here. The ledger is the chaincode run in process on the stubbed
// context (an in-process stub); the gateway, the T-REX token and the
// ONCHAINID contracts are the real ones on the devnet.
import { getAddress, getBytes, parseEther, toBeHex, verifyMessage, type Wallet } from 'ethers';
import type { GatewayMessageRecord } from '@trestle/compliance/src/bridge/gateway-message';
import { KYC_CLAIM_TOPIC } from '@trestle/compliance/src/bridge/identity-claims';
import { GatewayMessageContract } from '@trestle/chaincode/src/bridge/gateway-message-contract';
import { InvestorContract } from '@trestle/chaincode/src/investors/investor-contract';
import { approveBridgeOut, BRIDGE_DESK, bridgeOutRequest, requestBridgeOut, WALLETS } from '@trestle/chaincode/src/testing/bridge-story';
import { InProcessContract } from '@trestle/chaincode/src/testing/in-process-contract';
import { tx } from '@trestle/chaincode/src/testing/ledger-cast';
import { investorDocument, investorPii, json } from '@trestle/chaincode/src/testing/ledger-documents';
import { INVESTORS } from '@trestle/chaincode/src/testing/ledger-story';
import { stagePii } from '@trestle/chaincode/src/testing/staged-pii';
import { AFTER_LOCKUP, DESK } from '@trestle/chaincode/src/testing/transfer-story';
import { onchainIdArtifact } from '../../src/evm/artifacts';
import { claimDigest } from '../../src/evm/claims';
import type { DeployedContract } from '../../src/evm/deploy-contract';
import { typeHashOf } from '../../src/evm/deploy/gateway-quorum';
import { addressKey } from '../../src/evm/deploy/identity-infra';
import { deployQuorumOwner, handOwnerPowers } from '../../src/evm/deploy/owner-powers';
import { attach, mined } from '../../src/evm/deploy/steps';
import { messageSubject } from '../../src/evm/message-subject';
import { latestTimestamp } from '../../src/evm/provider';
import { signOwnerCall } from '../../src/evm/quorum-owner-call';
import { FabricGatewayMessageLedger } from '../../src/validator/gateway-message-ledger';
import { eventually } from '../support/eventually';
import { COUNTRY, expectRevertReason } from '../support/fixtures';
import { identityBridge, identityNodes } from '../support/identity-ledgers';
import { removeBankB } from '../support/membership';
import { tempDir } from './validator-keys';

// The whole of docs/operations.md "A bank leaves" for one investor, with three banks' ValidatorNodes
// running (as `trestle validator start` builds them): chloe, BankB's investor, is registered on the
// token on BankB's claim; BankB leaves (ledger membership, the gateway's validator set, its CLAIM
// key on the ClaimIssuer) and her wallet stops being verified; BankA adopts her on the ledger, and
// with nobody calling anything else BankA's node proposes her registration on its own claim, BankC's
// checks and signs it and BankC's relayer carries it.

const CLAIM_PURPOSE = 3n;
/** Units chloe bridges out of her 100,000 on the ledger. */
const BRIDGED = 40_000n;

test.serial("after BankB leaves and BankA adopts chloe, the running nodes register her wallet again on BankA's claim: verified, her units move, no drift left", async (t) => {
  // chloe's jurisdiction (LI) must be allowed, or no unit could ever reach her wallet.
  const s = await identityBridge({ allowedCountries: [COUNTRY.SWITZERLAND, COUNTRY.GERMANY, COUNTRY.LIECHTENSTEIN] });
  const a = s.a;
  const [keyA, keyB, keyC] = a.validators as [Wallet, Wallet, Wallet];
  const token = a.suite.token;
  const gatewayAddress = await a.gateway.getAddress();
  // The owner powers sit with the validators' QuorumOwner, as a deployment leaves them: taking a CLAIM key off the ClaimIssuer is one of its calls.
  const quorumOwner = await deployQuorumOwner(a.deployer, gatewayAddress);
  await handOwnerPowers(a.deployer, await quorumOwner.getAddress(), { infra: a.infra, suites: [a.suite] });
  const chloe = WALLETS.chloe.connect(a.provider);
  await a.provider.send('hardhat_setBalance', [chloe.address, toBeHex(parseEther('10'))]);
  const anna = s.holder;
  const tokenAs = (wallet: Wallet) => a.token.connect(wallet) as DeployedContract;
  const verified = async (wallet: string) => (await a.identityRegistry.isVerified(wallet)) as boolean;
  const chloeDrift = async () => (await s.messages[0]!.mirrorDrift()).filter((entry) => entry.wallet === chloe.address);
  const chloeOpen = async () => (await s.messages[0]!.openMessages()).filter((message) => message.fields.wallet === chloe.address);

  const logs: Record<string, string[]> = { BankAMSP: [], BankBMSP: [], BankCMSP: [] };
  // BankC's node relays, and BankC stays.
  const nodes = await identityNodes(s, await tempDir('adoption-nodes'), (bank, line) => logs[bank]!.push(line));
  for (const node of nodes) node.start(250);
  try {
    // 1. chloe's wallet, bound at BankB, registered by the nodes on BankB's claim; she bridges units out and sends anna some.
    await eventually(async () => (await verified(chloe.address)) && (await verified(anna.address)), "chloe's and anna's wallets become verified");
    await requestBridgeOut(s.worldState, bridgeOutRequest('C-1', BRIDGED, { investorId: INVESTORS.chloeB, chainId: a.chainId.toString(), wallet: chloe.address }), DESK.officerB);
    await approveBridgeOut(s.worldState, DESK.secondOfficerB, 'C-1');
    await eventually(async () => ((await a.token.balanceOf(chloe.address)) as bigint) === BRIDGED, "chloe's bridge-out is minted to her wallet");
    await mined('chloe sends anna units', tokenAs(chloe).transfer(anna.address, 10_000n));

    // 2. BankB leaves: the ledger's membership, then the gateway's set (proposed by BankA's operator, signed and relayed by the nodes), then its CLAIM key.
    await removeBankB(s.worldState);
    await nodes[1]!.stop();
    let clock = AFTER_LOCKUP.getTime();
    const operatorA = new FabricGatewayMessageLedger(new InProcessContract(new GatewayMessageContract(), s.worldState, BRIDGE_DESK.operatorA, () => new Date((clock += 1_000))), a.chainId);
    await operatorA.proposeValidatorSet(2, 'BankB left the consortium');
    const validators = async () => [...((await a.gateway.validators()) as string[])].map((address) => getAddress(address));
    await eventually(async () => (await validators()).join() === [keyA.address, keyC.address].join(), "the nodes carry the set without BankB's key to the gateway");
    t.is(await a.gateway.superThreshold(), 2n);

    const issuer = attach(onchainIdArtifact('ClaimIssuer'), a.infra.claimIssuer, a.provider);
    const owner = await quorumOwner.getAddress();
    const call = { target: a.infra.claimIssuer, data: issuer.interface.encodeFunctionData('removeKey', [addressKey(keyB.address), CLAIM_PURPOSE]), nonce: 1n, validUntil: BigInt(await latestTimestamp(a.provider)) + 3_600n };
    await mined('QuorumOwner.execute(removeKey)', quorumOwner.execute(call.target, call.data, call.nonce, call.validUntil, await signOwnerCall([keyA, keyC], a.chainId, owner, call)));
    t.false(await issuer.keyHasPurpose(addressKey(keyB.address), CLAIM_PURPOSE));

    t.false(await verified(chloe.address), "BankB's claim no longer counts: chloe is not verified");
    t.true(await verified(anna.address), "BankA's investor is untouched");
    // Her wallet can receive nothing. (T-REX checks only the receiver: she could still send her units to a verified wallet.)
    await expectRevertReason(t, tokenAs(anna).transfer(chloe.address, 1_000n), 'Transfer not possible');
    t.deepEqual(await chloeDrift(), [], 'nobody can vouch for chloe before a staying bank adopts her');

    // 3. BankA's officer requests chloe's adoption on the ledger and the regulator approves it; nothing else is called.
    const piiHash = await stagePii(DESK.officerA, s.worldState, INVESTORS.chloeB, investorPii({ fullName: 'Chloe Frick' }), { at: AFTER_LOCKUP });
    const investors = new InvestorContract();
    await investors.AdoptInvestor(tx(DESK.officerA, s.worldState, { at: AFTER_LOCKUP }).ctx, json(investorDocument(INVESTORS.chloeB, { jurisdiction: 'LI', investorType: 'qualified-institutional' })), piiHash, 'BankB left; KYC redone by BankA');
    const adoptedAt = performance.now();
    await investors.ApproveAdoption(tx(DESK.regulator, s.worldState, { at: AFTER_LOCKUP }).ctx, INVESTORS.chloeB, "Transfer of BankB's customers agreed");
    await eventually(() => verified(chloe.address), "chloe's wallet is verified again");
    t.log(`approval of the adoption to verified again: ${Math.round(performance.now() - adoptedAt)} ms`);
    await eventually(async () => (await chloeOpen()).length === 0, 'the relay is recorded on the ledger');
  } finally {
    for (const node of nodes) await node.stop();
  }

  // Her registration now stands on BankA's claim: the claim on her identity recovers to BankA's validator key.
  const identity = attach(onchainIdArtifact('Identity'), (await a.identityRegistry.identity(chloe.address)) as string, a.provider);
  const [claimId] = (await identity.getClaimIdsByTopic(BigInt(KYC_CLAIM_TOPIC))) as string[];
  const [, , claimIssuer, signature, data] = (await identity.getClaim(claimId)) as [bigint, bigint, string, string, string];
  t.is(getAddress(claimIssuer), getAddress(s.claimIssuer));
  t.is(verifyMessage(getBytes(claimDigest(await identity.getAddress(), BigInt(KYC_CLAIM_TOPIC), data)), signature), keyA.address);

  // The two registrations the gateway applied for her, BankB's then BankA's, and the ledger's record of the second.
  const registered = await a.gateway.queryFilter(a.gateway.filters.IdentityRegistered!(token, chloe.address));
  t.is(registered.length, 2, "registered on BankB's claim, then on BankA's");
  const nonces = await Promise.all(registered.map(async (event) => a.gateway.interface.parseTransaction(await event.getTransaction())?.args.getValue('nonce') as bigint));
  const [first, second] = nonces as [bigint, bigint];
  t.true(second > first);
  const record = JSON.parse(await new GatewayMessageContract().GetGatewayMessage(tx(BRIDGE_DESK.validatorC, s.worldState).ctx, a.chainId.toString(), 'RegisterIdentity', gatewayAddress, second.toString())) as GatewayMessageRecord;
  t.like(record, { status: 'RELAYED', proposerMsp: 'BankAMSP', evmTxHash: registered[1]!.transactionHash.toLowerCase() });
  t.deepEqual(record.signatures.map((entry) => getAddress(entry.validator)).sort(), [keyA.address, keyC.address].sort(), 'signed by the staying banks');

  // 4. The gateway's order for her wallet is at the new registration's nonce.
  t.is(await a.gateway.latestNonce(typeHashOf('RegisterIdentity'), messageSubject('RegisterIdentity', { token, wallet: chloe.address })), second);

  // Nothing is left for her: no drift, no open message (the nodes are stopped, so none could hide a drift).
  t.deepEqual(await chloeDrift(), []);
  t.deepEqual(await chloeOpen(), []);

  // Her units move again, both ways.
  const before = (await a.token.balanceOf(anna.address)) as bigint;
  await mined('chloe sends anna units', tokenAs(chloe).transfer(anna.address, 5_000n));
  await mined('anna sends chloe units', tokenAs(anna).transfer(chloe.address, 1_000n));
  t.is(await a.token.balanceOf(anna.address), before + 4_000n);
  t.is(await a.token.balanceOf(chloe.address), BRIDGED - 10_000n - 4_000n);

  // No duty failed at the staying banks: BankC's node relays mints and messages from one account, and
  // its two relayers share one nonce count (nonceManaged); with a count each, the SetValidators relay
  // after chloe's mint reused a nonce ("nonce too low") and only went through on a later pass.
  const staying = [...logs.BankAMSP!, ...logs.BankCMSP!];
  t.deepEqual(staying.filter((line) => /\] [a-z-]+ failed/.test(line)), [], 'no staying bank failed a duty');
});

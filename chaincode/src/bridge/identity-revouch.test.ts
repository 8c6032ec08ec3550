import '../testing/quiet-fabric-logs';
import test from 'ava';
import { getAddress } from 'ethers';
import type { GatewayMessageRecord } from '@trestle/compliance/src/bridge/gateway-message';
import { ledgerMessageTypedData } from '@trestle/compliance/src/bridge/gateway-message-typed-data';
import { ConsortiumContract } from '../consortium/consortium-contract';
import { InvestorContract } from '../investors/investor-contract';
import { CAST, tx } from '../testing/ledger-cast';
import { investorDocument, investorPii, json } from '../testing/ledger-documents';
import { INVESTORS } from '../testing/ledger-story';
import { refused } from '../testing/refusal';
import { stagePii } from '../testing/staged-pii';
import type { WorldState } from '../testing/stub-context';
import { REGULATOR_ADMIN } from '../testing/test-identities';
import { BRIDGE_DESK, CHAIN_CONFIG, ledgerForBridge, TOKEN, VALIDATOR_KEYS, WALLETS } from '../testing/bridge-story';
import { GatewayMessageContract } from './gateway-message-contract';
import { IDENTITY_CHAIN_CONFIG, kycClaimsDocument } from './identity-story';

// A wallet's registration stands on the KYC claim of the bank that vouched for it, signed with its
// validator's CLAIM key. When that bank leaves (its key is removed from the ClaimIssuer) and another
// adopts the investor, the wallet must be registered again on the new bank's claim: the ledger
// notes who vouched, shows the wallet as drift, and takes the new registration as a real change.

const messages = new GatewayMessageContract();
const chain = CHAIN_CONFIG.chainId;
const CHLOE_IDENTITY = getAddress(`0x${'2c'.repeat(20)}`);
const WITHOUT_B = JSON.stringify({ banks: ['BankAMSP', 'BankCMSP'], regulators: ['RegulatorMSP'] });

const openOf = async (worldState: WorldState): Promise<GatewayMessageRecord[]> =>
  (JSON.parse(await messages.ListOpenGatewayMessages(tx(BRIDGE_DESK.validatorC, worldState).ctx, chain)) as GatewayMessageRecord[]).filter((entry) => entry.fields.wallet === WALLETS.chloe.address);
const chloeDrift = async (worldState: WorldState) =>
  (JSON.parse(await messages.ListMirrorDrift(tx(BRIDGE_DESK.validatorC, worldState).ctx, chain)) as { type: string; wallet?: string; bank?: string; why: string }[]).filter((entry) => entry.wallet === WALLETS.chloe.address);

/** `signers` record their signatures of `record`; bank C records it relayed. */
async function carry(worldState: WorldState, record: GatewayMessageRecord, signers: ReadonlyArray<readonly [typeof BRIDGE_DESK.validatorA, typeof VALIDATOR_KEYS.A]>): Promise<void> {
  const { domain, types, value } = ledgerMessageTypedData(record);
  for (const [validator, key] of signers) {
    await messages.RecordGatewaySignature(tx(validator, worldState).ctx, chain, record.type, record.verifyingContract, record.nonce, await key.signTypedData(domain, types, value));
  }
  await messages.RecordGatewayRelayed(tx(BRIDGE_DESK.validatorC, worldState).ctx, chain, record.type, record.verifyingContract, record.nonce, `0x${'ab'.repeat(32)}`);
}

test("after BankB leaves and BankA adopts chloe, her wallet registered on BankB's claim is drift, and BankA's registration of it is a real change", async (t) => {
  const worldState = await ledgerForBridge({ chain: IDENTITY_CHAIN_CONFIG });
  const claimBy = (key: typeof VALIDATOR_KEYS.A) => JSON.stringify(kycClaimsDocument(key, { identity: CHLOE_IDENTITY }));
  await messages.ProposeIdentityRegistration(tx(BRIDGE_DESK.validatorB, worldState).ctx, chain, TOKEN, WALLETS.chloe.address, claimBy(VALIDATOR_KEYS.B), 'Mirror chloe');
  await carry(worldState, (await openOf(worldState))[0]!, [[BRIDGE_DESK.validatorA, VALIDATOR_KEYS.A], [BRIDGE_DESK.validatorB, VALIDATOR_KEYS.B]]);
  t.deepEqual(await chloeDrift(worldState), [], 'registered on her own bank\'s claim');

  const consortium = new ConsortiumContract();
  await consortium.ProposeMembershipChange(tx(BRIDGE_DESK.validatorA, worldState).ctx, WITHOUT_B);
  for (const admin of [BRIDGE_DESK.validatorC, REGULATOR_ADMIN]) await consortium.ConfirmMembershipChange(tx(admin, worldState).ctx, WITHOUT_B);
  t.deepEqual(await chloeDrift(worldState), [], 'BankB left, but nobody vouches for chloe instead yet');
  await refused(t, worldState, BRIDGE_DESK.validatorA, 'CALLER_OF_OTHER_BANK', (ctx) => messages.ProposeIdentityRegistration(ctx, chain, TOKEN, WALLETS.chloe.address, claimBy(VALIDATOR_KEYS.A), 'Not ours yet'));

  const piiHash = await stagePii(CAST.bankAOfficer, worldState, INVESTORS.chloeB, investorPii({ fullName: 'Chloe Frick' }));
  const investors = new InvestorContract();
  await investors.AdoptInvestor(tx(CAST.bankAOfficer, worldState).ctx, json(investorDocument(INVESTORS.chloeB, { jurisdiction: 'LI', investorType: 'qualified-institutional' })), piiHash, 'BankB left; KYC redone by BankA');
  t.deepEqual(await chloeDrift(worldState), [], 'requested, not yet approved: still BankB\'s investor');
  await investors.ApproveAdoption(tx(CAST.regulator, worldState).ctx, INVESTORS.chloeB, "Transfer of BankB's customers agreed");
  const [drift] = await chloeDrift(worldState);
  t.like(drift, { type: 'RegisterIdentity', bank: 'BankAMSP' });
  t.regex(drift?.why ?? '', /BankBMSP's claim, now BankAMSP's investor/);

  await messages.ProposeIdentityRegistration(tx(BRIDGE_DESK.validatorA, worldState).ctx, chain, TOKEN, WALLETS.chloe.address, claimBy(VALIDATOR_KEYS.A), 'Re-vouch chloe');
  const [registration] = await openOf(worldState);
  t.like(registration, { type: 'RegisterIdentity', nonce: '2', proposerMsp: 'BankAMSP' }, 'not a no-op, though the wallet is registered');
  await carry(worldState, registration!, [[BRIDGE_DESK.validatorA, VALIDATOR_KEYS.A], [BRIDGE_DESK.validatorC, VALIDATOR_KEYS.C]]);
  t.deepEqual(await chloeDrift(worldState), [], "registered on her new bank's claim");
  await messages.ProposeIdentityRegistration(tx(BRIDGE_DESK.validatorA, worldState).ctx, chain, TOKEN, WALLETS.chloe.address, claimBy(VALIDATOR_KEYS.A), 'Again');
  t.deepEqual(await openOf(worldState), [], 'the same bank again is a no-op');
});

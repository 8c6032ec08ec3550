import '../testing/quiet-fabric-logs';
import test from 'ava';
import type { Context } from 'fabric-contract-api';
import type { HoldingRecord } from '@trestle/compliance/src/ledger/holding';
import type { InvestorRecord } from '@trestle/compliance/src/ledger/investor';
import type { LedgerPage } from '@trestle/compliance/src/ledger/ledger-page';
import type { TransferRecord } from '@trestle/compliance/src/transfers/transfer-record';
import { AssetContract } from '../assets/asset-contract';
import { ConsortiumContract } from '../consortium/consortium-contract';
import { RoleContract } from '../roles/role-contract';
import { CAST, eventsOf, tx } from '../testing/ledger-cast';
import { ASSET_ID, investorDocument, investorPii, json, piiTransient, tokenizationDocument } from '../testing/ledger-documents';
import { INVESTORS, ledgerAt } from '../testing/ledger-story';
import { sortedJson } from '../support/sorted-json';
import { refused } from '../testing/refusal';
import { identityIdOf, privateStateOf, type TestIdentity, type WorldState } from '../testing/stub-context';
import { BANK_A_ADMIN, BANK_B_ADMIN, BANK_C_ADMIN, BANK_C_ERIN, REGULATOR_ADMIN } from '../testing/test-identities';
import { CHAIN_ID, signBinding, WALLET_TWO } from '../testing/test-wallets';
import { AFTER_LOCKUP, ledgerForTransfers, request, transferRequest } from '../testing/transfer-story';
import { TransferContract } from '../transfers/transfer-contract';
import { WalletContract } from '../wallets/wallet-contract';
import { InvestorContract } from './investor-contract';

// The whole story on the stubbed chaincode context (no Fabric peer runs here): BankC onboards an
// investor, binds a wallet and sees them hold units; a membership change removes BankC; BankA's
// officer adopts the investor and acts for them from then on, holdings and pending requests included.

const investors = new InvestorContract();
const consortium = new ConsortiumContract();
const CLAUDE = 'INV-C-0001';
const ROSA = 'INV-C-0002';
const REASON = 'BankC left the consortium; KYC redone by BankA';
const WITHOUT_C = JSON.stringify({ banks: ['BankAMSP', 'BankBMSP'], regulators: ['RegulatorMSP'] });
const WITHOUT_B = JSON.stringify({ banks: ['BankAMSP', 'BankCMSP'], regulators: ['RegulatorMSP'] });
const ADOPTED_PII = investorPii({ fullName: 'Claude Neuhaus' });
const at = { at: AFTER_LOCKUP };

const recordOf = async (worldState: WorldState, id: string) => JSON.parse(await investors.GetInvestor(tx(CAST.regulator, worldState).ctx, id)) as InvestorRecord;
const listed = async (worldState: WorldState, bank: string) =>
  (JSON.parse(await investors.ListInvestorsOfBank(tx(CAST.regulator, worldState).ctx, bank, '10', '')) as LedgerPage<InvestorRecord>).records.map((record) => record.investorId);
const holdingOf = (worldState: WorldState, id: string) => new AssetContract().GetHolding(tx(CAST.regulator, worldState).ctx, ASSET_ID, id);
const bindingOf = (worldState: WorldState) => new WalletContract().GetWalletBinding(tx(CAST.regulator, worldState).ctx, WALLET_TWO.address);

/** Membership `members` put in force: proposed by `proposer`'s admin, confirmed by the other admins. */
async function changeMembership(worldState: WorldState, members: string, admins: readonly TestIdentity[]): Promise<void> {
  const [proposer, ...others] = admins;
  if (proposer === undefined) throw new RangeError('no admin to propose');
  await consortium.ProposeMembershipChange(tx(proposer, worldState).ctx, members);
  for (const admin of others) await consortium.ConfirmMembershipChange(tx(admin, worldState).ctx, members);
}

/**
 * The asset approved, erin made BankC's compliance officer, who onboards claude (and rosa, revoked
 * later); claude holds units from the tokenization and binds WALLET_TWO; then BankC leaves.
 */
async function bankCLeft(): Promise<WorldState> {
  const worldState = await ledgerAt('APPROVED');
  await new RoleContract().GrantRole(tx(BANK_C_ADMIN, worldState).ctx, identityIdOf(BANK_C_ERIN), 'compliance-officer');
  for (const id of [CLAUDE, ROSA]) {
    await investors.OnboardInvestor(tx(BANK_C_ERIN, worldState, { transient: piiTransient(investorPii({ fullName: `Investor ${id}` })) }).ctx, json(investorDocument(id)));
  }
  await investors.RevokeInvestor(tx(BANK_C_ERIN, worldState).ctx, ROSA, 'Relationship ended');
  const allocations = { [INVESTORS.annaA]: 600_000n, [INVESTORS.chloeB]: 300_000n, [CLAUDE]: 100_000n };
  await new AssetContract().TokenizeAsset(tx(CAST.spvAdmin, worldState).ctx, ASSET_ID, json(tokenizationDocument(allocations)));
  const signature = await signBinding(WALLET_TWO, { investorId: CLAUDE, bank: 'BankCMSP' });
  await new WalletContract().BindWallet(tx(BANK_C_ERIN, worldState).ctx, CLAUDE, WALLET_TWO.address, CHAIN_ID.toString(), '1', signature);
  await changeMembership(worldState, WITHOUT_C, [BANK_A_ADMIN, BANK_B_ADMIN, REGULATOR_ADMIN]);
  return worldState;
}

const adopt = (document: Record<string, unknown> = investorDocument(CLAUDE, { kycLevel: 'enhanced', jurisdiction: 'LI' }), reason = REASON) => (ctx: Context) =>
  investors.AdoptInvestor(ctx, json(document), reason);

test("after BankC left, BankA's officer adopts its investor: BankA's record, PII, list and holding from then on; wallet binding as it was", async (t) => {
  const worldState = await bankCLeft();
  const before = await recordOf(worldState, CLAUDE);
  const holding = await holdingOf(worldState, CLAUDE);
  const binding = await bindingOf(worldState);
  t.like(before, { bankMsp: 'BankCMSP', kycStatus: 'active' });
  // Nobody could act for claude: BankC's officer lost the role, BankA's is of another bank.
  await refused(t, worldState, BANK_C_ERIN, 'CALLER_NOT_MEMBER', (ctx) => investors.SuspendInvestor(ctx, CLAUDE, 'Review'));
  await refused(t, worldState, CAST.bankAOfficer, 'CALLER_OF_OTHER_BANK', (ctx) => investors.SuspendInvestor(ctx, CLAUDE, 'Review'));

  const adoption = tx(CAST.bankAOfficer, worldState, { ...at, transient: piiTransient(ADOPTED_PII) });
  await adopt()(adoption.ctx);

  const after = await recordOf(worldState, CLAUDE);
  t.like(after, {
    bankMsp: 'BankAMSP',
    kycStatus: 'active',
    kycLevel: 'enhanced',
    jurisdiction: 'LI',
    onboardedAt: before.onboardedAt,
    onboardedBy: identityIdOf(BANK_C_ERIN),
    updatedAt: AFTER_LOCKUP.toISOString(),
    updatedBy: identityIdOf(CAST.bankAOfficer),
    lastStatusChange: null,
    adoptedFrom: { fromBankMsp: 'BankCMSP', adoptedAt: AFTER_LOCKUP.toISOString(), adoptedBy: identityIdOf(CAST.bankAOfficer), reason: REASON },
  });
  t.not(after.piiHash, before.piiHash, 'the hash is of the PII the adopting bank collected');
  const movedHolding = { ...(JSON.parse(holding) as HoldingRecord), bankMsp: 'BankAMSP' };
  const none = { transferIds: [], bridgeOutIds: [] };
  t.deepEqual(eventsOf(adoption), [
    { name: 'InvestorAdopted', envelope: { type: 'InvestorAdopted', payload: { investor: after, fromBankMsp: 'BankCMSP', toBankMsp: 'BankAMSP', blocked: none, holdings: [movedHolding], rerouted: none } } },
  ]);
  t.false(Buffer.from(adoption.events[0]?.payload ?? []).toString().includes('Claude Neuhaus'), 'no PII in the event');

  t.is(await investors.GetInvestorPii(tx(CAST.bankAOfficer, worldState).ctx, CLAUDE), sortedJson(ADOPTED_PII as never), 'BankA reads the PII it collected');
  await refused(t, worldState, CAST.bankBOfficer, 'PII_ACCESS_DENIED', (ctx) => investors.GetInvestorPii(ctx, CLAUDE));
  t.true(privateStateOf(worldState).get('_implicit_org_BankCMSP')?.size === 2, "BankC's own copies stay in its collection: only BankC can erase them");
  t.true((await listed(worldState, 'BankAMSP')).includes(CLAUDE));
  t.deepEqual(await listed(worldState, 'BankCMSP'), [ROSA], 'claude left BankC\'s list; revoked rosa stays');
  t.deepEqual(JSON.parse(await holdingOf(worldState, CLAUDE)), movedHolding, "the holding is BankA's now, its units and lots as they were");
  t.is(await bindingOf(worldState), binding, 'the binding stays as the wallet signed it');

  // BankA acts for claude now, with the officer's ordinary transactions.
  await investors.UpdateInvestor(tx(CAST.bankAOfficer, worldState, at).ctx, json(investorDocument(CLAUDE, { kycLevel: 'standard' })));
  t.like(await recordOf(worldState, CLAUDE), { kycLevel: 'standard', bankMsp: 'BankAMSP', adoptedFrom: { fromBankMsp: 'BankCMSP' } });
  await investors.SuspendInvestor(tx(CAST.bankAOfficer, worldState, at).ctx, CLAUDE, 'Source of wealth review');
  t.is((await recordOf(worldState, CLAUDE)).kycStatus, 'suspended');
  await refused(t, worldState, CAST.bankBOfficer, 'CALLER_OF_OTHER_BANK', (ctx) => investors.ReinstateInvestor(ctx, CLAUDE, 'Not mine'));
  // Adopted once, the investor's bank is in force: nobody adopts them again.
  await refused(t, worldState, CAST.bankBOfficer, 'INVESTOR_BANK_IN_FORCE', adopt(), { ...at, transient: piiTransient() });
});

test('an investor the leaving bank had suspended is active again once adopted, and the status change says why', async (t) => {
  const worldState = await ledgerAt('APPROVED');
  await new RoleContract().GrantRole(tx(BANK_C_ADMIN, worldState).ctx, identityIdOf(BANK_C_ERIN), 'compliance-officer');
  await investors.OnboardInvestor(tx(BANK_C_ERIN, worldState, { transient: piiTransient() }).ctx, json(investorDocument(CLAUDE)));
  await investors.EraseInvestorPii(tx(BANK_C_ERIN, worldState).ctx, CLAUDE, 'Erasure request');
  await investors.SuspendInvestor(tx(BANK_C_ERIN, worldState).ctx, CLAUDE, 'Passport expired');
  await changeMembership(worldState, WITHOUT_C, [BANK_A_ADMIN, BANK_B_ADMIN, REGULATOR_ADMIN]);
  await adopt(investorDocument(CLAUDE))(tx(CAST.bankBOfficer, worldState, { ...at, transient: piiTransient() }).ctx);
  t.like(await recordOf(worldState, CLAUDE), {
    bankMsp: 'BankBMSP',
    kycStatus: 'active',
    piiErasure: null,
    lastStatusChange: { kycStatus: 'active', reason: REASON, changedAt: AFTER_LOCKUP.toISOString(), changedBy: identityIdOf(CAST.bankBOfficer) },
  });
  t.is((JSON.parse(await investors.GetInvestorPii(tx(CAST.bankBOfficer, worldState).ctx, CLAUDE)) as { fullName: string }).fullName, 'Anna Muster');
});

test("a sanctions hit in the adopting bank's screening suspends the investor and blocks their pending transfers, found in the leaving bank's lists", async (t) => {
  const worldState = await ledgerForTransfers();
  await request(worldState, transferRequest('T-ADOPT-1', 5_000n));
  await new RoleContract().GrantRole(tx(BANK_C_ADMIN, worldState).ctx, identityIdOf(BANK_C_ERIN), 'compliance-officer');
  await changeMembership(worldState, WITHOUT_B, [BANK_A_ADMIN, BANK_C_ADMIN, REGULATOR_ADMIN]);
  const hit = investorDocument(INVESTORS.chloeB, { sanctions: { status: 'hit', listVersion: 'SDN 2026-05-30', screenedAt: Math.floor(AFTER_LOCKUP.getTime() / 1000) - 60 } });
  const adoption = tx(BANK_C_ERIN, worldState, { ...at, transient: piiTransient() });
  await adopt(hit)(adoption.ctx);

  const chloe = await recordOf(worldState, INVESTORS.chloeB);
  t.like(chloe, { bankMsp: 'BankCMSP', kycStatus: 'suspended', sanctions: { status: 'hit' }, lastStatusChange: { kycStatus: 'suspended' }, adoptedFrom: { fromBankMsp: 'BankBMSP' } });
  const transfer = JSON.parse(await new TransferContract().GetTransfer(tx(CAST.regulator, worldState).ctx, 'T-ADOPT-1')) as TransferRecord;
  t.is(transfer.status, 'BLOCKED');
  t.like(eventsOf(adoption)[0]?.envelope.payload, { fromBankMsp: 'BankBMSP', toBankMsp: 'BankCMSP', blocked: { transferIds: ['T-ADOPT-1'], bridgeOutIds: [] }, rerouted: { transferIds: [], bridgeOutIds: [] } });
  // The block was written in this transaction, which cannot read its own writes: rerouting it would undo it.
  t.like(transfer, { senderBankMsp: 'BankAMSP', receiverBankMsp: 'BankBMSP' });
  t.like(JSON.parse(await holdingOf(worldState, INVESTORS.chloeB)), { bankMsp: 'BankCMSP', balance: '100000' }, 'the holding follows the suspended investor all the same');
});

test('adoption is refused, writing nothing, for a caller without the officer role, an officer of the bank that left, an unknown or malformed investor, a bank still in force, a revoked investor, missing PII or a bad reason', async (t) => {
  const worldState = await bankCLeft();
  const withPii = { ...at, transient: piiTransient() };
  await refused(t, worldState, CAST.spvAdmin, 'CALLER_LACKS_ROLE', adopt(), withPii);
  await refused(t, worldState, CAST.regulator, 'CALLER_LACKS_ROLE', adopt(), withPii);
  await refused(t, worldState, BANK_C_ERIN, 'CALLER_NOT_MEMBER', adopt(), withPii);
  await refused(t, worldState, CAST.bankAOfficer, 'INVESTOR_NOT_FOUND', adopt(investorDocument('INV-NONE')), withPii);
  await refused(t, worldState, CAST.bankAOfficer, 'INVESTOR_BANK_IN_FORCE', adopt(investorDocument(INVESTORS.chloeB)), withPii);
  const own = await refused(t, worldState, CAST.bankAOfficer, 'INVESTOR_BANK_IN_FORCE', adopt(investorDocument(INVESTORS.annaA)), withPii);
  t.deepEqual(own.details, { investorId: INVESTORS.annaA, bankMsp: 'BankAMSP' });
  await refused(t, worldState, CAST.bankAOfficer, 'INVESTOR_STATUS_CONFLICT', adopt(investorDocument(ROSA)), withPii);
  await refused(t, worldState, CAST.bankAOfficer, 'ARGUMENT_EMPTY', (ctx) => investors.AdoptInvestor(ctx, '', REASON), withPii);
  await refused(t, worldState, CAST.bankAOfficer, 'INVESTOR_INVALID', (ctx) => investors.AdoptInvestor(ctx, '{"investorId":', REASON), withPii);
  await refused(t, worldState, CAST.bankAOfficer, 'INVESTOR_INVALID', adopt(investorDocument('INV C 1')), withPii);
  await refused(t, worldState, CAST.bankAOfficer, 'INVESTOR_INVALID', adopt(investorDocument(CLAUDE, { kycStatus: 'active' })), withPii);
  await refused(t, worldState, CAST.bankAOfficer, 'INVESTOR_INVALID', adopt(investorDocument(CLAUDE, { kycExpiresAt: Math.floor(AFTER_LOCKUP.getTime() / 1000) })), withPii);
  await refused(t, worldState, CAST.bankAOfficer, 'INVESTOR_PII_MISSING', adopt(), at);
  await refused(t, worldState, CAST.bankAOfficer, 'INVESTOR_PII_INVALID', adopt(), { ...at, transient: { pii: '{}' } });
  await refused(t, worldState, CAST.bankAOfficer, 'ARGUMENT_EMPTY', adopt(undefined, ''), withPii);
  await refused(t, worldState, CAST.bankAOfficer, 'REASON_INVALID', adopt(undefined, 'r'.repeat(501)), withPii);
  await refused(t, worldState, CAST.bankAOfficer, 'REASON_INVALID', adopt(undefined, 'line\nbreak'), withPii);
  t.like(await recordOf(worldState, CLAUDE), { bankMsp: 'BankCMSP' });
});

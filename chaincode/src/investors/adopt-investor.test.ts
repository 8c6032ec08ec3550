import '../testing/quiet-fabric-logs';
import test from 'ava';
import type { Context } from 'fabric-contract-api';
import type { HoldingRecord } from '@trestle/compliance/src/ledger/holding';
import type { BridgeOutRecord } from '@trestle/compliance/src/bridge/bridge-out';
import type { AdoptionRequest } from '@trestle/compliance/src/ledger/adoption-request';
import type { InvestorRecord } from '@trestle/compliance/src/ledger/investor';
import type { LedgerPage } from '@trestle/compliance/src/ledger/ledger-page';
import type { TransferRecord } from '@trestle/compliance/src/transfers/transfer-record';
import { POLICY_DOCUMENT } from '@trestle/compliance/src/policy/testing/policy-fixture';
import { AssetContract } from '../assets/asset-contract';
import { HOLDING_KEY_TYPE } from '../assets/holding-key';
import { ConsortiumContract } from '../consortium/consortium-contract';
import { ControlContract } from '../controls/control-contract';
import { RoleContract } from '../roles/role-contract';
import { CAST, eventsOf, T0, tx, unixSeconds } from '../testing/ledger-cast';
import { ASSET_ID, assetDocument, investorDocument, investorPii, json, legalDocuments, tokenizationDocument, valuationDocument } from '../testing/ledger-documents';
import { INVESTORS, ledgerAt } from '../testing/ledger-story';
import { sortedJson } from '../support/sorted-json';
import { refused } from '../testing/refusal';
import { rewriteRecord } from '../testing/rewrite-record';
import { piiHashOf, stagePii } from '../testing/staged-pii';
import { identityIdOf, privateStateOf, type TestIdentity, type WorldState } from '../testing/stub-context';
import { BANK_A_ADMIN, BANK_B_ADMIN, BANK_C_ADMIN, BANK_C_ERIN, REGULATOR_ADMIN } from '../testing/test-identities';
import { CHAIN_ID, signBinding, WALLET_TWO } from '../testing/test-wallets';
import { BridgeContract } from '../bridge/bridge-contract';
import { approveBridgeOut, bridgeOutOf, bridgeOutRequest, ledgerForBridge, requestBridgeOut, WALLETS } from '../testing/bridge-story';
import { approve as approveLegal, BENCH, legalAction, legalHistoryOf, ledgerForLegal, propose as proposeLegal } from '../testing/legal-story';
import { AFTER_LOCKUP, approve as approveTransfer, DESK, ledgerForTransfers, request, transferRequest } from '../testing/transfer-story';
import { TransferContract } from '../transfers/transfer-contract';
import { WalletContract } from '../wallets/wallet-contract';
import { InvestorContract } from './investor-contract';

// The whole story on the stubbed chaincode context: BankC onboards an
// investor, binds a wallet and sees them hold units; a membership change removes BankC; BankA's
// officer adopts the investor and acts for them from then on, holdings and pending requests included.

const investors = new InvestorContract();
const consortium = new ConsortiumContract();
const transfers = new TransferContract();
const bridge = new BridgeContract();
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
    const piiHash = await stagePii(BANK_C_ERIN, worldState, id, investorPii({ fullName: `Investor ${id}` }));
    await investors.OnboardInvestor(tx(BANK_C_ERIN, worldState).ctx, json(investorDocument(id)), piiHash);
  }
  await investors.RevokeInvestor(tx(BANK_C_ERIN, worldState).ctx, ROSA, 'Relationship ended');
  const allocations = { [INVESTORS.annaA]: 600_000n, [INVESTORS.chloeB]: 300_000n, [CLAUDE]: 100_000n };
  await new AssetContract().TokenizeAsset(tx(CAST.spvAdmin, worldState).ctx, ASSET_ID, json(tokenizationDocument(allocations)));
  const signature = await signBinding(WALLET_TWO, { investorId: CLAUDE, bank: 'BankCMSP' });
  await new WalletContract().BindWallet(tx(BANK_C_ERIN, worldState).ctx, CLAUDE, WALLET_TWO.address, CHAIN_ID.toString(), '1', signature);
  await changeMembership(worldState, WITHOUT_C, [BANK_A_ADMIN, BANK_B_ADMIN, REGULATOR_ADMIN]);
  return worldState;
}

/** The hash of the fixture PII: what a bank staged, when it did, for the adoption it then requests. */
const FIXTURE_PII_HASH = piiHashOf();
const adopt = (document: Record<string, unknown> = investorDocument(CLAUDE, { kycLevel: 'enhanced', jurisdiction: 'LI' }), reason = REASON, piiHash = FIXTURE_PII_HASH) => (ctx: Context) =>
  investors.AdoptInvestor(ctx, json(document), piiHash, reason);

/** Stages `pii` as `officer` for the investor `document` names, then requests the adoption; returns the request's transaction. */
async function adoptAs(officer: TestIdentity, worldState: WorldState, options: { at?: Date }, document?: Record<string, unknown>, reason?: string, pii = investorPii()) {
  const piiHash = await stagePii(officer, worldState, String((document ?? { investorId: CLAUDE }).investorId), pii, options);
  const adoption = tx(officer, worldState, options);
  await adopt(document, reason, piiHash)(adoption.ctx);
  return adoption;
}
const APPROVAL = "Transfer of the leaving bank's customers agreed";

/** The regulator approves the adoption waiting for `investorId`; returns the approval's transaction, whose events tell what moved. */
async function approve(worldState: WorldState, investorId: string = CLAUDE) {
  const approval = tx(CAST.regulator, worldState, at);
  await investors.ApproveAdoption(approval.ctx, investorId, APPROVAL);
  return approval;
}

test("after BankC left, BankA's officer adopts its investor: BankA's record, PII, list and holding from then on; wallet binding as it was", async (t) => {
  const worldState = await bankCLeft();
  const before = await recordOf(worldState, CLAUDE);
  const holding = await holdingOf(worldState, CLAUDE);
  const binding = await bindingOf(worldState);
  t.like(before, { bankMsp: 'BankCMSP', kycStatus: 'active' });
  // Nobody could act for claude: BankC's officer lost the role, BankA's is of another bank.
  await refused(t, worldState, BANK_C_ERIN, 'CALLER_NOT_MEMBER', (ctx) => investors.SuspendInvestor(ctx, CLAUDE, 'Review'));
  await refused(t, worldState, CAST.bankAOfficer, 'CALLER_OF_OTHER_BANK', (ctx) => investors.SuspendInvestor(ctx, CLAUDE, 'Review'));

  const adoption = await adoptAs(CAST.bankAOfficer, worldState, at, undefined, undefined, ADOPTED_PII);
  const request = JSON.parse(await investors.GetAdoption(tx(CAST.regulator, worldState).ctx, CLAUDE)) as AdoptionRequest;
  t.like(request, { investorId: CLAUDE, fromBankMsp: 'BankCMSP', toBankMsp: 'BankAMSP', reason: REASON, requestedBy: identityIdOf(CAST.bankAOfficer) });
  t.deepEqual(eventsOf(adoption), [{ name: 'InvestorAdoptionRequested', envelope: { type: 'InvestorAdoptionRequested', payload: request } }]);
  t.deepEqual(await recordOf(worldState, CLAUDE), before, 'nothing moves before the regulator approves');
  await refused(t, worldState, CAST.bankAOfficer, 'CALLER_OF_OTHER_BANK', (ctx) => investors.SuspendInvestor(ctx, CLAUDE, 'Not yet ours'));

  const approval = await approve(worldState);
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
    adoptedFrom: { fromBankMsp: 'BankCMSP', adoptedAt: AFTER_LOCKUP.toISOString(), adoptedBy: identityIdOf(CAST.bankAOfficer), reason: REASON, approvedBy: identityIdOf(CAST.regulator), approvalReason: APPROVAL },
  });
  t.not(after.piiHash, before.piiHash, 'the hash is of the PII the adopting bank collected');
  const movedHolding = { ...(JSON.parse(holding) as HoldingRecord), bankMsp: 'BankAMSP' };
  const none = { transferIds: [], bridgeOutIds: [] };
  t.deepEqual(eventsOf(approval), [
    { name: 'InvestorAdopted', envelope: { type: 'InvestorAdopted', payload: { investor: after, fromBankMsp: 'BankCMSP', toBankMsp: 'BankAMSP', blocked: none, holdings: [movedHolding], rerouted: none } } },
  ]);
  for (const transaction of [adoption, approval]) t.false(Buffer.from(transaction.events[0]?.payload ?? []).toString().includes('Claude Neuhaus'), 'no PII in the events');
  await refused(t, worldState, CAST.regulator, 'INVESTOR_ADOPTION_NOT_FOUND', (ctx) => investors.GetAdoption(ctx, CLAUDE));

  t.is(await investors.GetInvestorPii(tx(CAST.bankAOfficer, worldState).ctx, CLAUDE), sortedJson(ADOPTED_PII as never), 'BankA reads the PII it collected');
  await refused(t, worldState, CAST.bankBOfficer, 'PII_ACCESS_DENIED', (ctx) => investors.GetInvestorPii(ctx, CLAUDE));
  t.true(privateStateOf(worldState).get('_implicit_org_BankCMSP')?.size === 2, "BankC's own copies stay in its collection: only BankC can erase them");
  t.true((await listed(worldState, 'BankAMSP')).includes(CLAUDE));
  t.deepEqual(await listed(worldState, 'BankCMSP'), [ROSA], 'claude left BankC\'s list; revoked rosa stays');
  t.deepEqual(JSON.parse(await holdingOf(worldState, CLAUDE)), movedHolding, "the holding is BankA's now, its units and lots as they were");
  t.is(await bindingOf(worldState), binding, 'the binding stays as the wallet signed it');

  // BankA acts for claude now, with the officer's ordinary transactions.
  await investors.UpdateInvestor(tx(CAST.bankAOfficer, worldState, at).ctx, json(investorDocument(CLAUDE, { kycLevel: 'standard' })), '');
  t.like(await recordOf(worldState, CLAUDE), { kycLevel: 'standard', bankMsp: 'BankAMSP', adoptedFrom: { fromBankMsp: 'BankCMSP' } });
  await investors.SuspendInvestor(tx(CAST.bankAOfficer, worldState, at).ctx, CLAUDE, 'Source of wealth review');
  t.is((await recordOf(worldState, CLAUDE)).kycStatus, 'suspended');
  await refused(t, worldState, CAST.bankBOfficer, 'CALLER_OF_OTHER_BANK', (ctx) => investors.ReinstateInvestor(ctx, CLAUDE, 'Not mine'));
  // Adopted once, the investor's bank is in force: nobody adopts them again.
  await refused(t, worldState, CAST.bankBOfficer, 'INVESTOR_BANK_IN_FORCE', adopt(), at);
});

test('an investor the leaving bank had suspended is active again once adopted, and the status change says why', async (t) => {
  const worldState = await ledgerAt('APPROVED');
  await new RoleContract().GrantRole(tx(BANK_C_ADMIN, worldState).ctx, identityIdOf(BANK_C_ERIN), 'compliance-officer');
  const piiHash = await stagePii(BANK_C_ERIN, worldState, CLAUDE);
  await investors.OnboardInvestor(tx(BANK_C_ERIN, worldState).ctx, json(investorDocument(CLAUDE)), piiHash);
  await investors.EraseInvestorPii(tx(BANK_C_ERIN, worldState).ctx, CLAUDE, 'Erasure request');
  await investors.SuspendInvestor(tx(BANK_C_ERIN, worldState).ctx, CLAUDE, 'Passport expired');
  await changeMembership(worldState, WITHOUT_C, [BANK_A_ADMIN, BANK_B_ADMIN, REGULATOR_ADMIN]);
  await adoptAs(CAST.bankBOfficer, worldState, at, investorDocument(CLAUDE));
  await approve(worldState);
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
  await adoptAs(BANK_C_ERIN, worldState, at, hit);
  const adoption = await approve(worldState, INVESTORS.chloeB);

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
  const withPii = at;
  await refused(t, worldState, CAST.spvAdmin, 'CALLER_LACKS_ROLE', adopt(), withPii);
  await refused(t, worldState, CAST.regulator, 'CALLER_LACKS_ROLE', adopt(), withPii);
  await refused(t, worldState, BANK_C_ERIN, 'CALLER_NOT_MEMBER', adopt(), withPii);
  await refused(t, worldState, CAST.bankAOfficer, 'INVESTOR_NOT_FOUND', adopt(investorDocument('INV-NONE')), withPii);
  await refused(t, worldState, CAST.bankAOfficer, 'INVESTOR_BANK_IN_FORCE', adopt(investorDocument(INVESTORS.chloeB)), withPii);
  const own = await refused(t, worldState, CAST.bankAOfficer, 'INVESTOR_BANK_IN_FORCE', adopt(investorDocument(INVESTORS.annaA)), withPii);
  t.deepEqual(own.details, { investorId: INVESTORS.annaA, bankMsp: 'BankAMSP' });
  await refused(t, worldState, CAST.bankAOfficer, 'INVESTOR_STATUS_CONFLICT', adopt(investorDocument(ROSA)), withPii);
  await refused(t, worldState, CAST.bankAOfficer, 'ARGUMENT_EMPTY', (ctx) => investors.AdoptInvestor(ctx, '', FIXTURE_PII_HASH, REASON), withPii);
  await refused(t, worldState, CAST.bankAOfficer, 'INVESTOR_INVALID', (ctx) => investors.AdoptInvestor(ctx, '{"investorId":', FIXTURE_PII_HASH, REASON), withPii);
  await refused(t, worldState, CAST.bankAOfficer, 'INVESTOR_INVALID', adopt(investorDocument('INV C 1')), withPii);
  await refused(t, worldState, CAST.bankAOfficer, 'INVESTOR_INVALID', adopt(investorDocument(CLAUDE, { kycStatus: 'active' })), withPii);
  await refused(t, worldState, CAST.bankAOfficer, 'INVESTOR_INVALID', adopt(investorDocument(CLAUDE, { kycExpiresAt: Math.floor(AFTER_LOCKUP.getTime() / 1000) })), withPii);
  await refused(t, worldState, CAST.bankAOfficer, 'INVESTOR_PII_NOT_STAGED', adopt(), at);
  // PII another bank staged is in that bank's collection, not the requesting bank's.
  await refused(t, worldState, CAST.bankAOfficer, 'INVESTOR_PII_NOT_STAGED', adopt(undefined, undefined, await stagePii(CAST.bankBOfficer, worldState, CLAUDE, investorPii(), at)), at);
  await refused(t, worldState, CAST.bankAOfficer, 'ARGUMENT_EMPTY', adopt(undefined, ''), withPii);
  await refused(t, worldState, CAST.bankAOfficer, 'REASON_INVALID', adopt(undefined, 'r'.repeat(501)), withPii);
  await refused(t, worldState, CAST.bankAOfficer, 'REASON_INVALID', adopt(undefined, 'line\nbreak'), withPii);
  t.like(await recordOf(worldState, CLAUDE), { bankMsp: 'BankCMSP' });
});

/** Every holding record on the ledger, by state key. */
function holdingRecords(worldState: WorldState): Map<string, HoldingRecord> {
  const prefix = tx(CAST.regulator, worldState).ctx.stub.createCompositeKey(HOLDING_KEY_TYPE, []);
  const records = new Map<string, HoldingRecord>();
  for (const [key, value] of worldState) if (key.startsWith(prefix)) records.set(key, JSON.parse(Buffer.from(value).toString('utf8')) as HoldingRecord);
  return records;
}

const unitsOf = (holdings: Iterable<HoldingRecord>) => [...holdings].reduce((sum, holding) => sum + BigInt(holding.balance) + BigInt(holding.escrowed), 0n);

/** A second asset of the story's SPV taken to TOKENIZED with `allocations`, or only created when there are none. */
async function anotherAsset(worldState: WorldState, assetId: string, allocations: Record<string, bigint>): Promise<void> {
  const assets = new AssetContract();
  await assets.CreateAsset(tx(CAST.spvAdmin, worldState).ctx, json(assetDocument({ assetId, name: `Building ${assetId}` })));
  if (Object.keys(allocations).length === 0) return;
  await assets.RecordLegalDocuments(tx(CAST.spvAdmin, worldState).ctx, assetId, json(legalDocuments()));
  await assets.RecordValuation(tx(CAST.appraiser, worldState).ctx, assetId, json(valuationDocument()));
  await assets.ApproveAsset(tx(CAST.bankBOfficer, worldState).ctx, assetId);
  await assets.TokenizeAsset(tx(CAST.spvAdmin, worldState).ctx, assetId, json(tokenizationDocument(allocations, { policy: { ...POLICY_DOCUMENT, assetId, version: 1 } })));
}

test("every holding of the adopted investor, in every asset, goes to the adopting bank with its units, lots, frozen and escrowed amounts; nobody else's changes and units are conserved", async (t) => {
  const worldState = await ledgerAt('APPROVED');
  await new RoleContract().GrantRole(tx(BANK_C_ADMIN, worldState).ctx, identityIdOf(BANK_C_ERIN), 'compliance-officer');
  const piiHash = await stagePii(BANK_C_ERIN, worldState, CLAUDE);
  await investors.OnboardInvestor(tx(BANK_C_ERIN, worldState).ctx, json(investorDocument(CLAUDE)), piiHash);
  await new AssetContract().TokenizeAsset(tx(CAST.spvAdmin, worldState).ctx, ASSET_ID, json(tokenizationDocument({ [INVESTORS.annaA]: 900_000n, [CLAUDE]: 100_000n })));
  await anotherAsset(worldState, 'ZOB-2', { [INVESTORS.chloeB]: 60_000n, [CLAUDE]: 40_000n });
  await anotherAsset(worldState, 'ZOB-3', {});
  await new ControlContract().FreezePartial(tx(CAST.regulator, worldState).ctx, ASSET_ID, CLAUDE, '2500', 'Garnishment order');
  // Part of claude's ZOB-2 units in bridge escrow and two lots: states the adoption must carry over untouched.
  const lots = [{ amount: '10000', acquiredAt: unixSeconds(T0) }, { amount: '10000', acquiredAt: unixSeconds(T0) + 86_400 }];
  rewriteRecord(worldState, HOLDING_KEY_TYPE, ['ZOB-2', CLAUDE], (holding) => ({ ...holding, balance: '20000', escrowed: '20000', lots }));
  await changeMembership(worldState, WITHOUT_C, [BANK_A_ADMIN, BANK_B_ADMIN, REGULATOR_ADMIN]);
  const before = holdingRecords(worldState);

  await adoptAs(CAST.bankBOfficer, worldState, at, investorDocument(CLAUDE));
  t.deepEqual(holdingRecords(worldState), before, 'the request alone moves nothing');
  const adoption = await approve(worldState);

  const after = holdingRecords(worldState);
  const changed = [...after].filter(([key, holding]) => JSON.stringify(holding) !== JSON.stringify(before.get(key))).map(([, holding]) => holding);
  const expected = [...before.values()].filter((holding) => holding.investorId === CLAUDE).map((holding) => ({ ...holding, bankMsp: 'BankBMSP' }));
  t.is(expected.length, 2, 'claude holds two assets');
  t.deepEqual(changed, expected, "claude's holdings, and only those, changed: their bank and nothing else");
  t.like(expected, [{ assetId: ASSET_ID, balance: '100000', frozen: '2500' }, { assetId: 'ZOB-2', escrowed: '20000', lots }]);
  t.deepEqual([...after.keys()], [...before.keys()], 'no holding appears or goes');
  t.is(unitsOf(after.values()), unitsOf(before.values()));
  t.is(unitsOf(after.values()), 1_100_000n);
  t.deepEqual((eventsOf(adoption)[0]?.envelope.payload as { holdings: unknown }).holdings, expected);
});

const pendingTransfersAt = async (worldState: WorldState, bank: string) =>
  (JSON.parse(await transfers.ListPendingTransfers(tx(CAST.regulator, worldState).ctx, bank, '10', '')) as LedgerPage<TransferRecord>).records.map((record) => record.transferId);
const pendingBridgeOutsAt = async (worldState: WorldState, bank: string) =>
  (JSON.parse(await bridge.ListPendingBridgeOuts(tx(CAST.regulator, worldState).ctx, bank, '10', '')) as LedgerPage<BridgeOutRecord>).records.map((record) => record.bridgeOutId);
const transferOf = async (worldState: WorldState, id: string) => JSON.parse(await transfers.GetTransfer(tx(CAST.regulator, worldState).ctx, id)) as TransferRecord;

test("the adopted investor's pending transfers and bridge-outs move to the adopting bank: its officers find, approve and settle them, approvals already given stay", async (t) => {
  const worldState = await ledgerForBridge();
  // Before BankB leaves: chloe asks to send units to anna (BankA approves its side at once) and to bridge units out.
  await request(worldState, transferRequest('T-CHLOE-1', 5_000n, { fromInvestorId: INVESTORS.chloeB, toInvestorId: INVESTORS.annaA }), DESK.officerB);
  await approveTransfer(worldState, DESK.officerA, 'T-CHLOE-1');
  await request(worldState, transferRequest('T-ANNA-1', 7_000n), DESK.requesterA);
  await requestBridgeOut(worldState, bridgeOutRequest('B-CHLOE-1', 4_000n, { investorId: INVESTORS.chloeB, wallet: WALLETS.chloe.address }), DESK.officerB);
  await new RoleContract().GrantRole(tx(BANK_C_ADMIN, worldState).ctx, identityIdOf(BANK_C_ERIN), 'compliance-officer');
  await changeMembership(worldState, WITHOUT_B, [BANK_A_ADMIN, BANK_C_ADMIN, REGULATOR_ADMIN]);
  const unitsBefore = unitsOf(holdingRecords(worldState).values());
  // Nobody in force could approve chloe's side.
  await refused(t, worldState, BANK_C_ERIN, 'CALLER_OF_OTHER_BANK', (ctx) => transfers.ApproveTransfer(ctx, 'T-CHLOE-1', ''), at);
  await refused(t, worldState, BANK_C_ERIN, 'CALLER_OF_OTHER_BANK', (ctx) => bridge.ApproveBridgeOut(ctx, 'B-CHLOE-1', ''), at);

  await adoptAs(BANK_C_ERIN, worldState, at, investorDocument(INVESTORS.chloeB, { jurisdiction: 'LI', investorType: 'qualified-institutional' }));
  const adoption = await approve(worldState, INVESTORS.chloeB);

  t.like(eventsOf(adoption)[0]?.envelope.payload, { rerouted: { transferIds: ['T-ANNA-1', 'T-CHLOE-1'], bridgeOutIds: ['B-CHLOE-1'] } });
  t.like(await transferOf(worldState, 'T-CHLOE-1'), { status: 'PENDING', senderBankMsp: 'BankCMSP', receiverBankMsp: 'BankAMSP', approvals: [{ officerMsp: 'BankAMSP' }] });
  t.like(await transferOf(worldState, 'T-ANNA-1'), { status: 'PENDING', senderBankMsp: 'BankAMSP', receiverBankMsp: 'BankCMSP', requesterMsp: 'BankAMSP' });
  t.like(await bridgeOutOf(worldState, 'B-CHLOE-1'), { status: 'PENDING', bankMsp: 'BankCMSP', requesterMsp: 'BankBMSP' });
  t.deepEqual(await pendingTransfersAt(worldState, 'BankCMSP'), ['T-ANNA-1', 'T-CHLOE-1']);
  t.deepEqual(await pendingTransfersAt(worldState, 'BankBMSP'), [], "the leaving bank's list is empty");
  t.deepEqual(await pendingTransfersAt(worldState, 'BankAMSP'), ['T-ANNA-1', 'T-CHLOE-1'], "anna's side stays with BankA");
  t.deepEqual(await pendingBridgeOutsAt(worldState, 'BankCMSP'), ['B-CHLOE-1']);
  t.deepEqual(await pendingBridgeOutsAt(worldState, 'BankBMSP'), []);

  // BankC's officer approves chloe's side: with BankA's approval given before, the transfer settles.
  await approveTransfer(worldState, BANK_C_ERIN, 'T-CHLOE-1');
  t.is((await transferOf(worldState, 'T-CHLOE-1')).status, 'SETTLED');
  await approveTransfer(worldState, DESK.officerA, 'T-ANNA-1');
  await approveTransfer(worldState, BANK_C_ERIN, 'T-ANNA-1');
  t.is((await transferOf(worldState, 'T-ANNA-1')).status, 'SETTLED');
  await approveBridgeOut(worldState, BANK_C_ERIN, 'B-CHLOE-1');
  t.like(await bridgeOutOf(worldState, 'B-CHLOE-1'), { status: 'APPROVED', approvals: [{ officerMsp: 'BankCMSP' }] });
  // 100000 − 5000 sent + 7000 received, 4000 of them in escrow: all under BankC, units conserved.
  t.like(JSON.parse(await holdingOf(worldState, INVESTORS.chloeB)), { bankMsp: 'BankCMSP', balance: '98000', escrowed: '4000' });
  t.is(unitsOf(holdingRecords(worldState).values()), unitsBefore);
  t.deepEqual(await pendingTransfersAt(worldState, 'BankCMSP'), []);

  // A request made now names the adopting bank as the sender's (the transfer reads the investor's bank).
  const fromChloe = transferRequest('T-CHLOE-2', 1_000n, { fromInvestorId: INVESTORS.chloeB, toInvestorId: INVESTORS.annaA });
  await refused(t, worldState, DESK.requesterA, 'CALLER_OF_OTHER_BANK', (ctx) => transfers.RequestTransfer(ctx, json(fromChloe)), at);
  await request(worldState, fromChloe, BANK_C_ERIN);
  t.like(await transferOf(worldState, 'T-CHLOE-2'), { senderBankMsp: 'BankCMSP', receiverBankMsp: 'BankAMSP' });
});

test('a redemption after the adoption names the adopting bank as the holder\'s bank, with the same units and cash', async (t) => {
  const worldState = await ledgerForLegal();
  await changeMembership(worldState, WITHOUT_B, [BANK_A_ADMIN, BANK_C_ADMIN, REGULATOR_ADMIN]);
  await adoptAs(BENCH.officerC, worldState, {}, investorDocument(INVESTORS.chloeB, { jurisdiction: 'LI', investorType: 'qualified-institutional' }));
  await investors.ApproveAdoption(tx(CAST.regulator, worldState).ctx, INVESTORS.chloeB, APPROVAL);
  await proposeLegal(worldState, legalAction('L-R', 'redeem'));
  await approveLegal(worldState, BENCH.officerA, 'L-R');
  await approveLegal(worldState, BENCH.officerC, 'L-R');

  const history = await legalHistoryOf(worldState);
  t.deepEqual(history.transitions[0]?.redemption?.holders, [
    { investorId: INVESTORS.annaA, bankMsp: 'BankAMSP', units: '600000', frozen: '0', cash: '2550000000' },
    { investorId: INVESTORS.benA, bankMsp: 'BankAMSP', units: '300000', frozen: '0', cash: '1275000000' },
    { investorId: INVESTORS.chloeB, bankMsp: 'BankCMSP', units: '100000', frozen: '0', cash: '425000000' },
  ]);
});

test('one request waits per investor: another bank is refused until the regulator decides, the requesting bank may replace its own, and a rejection or withdrawal removes it with its PII', async (t) => {
  const worldState = await bankCLeft();
  await adoptAs(CAST.bankAOfficer, worldState, at, undefined, undefined, ADOPTED_PII);
  const pending = await refused(t, worldState, CAST.bankBOfficer, 'INVESTOR_ADOPTION_PENDING', adopt(), at);
  t.like(pending.details, { investorId: CLAUDE, toBankMsp: 'BankAMSP' });
  // BankA corrects its own request: the newer document and PII replace the first.
  await adoptAs(CAST.bankAOfficer, worldState, at, investorDocument(CLAUDE, { kycLevel: 'standard' }), 'Corrected KYC level');
  t.like(JSON.parse(await investors.GetAdoption(tx(CAST.bankBOfficer, worldState).ctx, CLAUDE)), { toBankMsp: 'BankAMSP', reason: 'Corrected KYC level' });
  const waitingFor = async (who: typeof CAST.regulator) =>
    (JSON.parse(await investors.ListAdoptionRequests(tx(who, worldState).ctx, '10', '')) as LedgerPage<AdoptionRequest>).records.map((entry) => [entry.investorId, entry.toBankMsp]);
  t.deepEqual(await waitingFor(CAST.regulator), [[CLAUDE, 'BankAMSP']], "the regulator's work list");
  t.deepEqual(await waitingFor(CAST.bankAOfficer), [[CLAUDE, 'BankAMSP']], "BankA sees its own request");
  t.deepEqual(await waitingFor(CAST.bankBOfficer), [], "BankB sees none of BankA's");
  await refused(t, worldState, CAST.spvAdmin, 'CALLER_LACKS_ROLE', (ctx) => investors.ListAdoptionRequests(ctx, '10', ''));

  // Only the regulator rejects, or BankA withdraws; BankB's officer may do neither.
  await refused(t, worldState, CAST.bankBOfficer, 'CALLER_OF_OTHER_BANK', (ctx) => investors.RejectAdoption(ctx, CLAUDE, 'Not yours'));
  await refused(t, worldState, CAST.spvAdmin, 'CALLER_LACKS_ROLE', (ctx) => investors.RejectAdoption(ctx, CLAUDE, 'No'));
  const rejection = tx(CAST.regulator, worldState, at);
  await investors.RejectAdoption(rejection.ctx, CLAUDE, 'KYC file incomplete');
  t.like(eventsOf(rejection)[0]?.envelope, { type: 'InvestorAdoptionRejected', payload: { request: { toBankMsp: 'BankAMSP' }, rejectedBy: identityIdOf(CAST.regulator), reason: 'KYC file incomplete' } });
  await refused(t, worldState, CAST.regulator, 'INVESTOR_ADOPTION_NOT_FOUND', (ctx) => investors.GetAdoption(ctx, CLAUDE));
  const bankAKeys = [...(privateStateOf(worldState).get('_implicit_org_BankAMSP')?.keys() ?? [])].map((key) => tx(CAST.regulator, worldState).ctx.stub.splitCompositeKey(key).attributes[0]);
  t.false(bankAKeys.includes(CLAUDE), "both PII the requests named (the replaced one and the rejected one) left BankA's collection");
  t.like(await recordOf(worldState, CLAUDE), { bankMsp: 'BankCMSP' });

  // Now BankB may ask, and withdraw its own request.
  await adoptAs(CAST.bankBOfficer, worldState, at);
  await investors.RejectAdoption(tx(CAST.bankBOfficer, worldState, at).ctx, CLAUDE, 'Withdrawn: the customer chose BankA');
  await refused(t, worldState, CAST.regulator, 'INVESTOR_ADOPTION_NOT_FOUND', (ctx) => investors.ApproveAdoption(ctx, CLAUDE, APPROVAL));
});

test('approval is the regulator\'s, and is refused, writing nothing, when the request no longer holds: the bank came back, the requesting bank left, the KYC expired meanwhile', async (t) => {
  const worldState = await bankCLeft();
  const kycExpiresAt = Math.floor(AFTER_LOCKUP.getTime() / 1000) + 86_400;
  await adoptAs(CAST.bankAOfficer, worldState, at, investorDocument(CLAUDE, { kycExpiresAt }));
  for (const someone of [CAST.bankAOfficer, CAST.bankBOfficer, CAST.spvAdmin]) {
    await refused(t, worldState, someone, 'CALLER_LACKS_ROLE', (ctx) => investors.ApproveAdoption(ctx, CLAUDE, APPROVAL), at);
  }
  await refused(t, worldState, CAST.regulator, 'INVESTOR_ADOPTION_NOT_FOUND', (ctx) => investors.ApproveAdoption(ctx, ROSA, APPROVAL), at);
  await refused(t, worldState, CAST.regulator, 'ARGUMENT_EMPTY', (ctx) => investors.ApproveAdoption(ctx, CLAUDE, ''), at);
  await refused(t, worldState, CAST.regulator, 'INVESTOR_INVALID', (ctx) => investors.ApproveAdoption(ctx, CLAUDE, APPROVAL), { at: new Date((kycExpiresAt + 1) * 1000) });

  // BankA leaves too: its request no longer holds.
  const withoutA = JSON.stringify({ banks: ['BankBMSP'], regulators: ['RegulatorMSP'] });
  await changeMembership(worldState, withoutA, [BANK_B_ADMIN, REGULATOR_ADMIN]);
  await refused(t, worldState, CAST.regulator, 'INVESTOR_STATUS_CONFLICT', (ctx) => investors.ApproveAdoption(ctx, CLAUDE, APPROVAL), at);
  // BankA and BankC come back: claude's bank is in force again, nobody adopts them.
  await changeMembership(worldState, JSON.stringify({ banks: ['BankAMSP', 'BankBMSP', 'BankCMSP'], regulators: ['RegulatorMSP'] }), [BANK_B_ADMIN, BANK_A_ADMIN, BANK_C_ADMIN, REGULATOR_ADMIN]);
  await refused(t, worldState, CAST.regulator, 'INVESTOR_BANK_IN_FORCE', (ctx) => investors.ApproveAdoption(ctx, CLAUDE, APPROVAL), at);
  t.like(await recordOf(worldState, CLAUDE), { bankMsp: 'BankCMSP' });
});

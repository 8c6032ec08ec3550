import '../testing/quiet-fabric-logs';
import test from 'ava';
import { KYC_GRACE_SECONDS } from '@trestle/compliance/src/ledger/kyc-phase';
import type { TrestleErrorCode } from '@trestle/compliance/src/errors/error-code';
import type { Asset } from '@trestle/compliance/src/ledger/asset';
import type { HoldingRecord } from '@trestle/compliance/src/ledger/holding';
import { parsePolicy } from '@trestle/compliance/src/policy/parse-policy';
import { policyHash } from '@trestle/compliance/src/policy/policy-hash';
import { InvestorContract } from '../investors/investor-contract';
import { CAST, eventsOf, T0, tx, unixSeconds } from '../testing/ledger-cast';
import { ASSET_ID, investorDocument, json, tokenizationDocument } from '../testing/ledger-documents';
import { INVESTORS, ledgerAt, onboard } from '../testing/ledger-story';
import { refused } from '../testing/refusal';
import { identityIdOf, type WorldState } from '../testing/stub-context';
import { AssetContract } from './asset-contract';

const contract = new AssetContract();
const investors = new InvestorContract();
const THREE_HOLDERS = { [INVESTORS.annaA]: 600_000n, [INVESTORS.benA]: 300_000n, [INVESTORS.chloeB]: 100_000n };

const holdingOf = async (worldState: WorldState, investorId: string) => JSON.parse(await contract.GetHolding(tx(CAST.regulator, worldState).ctx, ASSET_ID, investorId)) as HoldingRecord;

test('the SPV\'s administrator tokenizes an APPROVED asset: one holding with one lot per holder, the policy stored by its hash', async (t) => {
  const worldState = await ledgerAt('APPROVED');
  const document = tokenizationDocument(THREE_HOLDERS);
  const tokenization = tx(CAST.spvAdmin, worldState);
  await contract.TokenizeAsset(tokenization.ctx, ASSET_ID, json(document));

  const hash = policyHash(parsePolicy(document.policy));
  const asset = JSON.parse(await contract.GetAsset(tx(CAST.regulator, worldState).ctx, ASSET_ID)) as Asset;
  t.is(asset.state, 'TOKENIZED');
  t.deepEqual(asset.tokenization, {
    units: '1000000',
    decimals: 6,
    holderCount: 3,
    policyVersion: 1,
    policyHash: hash,
    valuationSeq: 1,
    tokenizedAt: T0.toISOString(),
    tokenizedBy: identityIdOf(CAST.spvAdmin),
  });
  const holdings = await Promise.all(Object.keys(THREE_HOLDERS).map((id) => holdingOf(worldState, id)));
  t.deepEqual(
    holdings.map((h) => [h.investorId, h.bankMsp, h.balance, h.frozen, h.escrowed, h.lots]),
    [
      [INVESTORS.annaA, 'BankAMSP', '600000', '0', '0', [{ amount: '600000', acquiredAt: unixSeconds(T0) }]],
      [INVESTORS.benA, 'BankAMSP', '300000', '0', '0', [{ amount: '300000', acquiredAt: unixSeconds(T0) }]],
      [INVESTORS.chloeB, 'BankBMSP', '100000', '0', '0', [{ amount: '100000', acquiredAt: unixSeconds(T0) }]],
    ],
  );
  const policyKey = tokenization.stub.createCompositeKey('asset~policy', [ASSET_ID, '0000000001']);
  const policy = JSON.parse(Buffer.from(worldState.get(policyKey) ?? []).toString()) as { policyHash: string; document: unknown };
  t.is(policy.policyHash, hash);
  t.is(policyHash(parsePolicy(policy.document)), hash, 'the stored document hashes to the attached hash');
  const events = eventsOf(tokenization);
  t.deepEqual(events.map((event) => event.name), ['AssetTokenized']);
  t.deepEqual(events[0]?.envelope.payload, { asset, holdings } as unknown as Record<string, unknown>);
});

test('only an spv-admin of the asset\'s bank may tokenize it', async (t) => {
  const worldState = await ledgerAt('APPROVED');
  await refused(t, worldState, CAST.bankBOfficer, 'CALLER_OF_OTHER_BANK', (ctx) => contract.TokenizeAsset(ctx, ASSET_ID, json(tokenizationDocument(THREE_HOLDERS))));
  for (const identity of [CAST.bankAOfficer, CAST.appraiser, CAST.regulator, CAST.nobody]) {
    await refused(t, worldState, identity, 'CALLER_LACKS_ROLE', (ctx) => contract.TokenizeAsset(ctx, ASSET_ID, json(tokenizationDocument(THREE_HOLDERS))));
  }
});

test('tokenizing before approval names the missing approval; tokenizing twice is past the point', async (t) => {
  const valued = await ledgerAt('VALUED');
  const early = await refused(t, valued, CAST.spvAdmin, 'ASSET_TRANSITION_ILLEGAL', (ctx) => contract.TokenizeAsset(ctx, ASSET_ID, json(tokenizationDocument(THREE_HOLDERS))));
  t.deepEqual((early.details as { missing: string[] }).missing, ["a compliance officer's approval from a bank other than the SPV's administering bank"]);
  const tokenized = await ledgerAt('TOKENIZED');
  await refused(t, tokenized, CAST.spvAdmin, 'ASSET_TRANSITION_ILLEGAL', (ctx) => contract.TokenizeAsset(ctx, ASSET_ID, json(tokenizationDocument(THREE_HOLDERS))));
});

test('every initial holder must be KYC-active, unexpired, screened clear and allowed by the policy; all failures are listed at once', async (t) => {
  const worldState = await ledgerAt('APPROVED');
  const soon = unixSeconds('2026-03-01T10:00:00.000Z');
  await onboard(worldState, CAST.bankAOfficer, 'INV-EXPIRED', { kycExpiresAt: unixSeconds('2026-03-01T09:00:00.000Z') + 7_200 });
  await onboard(worldState, CAST.bankAOfficer, 'INV-SUSPENDED');
  await investors.SuspendInvestor(tx(CAST.bankAOfficer, worldState).ctx, 'INV-SUSPENDED', 'Adverse media under review');
  await onboard(worldState, CAST.bankAOfficer, 'INV-HIT', { sanctions: { status: 'hit', listVersion: 'SDN 2026-02-28', screenedAt: soon - 60 } });
  await onboard(worldState, CAST.bankBOfficer, 'INV-US', { jurisdiction: 'US' });
  await onboard(worldState, CAST.bankBOfficer, 'INV-RETAIL', { investorType: 'retail' });
  // A month and a day after INV-EXPIRED's KYC ran out: past its grace period, so it may receive nothing.
  const later = new Date('2026-04-01T12:00:00.000Z');
  const allocations = { [INVESTORS.annaA]: 100n, 'INV-EXPIRED': 100n, 'INV-SUSPENDED': 100n, 'INV-HIT': 100n, 'INV-US': 100n, 'INV-RETAIL': 100n };
  const error = await refused(t, worldState, CAST.spvAdmin, 'HOLDER_NOT_ELIGIBLE', (ctx) => contract.TokenizeAsset(ctx, ASSET_ID, json(tokenizationDocument(allocations))), { at: later });
  const holders = (error.details as { holders: Array<{ investorId: string; failed: string[] }> }).holders;
  t.deepEqual(
    holders.map((holder) => [holder.investorId, holder.failed]),
    [
      ['INV-EXPIRED', ['KYC_EXPIRED_RECEIVER']],
      ['INV-SUSPENDED', ['KYC_SUSPENDED_RECEIVER']],
      ['INV-HIT', ['SANCTIONS_HIT_RECEIVER']],
      ['INV-US', ['JURISDICTION_NOT_ALLOWED_RECEIVER']],
      ['INV-RETAIL', ['INVESTOR_TYPE_NOT_ALLOWED_RECEIVER']],
    ],
  );
});

test('a revoked investor or an allocation above the policy\'s maximum balance is refused', async (t) => {
  const worldState = await ledgerAt('APPROVED');
  await investors.RevokeInvestor(tx(CAST.bankAOfficer, worldState).ctx, INVESTORS.benA, 'Account closed');
  const error = await refused(t, worldState, CAST.spvAdmin, 'HOLDER_NOT_ELIGIBLE', (ctx) =>
    contract.TokenizeAsset(ctx, ASSET_ID, json(tokenizationDocument({ [INVESTORS.annaA]: 1_000_001n, [INVESTORS.benA]: 1n }))),
  );
  t.deepEqual((error.details as { holders: Array<{ failed: string[] }> }).holders.map((holder) => holder.failed), [['MAX_BALANCE_EXCEEDED'], ['KYC_REVOKED_RECEIVER']]);
});

test('initial holders who were never onboarded are all named', async (t) => {
  const worldState = await ledgerAt('APPROVED');
  const error = await refused(t, worldState, CAST.spvAdmin, 'INVESTOR_NOT_FOUND', (ctx) =>
    contract.TokenizeAsset(ctx, ASSET_ID, json(tokenizationDocument({ [INVESTORS.annaA]: 10n, 'INV-GHOST-1': 10n, 'INV-GHOST-2': 10n }))),
  );
  t.deepEqual(error.details, { investorIds: ['INV-GHOST-1', 'INV-GHOST-2'] });
});

test('malformed tokenizations are TOKENIZATION_INVALID and write nothing', async (t) => {
  const worldState = await ledgerAt('APPROVED');
  const good = tokenizationDocument(THREE_HOLDERS);
  const policy = good.policy as Record<string, unknown>;
  const allocation = (investorId: string, units: unknown) => ({ investorId, units });
  const cases: Array<[TrestleErrorCode, unknown]> = [
    ['ARGUMENT_EMPTY', ''],
    ['TOKENIZATION_INVALID', '{"units":'],
    ['TOKENIZATION_INVALID', json({ ...good, units: '999999' })],
    ['TOKENIZATION_INVALID', json({ ...good, units: 1000000 })],
    ['TOKENIZATION_INVALID', json({ ...good, units: '-1000000' })],
    ['TOKENIZATION_INVALID', json({ ...good, decimals: 19 })],
    ['TOKENIZATION_INVALID', json({ ...good, decimals: 2.5 })],
    ['TOKENIZATION_INVALID', json({ ...good, units: '2', allocations: [allocation(INVESTORS.annaA, '1'), allocation(INVESTORS.annaA, '1')] })],
    ['TOKENIZATION_INVALID', json({ ...good, units: '1', allocations: [allocation(INVESTORS.annaA, '1'), allocation(INVESTORS.benA, '0')] })],
    ['TOKENIZATION_INVALID', json({ ...good, units: '1', allocations: [allocation(INVESTORS.annaA, '1.0')] })],
    ['TOKENIZATION_INVALID', json({ ...good, units: '1', allocations: [allocation(INVESTORS.annaA, -1)] })],
    ['TOKENIZATION_INVALID', json({ ...good, allocations: [] })],
    ['TOKENIZATION_INVALID', json({ ...good, units: '101', allocations: Array.from({ length: 101 }, (_, i) => allocation(`INV-${i}`, '1')) })],
    ['TOKENIZATION_INVALID', json({ ...good, policy: { ...policy, assetId: 'OTHER' } })],
    ['TOKENIZATION_INVALID', json({ ...good, policy: { ...policy, version: 2 } })],
    ['TOKENIZATION_INVALID', json({ ...good, policy: { ...policy, blockedJurisdictions: ['CH'] } })],
    ['TOKENIZATION_INVALID', json({ ...good, policy: undefined })],
  ];
  for (const [code, document] of cases) await refused(t, worldState, CAST.spvAdmin, code, (ctx) => contract.TokenizeAsset(ctx, ASSET_ID, document as string));
});

test('an investor whose KYC is about to expire stays eligible through the grace period, not a second longer', async (t) => {
  const worldState = await ledgerAt('APPROVED');
  const expiry = unixSeconds('2026-03-01T11:00:00.000Z');
  await investors.UpdateInvestor(tx(CAST.bankAOfficer, worldState).ctx, json(investorDocument(INVESTORS.annaA, { kycExpiresAt: expiry })), '');
  const allocations = { [INVESTORS.annaA]: 10n };
  const repayOnly = (expiry + KYC_GRACE_SECONDS) * 1000;
  await refused(t, worldState, CAST.spvAdmin, 'HOLDER_NOT_ELIGIBLE', (ctx) => contract.TokenizeAsset(ctx, ASSET_ID, json(tokenizationDocument(allocations))), { at: new Date(repayOnly) });
  await contract.TokenizeAsset(tx(CAST.spvAdmin, worldState, { at: new Date(repayOnly - 1000) }).ctx, ASSET_ID, json(tokenizationDocument(allocations)));
  t.is((await holdingOf(worldState, INVESTORS.annaA)).balance, '10');
});

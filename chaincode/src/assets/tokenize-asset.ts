import type { Context } from 'fabric-contract-api';
import { TrestleError } from '@trestle/compliance/src/errors/trestle-error';
import type { Asset } from '@trestle/compliance/src/ledger/asset';
import { assetTransition } from '@trestle/compliance/src/ledger/asset-state';
import { holdingRecord, newHolding, type HoldingRecord } from '@trestle/compliance/src/ledger/holding';
import { investorSnapshot, type InvestorRecord } from '@trestle/compliance/src/ledger/investor';
import { evaluateIssuance } from '@trestle/compliance/src/ledger/issuance-check';
import { parseTokenizationDocument, type TokenizationDocument } from '@trestle/compliance/src/ledger/tokenization';
import { policyHash } from '@trestle/compliance/src/policy/policy-hash';
import { policyToDocument } from '@trestle/compliance/src/policy/policy';
import { callerOf } from '../identity/caller';
import { requireOwnBank } from '../identity/require-own-bank';
import { findInvestor } from '../investors/investor-key';
import { emitLedgerEvent } from '../support/ledger-event';
import { writeRecord } from '../support/state';
import { txTimestampIso, txTimestampSeconds } from '../support/tx-time';
import { assetKey, readAsset } from './asset-key';
import { requireCurrentValuation } from './current-valuation';
import { holdingKey } from './holding-key';
import { policyKey, type PolicyVersionRecord } from './policy-key';

/**
 * TokenizeAsset's body (the caller's role is checked by the contract): mints the fixed supply to
 * the initial holders, each judged by the transfer rules as the receiver of their units, attaches
 * the first policy by hash, and moves the asset to TOKENIZED. All or nothing: one ineligible
 * holder refuses the whole tokenization, listing every holder that failed and why.
 */
export async function tokenizeAsset(ctx: Context, assetId: string, tokenizationJson: string): Promise<void> {
  const caller = callerOf(ctx);
  const document = parseTokenizationDocument(tokenizationJson, assetId);
  const asset = await readAsset(ctx, assetId);
  requireOwnBank(caller, asset.administeringBankMsp, 'asset');
  const next = assetTransition(asset, 'tokenize');
  const now = txTimestampSeconds(ctx);
  const valuation = await requireCurrentValuation(ctx, asset, 'tokenize', now);
  const investors = await readHolders(ctx, document);
  checkEligibility(document, investors, now);

  const at = txTimestampIso(ctx);
  const hash = policyHash(document.policy);
  const policy: PolicyVersionRecord = { assetId, version: document.policy.version, policyHash: hash, document: policyToDocument(document.policy), attachedAt: at, attachedBy: caller.identityId };
  await writeRecord(ctx, policyKey(ctx, assetId, policy.version), policy);
  const holdings: HoldingRecord[] = [];
  for (const [index, allocation] of document.allocations.entries()) {
    const investor = investors[index] as InvestorRecord;
    const holding = holdingRecord(newHolding({ assetId, investorId: investor.investorId, bankMsp: investor.bankMsp }, allocation.units, now));
    await writeRecord(ctx, holdingKey(ctx, assetId, investor.investorId), holding);
    holdings.push(holding);
  }
  const tokenized: Asset = {
    ...asset,
    state: next,
    updatedAt: at,
    updatedBy: caller.identityId,
    tokenization: {
      units: document.units.toString(),
      decimals: document.decimals,
      holderCount: holdings.length,
      policyVersion: policy.version,
      policyHash: hash,
      valuationSeq: valuation.seq,
      tokenizedAt: at,
      tokenizedBy: caller.identityId,
    },
  };
  await writeRecord(ctx, assetKey(ctx, assetId), tokenized);
  emitLedgerEvent(ctx, { type: 'AssetTokenized', payload: { asset: tokenized, holdings } });
}

// Every unknown id at once, so the administrator fixes the list in one round.
async function readHolders(ctx: Context, document: TokenizationDocument): Promise<InvestorRecord[]> {
  const found = await Promise.all(document.allocations.map((allocation) => findInvestor(ctx, allocation.investorId)));
  const unknown = document.allocations.filter((_, index) => found[index] === undefined).map((allocation) => allocation.investorId);
  if (unknown.length > 0) {
    throw new TrestleError('INVESTOR_NOT_FOUND', `${unknown.length} of the initial holders are not onboarded investors; their banks must onboard them first.`, {
      details: { investorIds: unknown },
    });
  }
  return found as InvestorRecord[];
}

function checkEligibility(document: TokenizationDocument, investors: readonly InvestorRecord[], now: number): void {
  const holders = investors.map((investor, index) => ({ investor: investorSnapshot(investor), units: document.allocations[index]?.units ?? 0n }));
  const refused = evaluateIssuance(document.policy, holders, now).filter((verdict) => !verdict.passed);
  if (refused.length > 0) {
    throw new TrestleError('HOLDER_NOT_ELIGIBLE', `${refused.length} of the initial holders may not receive units under the KYC and policy rules; the details give each one's reasons.`, {
      details: {
        holders: refused.map((verdict) => ({
          investorId: verdict.investorId,
          failed: [...verdict.failed],
          sentences: verdict.verdicts.filter((rule) => !rule.passed).map((rule) => rule.sentence),
        })),
      },
    });
  }
}

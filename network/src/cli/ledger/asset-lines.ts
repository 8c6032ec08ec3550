import type { Asset } from '@trestle/compliance/src/ledger/asset';
import { holdingRecord, type Holding } from '@trestle/compliance/src/ledger/holding';
import type { Valuation } from '@trestle/compliance/src/ledger/valuation';
import { isoOfUnix, keyValueLines } from './record-lines';

/** An asset as aligned `key  value` lines: what it is, where it stands, and what each step recorded. */
export function assetLines(asset: Asset): string[] {
  const { legalDocuments, approval, tokenization, remediation } = asset;
  return keyValueLines([
    ['asset', asset.assetId],
    ['name', asset.name],
    ['class', asset.assetClass],
    ['spv', asset.spvId],
    ['administered by', asset.administeringBankMsp],
    ['state', asset.state],
    ['true-sale deed', legalDocuments === null ? null : `sha256 ${legalDocuments.trueSaleDeed.sha256}  ${legalDocuments.trueSaleDeed.uri}`],
    ['legal opinion', legalDocuments === null ? null : `sha256 ${legalDocuments.legalOpinion.sha256}  ${legalDocuments.legalOpinion.uri}`],
    ['valuations', String(asset.valuationCount)],
    ['approved', approval === null ? null : `${approval.approvedAt} by ${approval.approverMsp} on valuation ${approval.valuationSeq}`],
    ['units', tokenization === null ? null : `${tokenization.units} (${tokenization.decimals} decimals) to ${tokenization.holderCount} holders`],
    ['policy', tokenization === null ? null : `version ${tokenization.policyVersion} sha256 ${tokenization.policyHash}`],
    ['tokenized', tokenization === null ? null : tokenization.tokenizedAt],
    ['remediation', remediation === null ? null : `${isoOfUnix(remediation.startedAt)} to ${isoOfUnix(remediation.endsAt)}`],
    ['created', asset.createdAt],
    ['updated', asset.updatedAt],
  ]);
}

/** One valuation as a line of a list, marked current, valid or expired at the query's time. */
export function valuationLine(valuation: Valuation, standing: 'current' | 'valid' | 'expired'): string {
  return `#${valuation.seq}  ${valuation.amount} ${valuation.currency}  effective ${valuation.effectiveDate}  valid until ${isoOfUnix(valuation.validUntil)}  by ${valuation.appraiserMsp}  ${standing}`;
}

/** A holding as aligned `key  value` lines, amounts as the decimal strings the ledger keeps, then its lots. */
export function holdingLines(holding: Holding): string[] {
  const record = holdingRecord(holding);
  return [
    ...keyValueLines([
      ['asset', record.assetId],
      ['investor', record.investorId],
      ['bank', record.bankMsp],
      ['balance', record.balance],
      ['frozen', record.frozen],
      ['escrowed', record.escrowed],
      ['lots', String(record.lots.length)],
    ]),
    ...record.lots.map((lot) => `  ${lot.amount} acquired ${isoOfUnix(lot.acquiredAt)}`),
  ];
}

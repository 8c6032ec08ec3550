import type { InvestorRecord } from '@trestle/compliance/src/ledger/investor';
import type { InvestorPii } from '@trestle/compliance/src/ledger/investor-pii';
import { isoOfUnix, keyValueLines } from './record-lines';

/** An investor's public record as aligned `key  value` lines (no personal data: only its hash). */
export function investorLines(investor: InvestorRecord): string[] {
  const { adoptedFrom, lastStatusChange, piiErasure, sanctions } = investor;
  return keyValueLines([
    ['investor', investor.investorId],
    ['bank', investor.bankMsp],
    ['kyc status', investor.kycStatus],
    ['kyc level', investor.kycLevel],
    ['kyc expires', isoOfUnix(investor.kycExpiresAt)],
    ['type', investor.investorType],
    ['jurisdiction', investor.jurisdiction],
    ['sanctions', `${sanctions.status} (${sanctions.listVersion}, screened ${isoOfUnix(sanctions.screenedAt)})`],
    ['pii hash', investor.piiHash],
    ['pii erased', piiErasure === null ? null : `${piiErasure.erasedAt}: ${piiErasure.reason}`],
    ['last status change', lastStatusChange === null ? null : `${lastStatusChange.kycStatus} ${lastStatusChange.changedAt}: ${lastStatusChange.reason}`],
    ['adopted', adoptedFrom === undefined ? null : `from ${adoptedFrom.fromBankMsp} ${adoptedFrom.adoptedAt}: ${adoptedFrom.reason}; approved by ${adoptedFrom.approvedBy}: ${adoptedFrom.approvalReason}`],
    ['onboarded', investor.onboardedAt],
    ['updated', investor.updatedAt],
  ]);
}

/** An investor as one line of a bank's list. */
export function investorListLine(investor: InvestorRecord): string {
  return `${investor.investorId}  ${investor.kycStatus}  ${investor.jurisdiction}  ${investor.investorType}  kyc until ${isoOfUnix(investor.kycExpiresAt)}`;
}

/** An investor's personal data as aligned lines (the salt is left out: it only keeps the hash unguessable). */
export function piiLines(investorId: string, pii: InvestorPii): string[] {
  return [
    ...keyValueLines([
      ['investor', investorId],
      ['full name', pii.fullName],
      ['birth date', pii.birthDate],
      ['address', [...pii.address.lines, `${pii.address.postalCode} ${pii.address.city}`.trim(), pii.address.country].join(', ')],
      ['documents', String(pii.documents.length)],
    ]),
    ...pii.documents.map((document) => `  ${document.type} ${document.reference} (${document.issuingCountry})`),
  ];
}

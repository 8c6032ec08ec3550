import type { Spv } from '@trestle/compliance/src/ledger/spv';
import { keyValueLines } from './record-lines';

/** An SPV as aligned `key  value` lines. */
export function spvLines(spv: Spv): string[] {
  return [
    ...keyValueLines([
      ['spv', spv.spvId],
      ['legal name', spv.legalName],
      ['jurisdiction', spv.jurisdiction],
      ['registration', spv.registrationNumber],
      ['trustee', spv.trustee],
      ['administered by', spv.administeringBankMsp],
      ['registered', spv.registeredAt],
      ['updated', spv.updatedAt],
      ['documents', String(spv.documents.length)],
    ]),
    ...spv.documents.map((document) => `  ${document.kind}  sha256 ${document.sha256}  ${document.uri}`),
  ];
}

/** An SPV as one line of a list. */
export function spvListLine(spv: Spv): string {
  return `${spv.spvId}  ${spv.jurisdiction}  ${spv.administeringBankMsp}  ${spv.legalName}`;
}

import { isMspId } from '../identity/identity-id';
import { INVESTOR_TYPE_FORM, isInvestorType } from '../policy/investor-type';
import { isJurisdiction, JURISDICTION_FORM } from '../policy/jurisdiction';
import { isLedgerId, LEDGER_ID_FORM } from '../policy/ledger-id';
import type { RecordReader } from '../policy/record-reader';
import { isPlainText } from './plain-text';
import { KYC_STATUSES, SANCTIONS_STATUSES, type InvestorSnapshot, type KycStatus, type SanctionsStatus } from './transfer-check-input';

/** The fields of an investor snapshot in JSON. */
export const INVESTOR_FIELDS = ['investorId', 'bankMsp', 'jurisdiction', 'investorType', 'kycStatus', 'kycExpiresAt', 'sanctions'] as const;

/** Reads an investor snapshot through `reader`, opened on it with `INVESTOR_FIELDS`. */
export function readInvestor(reader: RecordReader): InvestorSnapshot {
  return {
    investorId: reader.string('investorId', isLedgerId, `an investor id of ${LEDGER_ID_FORM}`),
    bankMsp: reader.string('bankMsp', isMspId, 'an MSP id such as "BankAMSP"'),
    jurisdiction: reader.member('jurisdiction', isJurisdiction, JURISDICTION_FORM, 'CH'),
    investorType: reader.member('investorType', isInvestorType, INVESTOR_TYPE_FORM, 'retail'),
    kycStatus: reader.member('kycStatus', isKycStatus, oneOf(KYC_STATUSES), 'revoked'),
    kycExpiresAt: reader.integer('kycExpiresAt', 0),
    sanctions: readSanctions(reader.record('sanctions', ['status', 'listVersion'])),
  };
}

/** Reads a sanctions screening's status and list version through `reader`, opened on the screening. */
export function readSanctions(reader: RecordReader): InvestorSnapshot['sanctions'] {
  return {
    status: reader.member('status', isSanctionsStatus, oneOf(SANCTIONS_STATUSES), 'pending'),
    listVersion: reader.string('listVersion', (value) => isPlainText(value, 1, 128), 'a list version label such as "SDN 2026-03-01": 1 to 128 characters, no control characters'),
  };
}

/** Whether `value` is one of `KYC_STATUSES`. */
export function isKycStatus(value: unknown): value is KycStatus {
  return (KYC_STATUSES as readonly unknown[]).includes(value);
}

function isSanctionsStatus(value: unknown): value is SanctionsStatus {
  return (SANCTIONS_STATUSES as readonly unknown[]).includes(value);
}

/** A guard for a closed list of values, for `RecordReader.member` and `set`. */
export const isIn =
  <T extends string>(values: readonly T[]) =>
  (value: unknown): value is T =>
    (values as readonly unknown[]).includes(value);

/** How problem reports describe a closed list of values: one of "a", "b". */
export function oneOf(values: readonly string[]): string {
  return `one of ${values.map((value) => `"${value}"`).join(', ')}`;
}

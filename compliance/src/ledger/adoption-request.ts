import { MAX_REASON_CHARS } from './ledger-limits';
import { readJsonValue, type JsonDocumentKind } from './read-json-document';
import { readIdentityId, readIsoInstant, readLedgerId, readMspId, readText } from './record-fields';
import { isSha256Hex, SHA256_HEX_FORM } from './sha256-hex';

/**
 * A bank's request to adopt an investor whose bank left the consortium, waiting for the regulator.
 * Adoption hands the investor's holdings and waiting requests to the adopting bank, so one bank
 * alone must not be able to take over another's customers: the regulator approves or rejects it.
 * The document is kept as the officer sent it and read again at approval, against that moment's
 * time (a KYC that expired meanwhile is refused then); the PII already sits in the adopting bank's
 * collection, `piiHash` its hash.
 */
export type AdoptionRequest = {
  readonly investorId: string;
  readonly fromBankMsp: string;
  readonly toBankMsp: string;
  readonly investorJson: string;
  readonly piiHash: string;
  readonly reason: string;
  readonly requestedAt: string;
  readonly requestedBy: string;
};

/** The longest investor document kept with a request (characters); a real one is a few hundred. */
export const MAX_ADOPTION_DOCUMENT_CHARS = 8_192;

const FIELDS = ['investorId', 'fromBankMsp', 'toBankMsp', 'investorJson', 'piiHash', 'reason', 'requestedAt', 'requestedBy'] as const;

const ADOPTION_REQUEST: JsonDocumentKind<AdoptionRequest> = {
  code: 'RECORD_MALFORMED',
  name: 'adoption request',
  fields: FIELDS,
  read: (reader) => ({
    investorId: readLedgerId(reader, 'investorId', 'an investor id'),
    fromBankMsp: readMspId(reader, 'fromBankMsp'),
    toBankMsp: readMspId(reader, 'toBankMsp'),
    investorJson: readText(reader, 'investorJson', 2, MAX_ADOPTION_DOCUMENT_CHARS, 'an investor document'),
    piiHash: reader.string('piiHash', isSha256Hex, SHA256_HEX_FORM),
    reason: readText(reader, 'reason', 1, MAX_REASON_CHARS, 'a reason'),
    requestedAt: readIsoInstant(reader, 'requestedAt'),
    requestedBy: readIdentityId(reader, 'requestedBy'),
  }),
};

/** Validates an adoption request read from the ledger; `RECORD_MALFORMED` when it is not one. */
export function parseAdoptionRequest(value: unknown): AdoptionRequest {
  return readJsonValue(value, ADOPTION_REQUEST);
}

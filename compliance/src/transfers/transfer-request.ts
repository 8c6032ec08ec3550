import { isPlainText } from '../rules/plain-text';
import type { TravelRuleData } from '../rules/transfer-check-input';
import { childPath } from '../policy/problem-list';
import type { RecordReader } from '../policy/record-reader';
import { readJsonDocument } from '../ledger/read-json-document';
import { readLedgerId } from '../ledger/record-fields';
import { isEvmAddressForm, MAX_UINT256 } from '../ledger/wallet-binding';
import { isTransferId } from './transfer-record';

/** The signature of the sender's bound wallet over the request (see `transfer-signature.ts`). */
export type WalletSignature = { readonly address: string; readonly signature: string };

/** What a sender's bank submits to move units of an asset from its investor to another. */
export type TransferRequest = {
  /** Chosen by the client (a UUID, say), so a retried submission cannot create a second transfer. */
  readonly transferId: string;
  readonly assetId: string;
  readonly fromInvestorId: string;
  readonly toInvestorId: string;
  readonly amount: bigint;
  /** Present when the investor signed the request with their bound wallet. */
  readonly wallet: WalletSignature | null;
};

const REQUEST_FIELDS = ['transferId', 'assetId', 'fromInvestorId', 'toInvestorId', 'amount', 'wallet'] as const;

function readRequest(reader: RecordReader): TransferRequest {
  const request: TransferRequest = {
    transferId: reader.string('transferId', isTransferId, 'a transfer id of 1 to 128 printable ASCII characters without spaces'),
    assetId: readLedgerId(reader, 'assetId', 'an asset id'),
    fromInvestorId: readLedgerId(reader, 'fromInvestorId', 'an investor id'),
    toInvestorId: readLedgerId(reader, 'toInvestorId', 'an investor id'),
    amount: reader.amount('amount', true),
    wallet: reader.has('wallet')
      ? reader.nullableRecord('wallet', ['address', 'signature'], (inner) => ({
          address: inner.string('address', isEvmAddressForm, 'an EVM address (0x and 40 hex digits)'),
          signature: inner.string('signature', (value) => /^0x[0-9a-fA-F]{130}$/.test(value), 'a 65-byte signature as 0x and 130 hex digits'),
        }))
      : null,
  };
  const clean = (...keys: string[]) => !keys.some((key) => reader.problems.touches(childPath(reader.path, key)));
  if (clean('fromInvestorId', 'toInvestorId') && request.fromInvestorId === request.toInvestorId) {
    reader.problems.add(childPath(reader.path, 'toInvestorId'), 'must differ from fromInvestorId; a transfer moves units between two investors');
  }
  // Amounts may have 78 digits, more than a uint256 holds: a wallet could not have signed one.
  if (request.wallet !== null && clean('amount', 'wallet') && request.amount > MAX_UINT256) {
    reader.problems.add(childPath(reader.path, 'amount'), 'must be at most 2^256 - 1 when a wallet signs the request (EIP-712 uint256)');
  }
  return request;
}

/** Validates a transfer request (JSON text); `TRANSFER_INVALID` lists every problem. `wallet` may be left out. */
export function parseTransferRequest(text: unknown): TransferRequest {
  return readJsonDocument(text, { code: 'TRANSFER_INVALID', name: 'transfer request', fields: REQUEST_FIELDS, read: readRequest });
}

const PARTY_FIELDS = ['name', 'accountRef'] as const;

function readParty(reader: RecordReader): TravelRuleData['originator'] {
  const isText = (value: string) => isPlainText(value, 0, 256);
  const form = 'text of at most 256 characters without control characters';
  return { name: reader.string('name', isText, form), accountRef: reader.string('accountRef', isText, form) };
}

/** The transient map key of the travel-rule data: personal data, so it never goes into the arguments or the state. */
export const TRAVEL_RULE_TRANSIENT_KEY = 'travelRule';

/**
 * Validates travel-rule data (JSON text: originator and beneficiary, each with name and
 * accountRef). It is personal data, so it travels in the transient map and the ledger keeps only
 * its hash; blank fields are the travel rule's to refuse, with its verdict. `TRANSFER_INVALID`.
 */
export function parseTravelRuleData(text: unknown): TravelRuleData {
  return readJsonDocument(text, {
    code: 'TRANSFER_INVALID',
    name: 'travel-rule data',
    fields: ['originator', 'beneficiary'],
    read: (reader) => ({ originator: readParty(reader.record('originator', PARTY_FIELDS)), beneficiary: readParty(reader.record('beneficiary', PARTY_FIELDS)) }),
  });
}

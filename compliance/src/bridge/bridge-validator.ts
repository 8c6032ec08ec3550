import { readJsonValue } from '../ledger/read-json-document';
import { readIdentityId, readIsoInstant, readMspId } from '../ledger/record-fields';
import { readAddress } from './bridge-fields';

/**
 * A bank's validator: the EVM address whose EIP-712 signatures the chaincode accepts from that
 * bank's `validator` identities. One per bank; registering again rotates it (the old address stops
 * counting at once, for signatures not yet recorded).
 */
export type BridgeValidator = { readonly bankMsp: string; readonly address: string; readonly registeredAt: string; readonly registeredBy: string };

/** Validates a validator record read from the ledger; `RECORD_MALFORMED` when it is not one. */
export function parseBridgeValidator(value: unknown): BridgeValidator {
  return readJsonValue(value, {
    code: 'RECORD_MALFORMED',
    name: 'bridge validator record',
    fields: ['bankMsp', 'address', 'registeredAt', 'registeredBy'],
    read: (reader) => ({
      bankMsp: readMspId(reader, 'bankMsp'),
      address: readAddress(reader, 'address'),
      registeredAt: readIsoInstant(reader, 'registeredAt'),
      registeredBy: readIdentityId(reader, 'registeredBy'),
    }),
  });
}

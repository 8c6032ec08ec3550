import { readJsonValue } from '../ledger/read-json-document';
import { readLedgerId } from '../ledger/record-fields';
import { readUintText } from './bridge-fields';

/**
 * The units of one asset held in escrow for one chain: what the EVM token's supply there may
 * never exceed (DESIGN.md §9, invariant 2), and what the reconciler compares it with. `suspense`
 * counts released units whose owner could not be credited, still conserved on the ledger.
 */
export type BridgeEscrow = { readonly assetId: string; readonly chainId: string; readonly escrowed: string; readonly suspense: string };

/** Validates an escrow record read from the ledger; `RECORD_MALFORMED` when it is not one. */
export function parseBridgeEscrow(value: unknown): BridgeEscrow {
  return readJsonValue(value, {
    code: 'RECORD_MALFORMED',
    name: 'bridge escrow record',
    fields: ['assetId', 'chainId', 'escrowed', 'suspense'],
    read: (reader) => ({
      assetId: readLedgerId(reader, 'assetId', 'an asset id'),
      chainId: readUintText(reader, 'chainId', 1n),
      escrowed: reader.amount('escrowed').toString(),
      suspense: reader.amount('suspense').toString(),
    }),
  });
}

import { formatDecimalAmount } from '../policy/decimal-amount';
import { readSenderHolding, SENDER_HOLDING_FIELDS } from '../rules/read-sender-holding';
import type { SenderHolding } from '../rules/transfer-check-input';
import { readJsonValue } from './read-json-document';
import { readLedgerId, readMspId } from './record-fields';

/**
 * One investor's units of one asset, with the acquisition lots the lockup rule reads and the
 * frozen and escrowed amounts. Amounts are bigint here; `holdingRecord` writes decimal strings.
 */
export type Holding = SenderHolding & { readonly assetId: string; readonly investorId: string; readonly bankMsp: string };

/** A holding as the ledger stores it and queries return it. */
export type HoldingRecord = {
  readonly assetId: string;
  readonly investorId: string;
  /** The investor's bank, whose officers approve for this holding. */
  readonly bankMsp: string;
  readonly balance: string;
  readonly frozen: string;
  readonly escrowed: string;
  readonly lots: readonly { readonly amount: string; readonly acquiredAt: number }[];
};

/** A new holding of `units`, all acquired at `acquiredAt` (Unix seconds) in one lot. */
export function newHolding(ids: { assetId: string; investorId: string; bankMsp: string }, units: bigint, acquiredAt: number): Holding {
  return { ...ids, balance: units, frozen: 0n, escrowed: 0n, lots: [{ amount: units, acquiredAt }] };
}

/** The ledger form of a holding. */
export function holdingRecord(holding: Holding): HoldingRecord {
  return {
    assetId: holding.assetId,
    investorId: holding.investorId,
    bankMsp: holding.bankMsp,
    balance: formatDecimalAmount(holding.balance),
    frozen: formatDecimalAmount(holding.frozen),
    escrowed: formatDecimalAmount(holding.escrowed),
    lots: holding.lots.map((lot) => ({ amount: formatDecimalAmount(lot.amount), acquiredAt: lot.acquiredAt })),
  };
}

/** Validates a holding record read from the ledger (lots adding up, frozen within balance); `RECORD_MALFORMED` otherwise. */
export function parseHoldingRecord(value: unknown): Holding {
  return readJsonValue(value, {
    code: 'RECORD_MALFORMED',
    name: 'holding record',
    fields: ['assetId', 'investorId', 'bankMsp', ...SENDER_HOLDING_FIELDS],
    read: (reader) => ({
      assetId: readLedgerId(reader, 'assetId', 'an asset id'),
      investorId: readLedgerId(reader, 'investorId', 'an investor id'),
      bankMsp: readMspId(reader, 'bankMsp'),
      ...readSenderHolding(reader),
    }),
  });
}

import { readJsonValue } from '../ledger/read-json-document';
import { readIdentityId, readIsoInstant, readLedgerId, readMspId, readText } from '../ledger/record-fields';
import { MAX_REASON_CHARS } from '../ledger/ledger-limits';

/** Whether an asset is paused, and the last pause or unpause: who, when and why. Absent means never paused. */
export type AssetPause = {
  readonly assetId: string;
  readonly paused: boolean;
  readonly reason: string;
  readonly changedAt: string;
  readonly changedBy: string;
  readonly changedByMsp: string;
};

/** Validates a pause record read from the ledger; `RECORD_MALFORMED` when it is not one. */
export function parseAssetPause(value: unknown): AssetPause {
  return readJsonValue(value, {
    code: 'RECORD_MALFORMED',
    name: 'asset pause record',
    fields: ['assetId', 'paused', 'reason', 'changedAt', 'changedBy', 'changedByMsp'],
    read: (reader) => ({
      assetId: readLedgerId(reader, 'assetId', 'an asset id'),
      paused: reader.boolean('paused'),
      reason: readText(reader, 'reason', 1, MAX_REASON_CHARS, 'a reason'),
      changedAt: readIsoInstant(reader, 'changedAt'),
      changedBy: readIdentityId(reader, 'changedBy'),
      changedByMsp: readMspId(reader, 'changedByMsp'),
    }),
  });
}

/** A freeze or unfreeze of an investor's units, as its event carries it. */
export type FreezeChange = {
  readonly assetId: string;
  readonly investorId: string;
  /** Full: every unit the investor holds now; partial: `amount` units. */
  readonly scope: 'full' | 'partial';
  readonly direction: 'freeze' | 'unfreeze';
  /** The units frozen or released by this change. */
  readonly amount: string;
  /** The holding's frozen units after it. */
  readonly frozenAfter: string;
  readonly reason: string;
  readonly at: string;
  readonly by: string;
  readonly byMsp: string;
};

/** A forced transfer ordered by a court or the regulator, as recorded. */
export type ForcedTransfer = {
  readonly assetId: string;
  readonly fromInvestorId: string;
  readonly toInvestorId: string;
  readonly amount: string;
  /** Of the amount, the units that were frozen. */
  readonly frozenMoved: string;
  readonly orderReference: string;
  readonly documentHash: string;
  readonly at: string;
  readonly by: string;
  readonly byMsp: string;
};

import type { RecordReader } from '../policy/record-reader';
import { oneOf } from '../rules/read-investor';
import { ASSET_STATES, isAssetState, type AssetState } from './asset-state';
import { CASH_SETTLEMENT_FIELDS, isLegalAction, LEGAL_ACTIONS, readCashSettlement, type CashSettlementRecord, type LegalAction } from './legal-action';
import { LEGAL_PROPOSAL_FIELDS, readLegalProposal, type LegalProposal } from './legal-proposal';
import { MAX_DECIMALS } from './ledger-limits';
import { readJsonValue } from './read-json-document';
import { readIsoInstant, readLedgerId, readMspId, readUnixSeconds } from './record-fields';

/** The remediation an asset is in (or was last in), as the asset record keeps it: Unix seconds. */
export type RemediationWindow = {
  readonly startedAt: number;
  /** From this second on the asset may be written off; until then only cured. */
  readonly endsAt: number;
  /** The transition that started it. */
  readonly transitionSeq: number;
};

/** What one holder had when the asset was redeemed and the cash owed for it. */
export type RedemptionHolder = {
  readonly investorId: string;
  readonly bankMsp: string;
  /** Units retired, base units. */
  readonly units: string;
  /** Of those, the units that were frozen: their cash is for the freezing authority to release. */
  readonly frozen: string;
  /** Minor units of the settlement currency owed, rounded down. */
  readonly cash: string;
};

/** A redemption: every unit retired, each holder's share of the cash, and the settlement it is paid by. */
export type Redemption = {
  readonly cashSettlement: CashSettlementRecord;
  readonly decimals: number;
  readonly unitsRetired: string;
  /** The sum of the holders' cash: at most the price times the units, by the rounding down. */
  readonly cashTotal: string;
  /** In investor id order. */
  readonly holders: readonly RedemptionHolder[];
};

/**
 * One legal transition of an asset, numbered per asset (1, 2, …): the proposal that made it, with
 * who proposed and approved it, when and why, and what it did.
 */
export type LegalTransition = {
  readonly assetId: string;
  readonly seq: number;
  readonly action: LegalAction;
  readonly from: AssetState;
  readonly to: AssetState;
  readonly at: string;
  readonly atSeconds: number;
  readonly txId: string;
  /** The proposal as applied: its votes and its closure. */
  readonly proposal: LegalProposal;
  /** The window a start-remediation opened, else null. */
  readonly remediation: RemediationWindow | null;
  /** What a redemption retired and owes, else null. */
  readonly redemption: Redemption | null;
};

/** The fields of a remediation window in JSON. */
export const REMEDIATION_WINDOW_FIELDS = ['startedAt', 'endsAt', 'transitionSeq'] as const;

const HOLDER_FIELDS = ['investorId', 'bankMsp', 'units', 'frozen', 'cash'] as const;
const REDEMPTION_FIELDS = ['cashSettlement', 'decimals', 'unitsRetired', 'cashTotal', 'holders'] as const;
const TRANSITION_FIELDS = ['assetId', 'seq', 'action', 'from', 'to', 'at', 'atSeconds', 'txId', 'proposal', 'remediation', 'redemption'] as const;
const anyText = (value: string) => value.length > 0;

/** Reads a remediation window through `reader`, opened on it with `REMEDIATION_WINDOW_FIELDS`. */
export function readRemediationWindow(reader: RecordReader): RemediationWindow {
  return { startedAt: readUnixSeconds(reader, 'startedAt'), endsAt: readUnixSeconds(reader, 'endsAt'), transitionSeq: reader.integer('transitionSeq', 1) };
}

function readRedemption(reader: RecordReader): Redemption {
  const settlement = readCashSettlement(reader.record('cashSettlement', CASH_SETTLEMENT_FIELDS));
  return {
    cashSettlement: { ...settlement, pricePerUnit: settlement.pricePerUnit.toString() },
    decimals: reader.integer('decimals', 0, MAX_DECIMALS),
    unitsRetired: reader.amount('unitsRetired').toString(),
    cashTotal: reader.amount('cashTotal').toString(),
    // Written by the chaincode from the asset's holdings, so no client-facing limit applies.
    holders: reader.records('holders', Number.MAX_SAFE_INTEGER, HOLDER_FIELDS, (inner) => ({
      investorId: readLedgerId(inner, 'investorId', 'an investor id'),
      bankMsp: readMspId(inner, 'bankMsp'),
      units: inner.amount('units', true).toString(),
      frozen: inner.amount('frozen').toString(),
      cash: inner.amount('cash').toString(),
    })),
  };
}

/** Validates a legal transition record read from the ledger; `RECORD_MALFORMED` when it is not one. */
export function parseLegalTransition(value: unknown): LegalTransition {
  const stateForm = oneOf(ASSET_STATES);
  return readJsonValue(value, {
    code: 'RECORD_MALFORMED',
    name: 'legal transition record',
    fields: TRANSITION_FIELDS,
    read: (reader) => ({
      assetId: readLedgerId(reader, 'assetId', 'an asset id'),
      seq: reader.integer('seq', 1),
      action: reader.member('action', isLegalAction, oneOf(LEGAL_ACTIONS), 'cure'),
      from: reader.member('from', isAssetState, stateForm, 'TOKENIZED'),
      to: reader.member('to', isAssetState, stateForm, 'TOKENIZED'),
      at: readIsoInstant(reader, 'at'),
      atSeconds: readUnixSeconds(reader, 'atSeconds'),
      txId: reader.string('txId', anyText, 'a transaction id'),
      proposal: readLegalProposal(reader.record('proposal', LEGAL_PROPOSAL_FIELDS), (value as Record<string, unknown>).proposal),
      remediation: reader.nullableRecord('remediation', REMEDIATION_WINDOW_FIELDS, readRemediationWindow),
      redemption: reader.nullableRecord('redemption', REDEMPTION_FIELDS, readRedemption),
    }),
  });
}

/** LegalContract.GetLegalHistory's answer: an asset's legal standing, its open proposal and every transition, oldest first. */
export type LegalHistory = {
  readonly assetId: string;
  readonly state: string;
  readonly remediation: RemediationWindow | null;
  readonly openProposal: LegalProposal | null;
  readonly transitions: readonly LegalTransition[];
};

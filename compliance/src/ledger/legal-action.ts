import { isLedgerId, LEDGER_ID_FORM } from '../policy/ledger-id';
import { childPath } from '../policy/problem-list';
import type { RecordReader } from '../policy/record-reader';
import { oneOf } from '../rules/read-investor';
import type { AssetAction } from './asset-state';
import { CURRENCY_FORM, isCurrency, type Currency } from './currency';
import { DOCUMENT_REFERENCE_FIELDS, readDocumentReference, type DocumentReference } from './document-reference';
import { MAX_REASON_CHARS, MAX_REFERENCE_CHARS } from './ledger-limits';
import { readJsonDocument } from './read-json-document';
import { readLedgerId, readText } from './record-fields';

/** The legal steps after tokenization, each a transition of `ASSET_TRANSITIONS`, taken by proposal and bank quorum. */
export const LEGAL_ACTIONS = ['start-remediation', 'cure', 'write-off', 'redeem'] as const satisfies readonly AssetAction[];

export type LegalAction = (typeof LEGAL_ACTIONS)[number];

/**
 * The longest remediation window, in days. Cure periods in loan and bond documentation run weeks
 * to months; ten years only keeps a typing slip (an extra digit) from parking an asset for ages.
 */
export const MAX_REMEDIATION_WINDOW_DAYS = 3_650;

/** How the holders are paid at redemption: the payment's reference and the price of one whole unit. */
export type CashSettlement = {
  /** The settlement instruction or payment reference the paying agent uses (a SWIFT UETR, say). */
  readonly reference: string;
  readonly currency: Currency;
  /** Price (or NAV) of one whole unit, 10^decimals base units, in the currency's minor units; at least 1. */
  readonly pricePerUnit: bigint;
};

/** `CashSettlement` as the ledger stores it: the price as a decimal string. */
export type CashSettlementRecord = Omit<CashSettlement, 'pricePerUnit'> & { readonly pricePerUnit: string };

/** What every legal action carries: the proposal's id, the asset, why, and the legal paper behind it. */
type LegalActionCommon = {
  /** Chosen by the client, so a retried proposal is refused rather than doubled. */
  readonly proposalId: string;
  readonly assetId: string;
  readonly reason: string;
  /** The resolution, notice or agreement the action rests on, by URI and SHA-256. */
  readonly legalDocument: DocumentReference;
};

/** A legal action as the SPV's administrator proposes it; the terms depend on the action. */
export type LegalActionDocument = LegalActionCommon &
  (
    | { readonly action: 'start-remediation'; readonly remediationWindowDays: number }
    | { readonly action: 'cure' | 'write-off' }
    | { readonly action: 'redeem'; readonly cashSettlement: CashSettlement }
  );

/** The fields of the cash settlement in JSON. */
export const CASH_SETTLEMENT_FIELDS = ['reference', 'currency', 'pricePerUnit'] as const;

// Terms that only one action takes; any other action refuses them, naming the one they belong to.
const TERMS_OF: { readonly [A in LegalAction]: readonly string[] } = {
  'start-remediation': ['remediationWindowDays'],
  cure: [],
  'write-off': [],
  redeem: ['cashSettlement'],
};
const FIELDS = ['proposalId', 'assetId', 'action', 'reason', 'legalDocument', ...Object.values(TERMS_OF).flat()];

/** How problem reports describe a proposal id. */
export const PROPOSAL_ID_FORM = `a proposal id of ${LEDGER_ID_FORM}`;

/** Whether `value` is one of `LEGAL_ACTIONS`. */
export function isLegalAction(value: unknown): value is LegalAction {
  return (LEGAL_ACTIONS as readonly unknown[]).includes(value);
}

/** Reads the cash settlement through `reader`, opened on it with `CASH_SETTLEMENT_FIELDS`; the price as bigint. */
export function readCashSettlement(reader: RecordReader): CashSettlement {
  return {
    reference: readText(reader, 'reference', 1, MAX_REFERENCE_CHARS, 'a settlement reference'),
    currency: reader.member('currency', isCurrency, CURRENCY_FORM, 'CHF'),
    pricePerUnit: reader.amount('pricePerUnit', true),
  };
}

function readLegalAction(reader: RecordReader): LegalActionDocument {
  const common: LegalActionCommon = {
    proposalId: reader.string('proposalId', isLedgerId, PROPOSAL_ID_FORM),
    assetId: readLedgerId(reader, 'assetId', 'an asset id'),
    reason: readText(reader, 'reason', 1, MAX_REASON_CHARS, 'a reason'),
    legalDocument: readDocumentReference(reader.record('legalDocument', DOCUMENT_REFERENCE_FIELDS)),
  };
  const action = reader.member('action', isLegalAction, oneOf(LEGAL_ACTIONS), 'cure');
  // Without a known action there is no telling which terms belong: report the action alone.
  // The stand-in is a cure, which has no terms; the problem report refuses the document anyway.
  if (reader.problems.touches(childPath(reader.path, 'action'))) return { ...common, action: 'cure' };
  for (const [other, terms] of Object.entries(TERMS_OF)) {
    if (other === action) continue;
    for (const term of terms.filter((name) => reader.has(name))) reader.problems.add(childPath(reader.path, term), `belongs to ${other} only; remove it from a ${action} proposal`);
  }
  switch (action) {
    case 'start-remediation':
      return { ...common, action, remediationWindowDays: reader.integer('remediationWindowDays', 1, MAX_REMEDIATION_WINDOW_DAYS) };
    case 'redeem':
      return { ...common, action, cashSettlement: readCashSettlement(reader.record('cashSettlement', CASH_SETTLEMENT_FIELDS)) };
    default:
      return { ...common, action };
  }
}

/**
 * Validates a legal action proposal (JSON text); `LEGAL_ACTION_INVALID` lists every problem, a
 * term of another action included.
 */
export function parseLegalActionDocument(text: unknown): LegalActionDocument {
  return readJsonDocument(text, { code: 'LEGAL_ACTION_INVALID', name: 'legal action', fields: FIELDS, read: readLegalAction });
}

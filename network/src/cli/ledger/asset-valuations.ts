import { TrestleError } from '@trestle/compliance/src/errors/trestle-error';
import { parseValuationRecord, type Valuation } from '@trestle/compliance/src/ledger/valuation';

/** AssetContract.ListValuations' answer: every valuation, oldest first, with whether it is valid now (`raw` as the ledger gave it). */
export type ValuationList = {
  readonly currentSeq: number | null;
  readonly valuations: ReadonlyArray<{ readonly valuation: Valuation; readonly valid: boolean; readonly raw: unknown }>;
};

/** Checks `{assetId, currentSeq, valuations: [{…valuation, valid}]}`; each valuation by the compliance reader. */
export function parseValuationList(raw: unknown): ValuationList {
  if (typeof raw !== 'object' || raw === null) throw malformed();
  const { currentSeq, valuations } = raw as Record<string, unknown>;
  if (!(currentSeq === null || typeof currentSeq === 'number') || !Array.isArray(valuations)) throw malformed();
  return {
    currentSeq,
    valuations: valuations.map((entry: unknown) => {
      if (typeof entry !== 'object' || entry === null) throw malformed();
      // `valid` is the query's own verdict, not a field of the stored valuation record.
      const { valid, ...valuation } = entry as Record<string, unknown>;
      if (typeof valid !== 'boolean') throw malformed();
      return { valuation: parseValuationRecord(valuation), valid, raw: entry };
    }),
  };
}

function malformed(): TrestleError {
  return new TrestleError('RECORD_MALFORMED', 'The ledger answered with a valuation list of an unexpected shape; tell the node operator.', { details: { what: 'valuation list' } });
}

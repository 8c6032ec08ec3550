import type { JsonValue } from '../../json/json-value';
import { evaluateJson, submitJson, type LedgerFailureLog } from '../ledger/call-ledger';
import type { OfficerLedger } from '../ledger/ledger-contract';
import type { SealingLedger } from './seal-evidence';

/** An officer's ledger connection as `sealEvidence` calls it: typed refusals as they were, other failures OFFICER_LEDGER_UNAVAILABLE. */
export function sealingLedgerOf(ledger: OfficerLedger, log: LedgerFailureLog): SealingLedger {
  // JSON.parse only ever yields JSON values; sealEvidence validates each answer's shape.
  return {
    evaluate: async (contract, name, ...args) => (await evaluateJson(ledger.contract(contract), log, name, ...args)) as JsonValue,
    submit: async (contract, name, ...args) => (await submitJson(ledger.contract(contract), log, name, ...args)) as JsonValue,
  };
}

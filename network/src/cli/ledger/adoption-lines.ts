import type { AdoptionRequest } from '@trestle/compliance/src/ledger/adoption-request';
import { personOf } from './ledger-wording';
import { keyValueLines } from './record-lines';

/** The one line `investor adopt` and `investor show` give a waiting request: who asked, when, why, and that the regulator decides. */
export function adoptionWaitingLine(request: AdoptionRequest): string {
  return `${request.toBankMsp} asked to adopt from ${request.fromBankMsp} on ${request.requestedAt}: ${request.reason} (waiting for the regulator)`;
}

/** A waiting adoption request as aligned `key  value` lines (the document stays in --json; no personal data, only its hash). */
export function adoptionLines(request: AdoptionRequest): string[] {
  return keyValueLines([
    ['investor', request.investorId],
    ['from bank', request.fromBankMsp],
    ['to bank', request.toBankMsp],
    ['requested', request.requestedAt],
    ['requested by', request.requestedBy],
    ['reason', request.reason],
    ['pii hash', request.piiHash],
    ['status', 'waiting for the regulator (investor adoption approve|reject)'],
  ]);
}

/** One line of `investor adoption list`: investor, from → to bank, when, by whom and why. */
export function adoptionListLine(request: AdoptionRequest): string {
  return `${request.investorId}  ${request.fromBankMsp} \u2192 ${request.toBankMsp}  requested ${request.requestedAt} by ${personOf(request.requestedBy)}  ${request.reason}`;
}

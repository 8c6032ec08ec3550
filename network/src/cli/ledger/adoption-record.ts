import { isTrestleError, parseTrestleError } from '@trestle/compliance/src/errors/trestle-error';
import { parseAdoptionRequest } from '@trestle/compliance/src/ledger/adoption-request';
import type { Checked } from '@trestle/compliance/src/ledger-client/checked-records';
import type { AdoptionRequest } from '@trestle/compliance/src/ledger/adoption-request';
import { evaluateRecord } from './ledger-reads';
import type { LedgerSession } from './ledger-session';

/** The adoption request waiting for the investor (GetAdoption), checked; INVESTOR_ADOPTION_NOT_FOUND when none waits. */
export function readAdoption(session: LedgerSession, investorId: string): Promise<Checked<AdoptionRequest>> {
  return evaluateRecord(session.contract('InvestorContract'), 'GetAdoption', [investorId], parseAdoptionRequest, 'the adoption request');
}

/** The waiting request, or undefined when none waits (most investors): `investor show` prints it only when there is one. */
export async function readAdoptionIfWaiting(session: LedgerSession, investorId: string): Promise<Checked<AdoptionRequest> | undefined> {
  try {
    return await readAdoption(session, investorId);
  } catch (error) {
    // In process the chaincode's TrestleError arrives as is; through a peer, as its wire form in the message.
    const code = isTrestleError(error) ? error.code : error instanceof Error ? parseTrestleError(error.message)?.code : undefined;
    if (code === 'INVESTOR_ADOPTION_NOT_FOUND') return undefined;
    throw error;
  }
}

import { parseInvestorRecord } from '@trestle/compliance/src/ledger/investor';
import { evaluateRecord } from './ledger-reads';
import type { LedgerSession } from './ledger-session';

/** An investor's public record as the ledger has it now, checked by the compliance reader. */
export function readInvestor(session: LedgerSession, investorId: string) {
  return evaluateRecord(session.contract('InvestorContract'), 'GetInvestor', [investorId], parseInvestorRecord, 'the investor');
}

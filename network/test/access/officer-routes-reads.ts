import { parseTrestleError } from '@trestle/compliance/src/errors/trestle-error';
import type { RouteCallRecords } from '@trestle/compliance/src/officer/access/route-access-calls';
import type { ChaincodeContractName, LedgerSession } from '../../src/cli/ledger/ledger-session';

// The ledger records an officer route's call names, read straight from the peer (not through the
// service under test), so a refused call can be shown to have written nothing: the same reads
// before and after it must answer the same. Read as BankA's officer1, who may read all of them,
// BankA's personal data included.

/** One evaluated transaction. */
type Read = readonly [contract: ChaincodeContractName, transaction: string, ...args: string[]];

/** What each operation names on the ledger; the session, document, audit and overview rows name no record. */
export function readsOf(operationId: string, records: RouteCallRecords): readonly Read[] {
  const transfer: Read = ['TransferContract', 'GetTransfer', records.transferId];
  const bridgeOut: Read = ['BridgeContract', 'GetBridgeOut', records.bridgeOutId];
  const investor: Read[] = [
    ['InvestorContract', 'GetInvestor', records.investorId],
    ['InvestorContract', 'GetInvestorPii', records.investorId],
  ];
  const adoption: Read = ['InvestorContract', 'GetAdoption', records.investorId];
  const evidence: Read = ['EvidenceContract', 'ListEvidence', records.investorId, '50', ''];
  const holding: Read = ['AssetContract', 'GetHolding', records.assetId, records.investorId];
  const asset: Read = ['AssetContract', 'GetAsset', records.assetId];
  const legal: Read = ['LegalContract', 'GetLegalHistory', records.assetId];
  if (/Transfers?$/.test(operationId)) return [transfer];
  if (/BridgeOuts?$/.test(operationId)) return [bridgeOut];
  if (operationId === 'onboardInvestor') return [['InvestorContract', 'GetInvestor', records.newInvestorId]];
  if (/EvidenceFiles?$/.test(operationId)) return [...investor, evidence];
  if (/Adoptions?$|^adoptInvestor$/.test(operationId)) return [...investor, adoption];
  if (/Investors?$|^getInvestorPii$|^changeInvestorStatus$/.test(operationId)) return investor;
  if (/Holding$/.test(operationId)) return [holding];
  if (/^getAsset/.test(operationId)) return [asset, legal];
  if (/LegalProposal$/.test(operationId)) return [['LegalContract', 'GetLegalProposal', records.proposalId], legal];
  return [];
}

/** The answers of `reads` (a refusal as its code), to compare before and after a call. */
export async function readAll(session: LedgerSession, reads: readonly Read[]): Promise<string[]> {
  return Promise.all(
    reads.map(async ([contract, transaction, ...args]) => {
      try {
        return `${contract}.${transaction}: ${Buffer.from(await session.contract(contract).evaluateTransaction(transaction, ...args)).toString('utf8')}`;
      } catch (error) {
        const message = error instanceof Error ? error.message : String(error);
        return `${contract}.${transaction}: refused ${parseTrestleError(message)?.code ?? message}`;
      }
    }),
  );
}

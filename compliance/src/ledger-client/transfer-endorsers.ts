import { parseInvestorRecord } from '../ledger/investor';
import { parseTransferRequest, TRAVEL_RULE_TRANSIENT_KEY } from '../transfers/transfer-request';
import type { EndorserCandidates, Submission } from './adapt-fabric-contract';
import { endorsementCandidates } from './endorsement-plan';

/**
 * The transactions that submit travel-rule data (RequestTransfer; CheckTransfer reads it too, but
 * is a query: for a bank's identity fabric-network asks one peer of the caller's own bank, so it
 * needs no plan).
 */
const TRAVEL_RULE_SUBMITS: ReadonlySet<string> = new Set(['RequestTransfer']);

/** The bank an investor is registered with, from the ledger (GetInvestor, as the submitting person). */
export type InvestorBankOf = (investorId: string) => Promise<string>;

/**
 * The endorsers of every submit of an identity of `ownMsp` (endorsementCandidates over the banks
 * `bankMsps` that run peers). A RequestTransfer carrying travel-rule data first learns the
 * receiving investor's bank, once, so that only that bank's peer and the caller's receive the
 * data; every other submit is planned by its name alone, with no look-up. A request that does not
 * parse, or names an investor the caller cannot read, fails here with the same typed error the
 * chaincode would give, before any peer has seen the data.
 */
export function submitEndorsers(ownMsp: string, bankMsps: readonly string[], investorBankOf: InvestorBankOf): (transaction: string, submission: Submission) => Promise<EndorserCandidates | undefined> {
  return async (transaction, { args, transientKeys }) => {
    if (!TRAVEL_RULE_SUBMITS.has(transaction) || !transientKeys.includes(TRAVEL_RULE_TRANSIENT_KEY) || !bankMsps.includes(ownMsp)) {
      return endorsementCandidates(ownMsp, bankMsps, transaction);
    }
    const request = parseTransferRequest(args[0] ?? '');
    const receiverBankMsp = await investorBankOf(request.toInvestorId);
    return endorsementCandidates(ownMsp, bankMsps, transaction, { travelRule: true, receiverBankMsp });
  };
}

/** InvestorBankOf through a query function (a fabric-network contract's evaluateTransaction on InvestorContract). */
export function investorBankByQuery(evaluate: (name: string, ...args: string[]) => Promise<Uint8Array>): InvestorBankOf {
  return async (investorId) => parseInvestorRecord(JSON.parse(Buffer.from(await evaluate('GetInvestor', investorId)).toString('utf8')) as unknown).bankMsp;
}

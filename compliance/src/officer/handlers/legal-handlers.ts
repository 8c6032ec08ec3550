import type { JsonValue } from '../../json/json-value';
import type { LegalHistory } from '../../ledger/legal-transition';
import { callsOf, json, type Handler, type OfficerCalls } from './handler';

type DecisionBody = { readonly reason: string };

/** The proposal as the ledger answers it: an open one with how its vote stands under the membership in force. */
function proposalOf(calls: OfficerCalls, proposalId: string): Promise<JsonValue> {
  return calls.evaluate('LegalContract', 'GetLegalProposal', proposalId);
}

/** GET /assets/{assetId}/legal: the asset's legal standing, and its open proposal (with the count) if any. */
export const getAssetLegal: Handler = async (request, service) => {
  const calls = await callsOf(request, service);
  const history = (await calls.evaluate('LegalContract', 'GetLegalHistory', request.input.path.assetId ?? '')) as LegalHistory;
  const openProposal = history.openProposal === null ? null : await proposalOf(calls, history.openProposal.proposalId);
  return json({ assetId: history.assetId, state: history.state, remediation: history.remediation, transitions: history.transitions, openProposal } as unknown as JsonValue);
};

/** POST /legal-proposals/{proposalId}/approve|reject: the officer's vote for their bank; the chaincode decides who may vote. */
export function voteLegalProposal(decision: 'approve' | 'reject'): Handler {
  return async (request, service) => {
    const proposalId = request.input.path.proposalId ?? '';
    const { reason } = request.input.body as DecisionBody;
    const calls = await callsOf(request, service);
    await calls.submit('LegalContract', decision === 'approve' ? 'ApproveLegalAction' : 'RejectLegalAction', proposalId, reason);
    return json(await proposalOf(calls, proposalId));
  };
}

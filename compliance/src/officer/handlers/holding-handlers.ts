import { parseHoldingRecord } from '../../ledger/holding';
import { callsOf, json, type Handler, type OfficerCalls } from './handler';
import { checked } from '../../ledger-client/checked-records';

type FreezeBody = { readonly amount?: string; readonly reason: string };

const TRANSACTIONS = {
  freeze: { all: 'FreezeInvestor', part: 'FreezePartial' },
  unfreeze: { all: 'UnfreezeInvestor', part: 'UnfreezePartial' },
} as const;

async function holdingReply(calls: OfficerCalls, assetId: string, investorId: string) {
  return json(checked(await calls.evaluate('AssetContract', 'GetHolding', assetId, investorId), parseHoldingRecord).raw);
}

/** GET /holdings/{assetId}/{investorId}: balance, frozen and escrowed units, lots. */
export const getHolding: Handler = async (request, service) => {
  const { assetId = '', investorId = '' } = request.input.path;
  return holdingReply(await callsOf(request, service), assetId, investorId);
};

/** POST …/freeze or …/unfreeze: the whole holding, or `amount` units; officers of the investor's bank or the regulator (the chaincode decides). */
export function changeFreeze(direction: 'freeze' | 'unfreeze'): Handler {
  return async (request, service) => {
    const { assetId = '', investorId = '' } = request.input.path;
    const { amount, reason } = request.input.body as FreezeBody;
    const calls = await callsOf(request, service);
    const names = TRANSACTIONS[direction];
    if (amount === undefined) await calls.submit('ControlContract', names.all, assetId, investorId, reason);
    else await calls.submit('ControlContract', names.part, assetId, investorId, amount, reason);
    return holdingReply(calls, assetId, investorId);
  };
}

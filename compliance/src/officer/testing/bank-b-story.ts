import { bridgeOutRequest, requestBridgeOut, WALLETS } from '@trestle/chaincode/src/testing/bridge-story';
import { CAST } from '@trestle/chaincode/src/testing/ledger-cast';
import { INVESTORS, onboard } from '@trestle/chaincode/src/testing/ledger-story';
import type { WorldState } from '@trestle/chaincode/src/testing/stub-context';
import { DESK, request, transferRequest } from '@trestle/chaincode/src/testing/transfer-story';

/** A second BankB investor, so a transfer can stay within BankB. */
export const DANIEL_B = 'INV-B-0002';

/** Requests that concern BankB alone, requested by BankB's Carol: a transfer chloe → daniel and chloe's bridge-out. */
export const BANK_B_ONLY = { transferId: 'T-B-ONLY', bridgeOutId: 'BO-B-ONLY' } as const;

/** Onboards daniel at BankB, then has Carol request a transfer chloe → daniel and a bridge-out of chloe's units. */
export async function addBankBOnlyRequests(worldState: WorldState): Promise<void> {
  await onboard(worldState, CAST.bankBOfficer, DANIEL_B);
  await request(worldState, transferRequest(BANK_B_ONLY.transferId, 5_000n, { fromInvestorId: INVESTORS.chloeB, toInvestorId: DANIEL_B }), DESK.officerB);
  await requestBridgeOut(worldState, bridgeOutRequest(BANK_B_ONLY.bridgeOutId, 1_000n, { investorId: INVESTORS.chloeB, wallet: WALLETS.chloe.address }), DESK.officerB);
}

import { formatDecimalAmount } from '../policy/decimal-amount';
import { policyToDocument, type PolicyDocument } from '../policy/policy';
import type { InvestorSnapshot, TransferCheckInput, TravelRuleData } from './transfer-check-input';

/** A `TransferCheckInput` as JSON: what a CLI or console sends for a "what if" check. */
export type TransferCheckInputJson = {
  readonly policy: PolicyDocument;
  readonly asset: { readonly assetId: string; readonly paused: boolean };
  readonly sender: InvestorSnapshot;
  readonly receiver: InvestorSnapshot;
  readonly senderHolding: {
    readonly balance: string;
    readonly frozen: string;
    readonly escrowed: string;
    readonly lots: readonly { readonly amount: string; readonly acquiredAt: number }[];
  };
  readonly receiverBalance: string;
  readonly holderCount: number;
  readonly receiverIsHolder: boolean;
  readonly amount: string;
  readonly now: number;
  readonly travelRule?: TravelRuleData;
};

/** The JSON form of `input`, which `validateTransferCheckInput` reads back to an equal input. */
export function transferCheckInputToJson(input: TransferCheckInput): TransferCheckInputJson {
  const { balance, frozen, escrowed, lots } = input.senderHolding;
  return {
    policy: policyToDocument(input.policy),
    asset: { assetId: input.asset.assetId, paused: input.asset.paused },
    sender: copyInvestor(input.sender),
    receiver: copyInvestor(input.receiver),
    senderHolding: {
      balance: formatDecimalAmount(balance),
      frozen: formatDecimalAmount(frozen),
      escrowed: formatDecimalAmount(escrowed),
      lots: lots.map((lot) => ({ amount: formatDecimalAmount(lot.amount), acquiredAt: lot.acquiredAt })),
    },
    receiverBalance: formatDecimalAmount(input.receiverBalance),
    holderCount: input.holderCount,
    receiverIsHolder: input.receiverIsHolder,
    amount: formatDecimalAmount(input.amount),
    now: input.now,
    ...(input.travelRule === undefined ? {} : { travelRule: copyTravelRule(input.travelRule) }),
  };
}

// Copied field by field so the JSON never carries extra properties a caller's objects may have.
function copyInvestor(investor: InvestorSnapshot): InvestorSnapshot {
  const { investorId, bankMsp, jurisdiction, investorType, kycStatus, kycExpiresAt, sanctions } = investor;
  return { investorId, bankMsp, jurisdiction, investorType, kycStatus, kycExpiresAt, sanctions: { status: sanctions.status, listVersion: sanctions.listVersion } };
}

function copyTravelRule({ originator, beneficiary }: TravelRuleData): TravelRuleData {
  return {
    originator: { name: originator.name, accountRef: originator.accountRef },
    beneficiary: { name: beneficiary.name, accountRef: beneficiary.accountRef },
  };
}

import type { Policy } from '../../policy/policy';
import { samplePolicy } from '../../policy/testing/policy-fixture';
import type { InvestorSnapshot, SenderHolding, TransferCheckInput, TravelRuleData } from '../transfer-check-input';

/** The transaction time of the base input: 2026-03-01T00:00:00Z. */
export const NOW = 1_772_323_200;
export const DAY = 86_400;
/** The sample policy's lockup, 90 days. */
export const LOCKUP = 7_776_000;

/** Changes to the base input; the nested parts merge field by field. */
export type InputChanges = Omit<Partial<TransferCheckInput>, 'policy' | 'asset' | 'sender' | 'receiver' | 'senderHolding'> & {
  readonly policy?: Partial<Policy>;
  readonly asset?: Partial<TransferCheckInput['asset']>;
  readonly sender?: Partial<InvestorSnapshot>;
  readonly receiver?: Partial<InvestorSnapshot>;
  readonly senderHolding?: Partial<SenderHolding>;
};

const SENDER: InvestorSnapshot = {
  investorId: 'inv-alice',
  bankMsp: 'BankAMSP',
  jurisdiction: 'CH',
  investorType: 'professional',
  kycStatus: 'active',
  kycExpiresAt: NOW + 365 * DAY,
  sanctions: { status: 'clear', listVersion: 'SDN-2026-02-27' },
};

const RECEIVER: InvestorSnapshot = { ...SENDER, investorId: 'inv-bob', bankMsp: 'BankBMSP', jurisdiction: 'DE', investorType: 'accredited' };

/** Complete travel-rule data. */
export const TRAVEL_RULE: TravelRuleData = {
  originator: { name: 'Alice Example', accountRef: 'CH93 0076 2011 6238 5295 7' },
  beneficiary: { name: 'Bob Beispiel', accountRef: 'DE89 3704 0044 0532 0130 00' },
};

/**
 * A transfer every rule passes: 5000 of the sender's 20000 units, of which 12000 are past the
 * 90-day lockup, to a receiver who holds none yet, 40 holders of at most 100, below the
 * travel-rule (10000) and four-eyes (50000) thresholds. `changes` adjust it.
 */
export function transferInput(changes: InputChanges = {}): TransferCheckInput {
  const { policy, asset, sender, receiver, senderHolding, ...top } = changes;
  return {
    policy: samplePolicy(policy),
    asset: { assetId: 'ZOB', paused: false, ...asset },
    sender: { ...SENDER, ...sender },
    receiver: { ...RECEIVER, ...receiver },
    senderHolding: {
      balance: 20_000n,
      frozen: 0n,
      escrowed: 0n,
      lots: [
        { amount: 12_000n, acquiredAt: NOW - 200 * DAY },
        { amount: 8_000n, acquiredAt: NOW - 10 * DAY },
      ],
      ...senderHolding,
    },
    receiverBalance: 0n,
    holderCount: 40,
    receiverIsHolder: false,
    amount: 5_000n,
    now: NOW,
    ...top,
  };
}

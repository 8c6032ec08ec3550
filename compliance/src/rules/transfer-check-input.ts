import type { InvestorType } from '../policy/investor-type';
import type { Jurisdiction } from '../policy/jurisdiction';
import type { Policy } from '../policy/policy';

export const KYC_STATUSES = ['active', 'suspended', 'revoked'] as const;
export type KycStatus = (typeof KYC_STATUSES)[number];

export const SANCTIONS_STATUSES = ['clear', 'hit', 'pending'] as const;
export type SanctionsStatus = (typeof SANCTIONS_STATUSES)[number];

/** What the rules need to know about one party of a transfer (no personal data). */
export type InvestorSnapshot = {
  readonly investorId: string;
  /** MSP id of the bank that onboarded the investor and whose officer approves for them. */
  readonly bankMsp: string;
  readonly jurisdiction: Jurisdiction;
  readonly investorType: InvestorType;
  readonly kycStatus: KycStatus;
  /** The first second (Unix time) at which the KYC no longer counts: valid while `now < kycExpiresAt`. */
  readonly kycExpiresAt: number;
  readonly sanctions: { readonly status: SanctionsStatus; readonly listVersion: string };
};

/** Units acquired in one transaction; they unlock at `acquiredAt + policy.lockupSeconds`. */
export type Lot = { readonly amount: bigint; readonly acquiredAt: number };

/** The sender's holding of the asset on the ledger. */
export type SenderHolding = {
  /** Units on the ledger outside bridge escrow: the only units this transfer can move. */
  readonly balance: bigint;
  /** Units of `balance` an officer or the regulator froze; never more than `balance`. */
  readonly frozen: bigint;
  /** The sender's units in bridge escrow: they cannot move here but keep the sender a holder. */
  readonly escrowed: bigint;
  /** Acquisition lots of `balance`; their amounts add up to `balance`. */
  readonly lots: readonly Lot[];
};

/** Who a travel-rule party is, as their bank knows them. */
export type TravelRuleParty = { readonly name: string; readonly accountRef: string };

/** Originator and beneficiary data that transfers at or above the travel-rule threshold carry. */
export type TravelRuleData = { readonly originator: TravelRuleParty; readonly beneficiary: TravelRuleParty };

/**
 * Everything the rules judge one transfer on. The engine reads nothing else (no clock, no state),
 * so the same input gives the same verdict on every peer and off-chain.
 *
 * Holders are beneficial owners: units in bridge escrow count for the investor who bridged them.
 * The caller includes escrowed units in `holderCount`, `receiverIsHolder`, `receiverBalance` and
 * `senderHolding.escrowed`; without that, bridging out would free holder slots and room under the
 * maximum balance that the investor still owns.
 */
export type TransferCheckInput = {
  /** The policy in force for the asset. */
  readonly policy: Policy;
  readonly asset: { readonly assetId: string; readonly paused: boolean };
  readonly sender: InvestorSnapshot;
  readonly receiver: InvestorSnapshot;
  readonly senderHolding: SenderHolding;
  /** The receiver's units of the asset, escrowed units included. */
  readonly receiverBalance: bigint;
  /** Beneficial owners of the asset now, escrow owners included. */
  readonly holderCount: number;
  /** Whether the receiver is one of those owners (`receiverBalance > 0`). */
  readonly receiverIsHolder: boolean;
  /** Units to move. */
  readonly amount: bigint;
  /** The transaction timestamp in Unix seconds: the only clock the rules know. */
  readonly now: number;
  readonly travelRule?: TravelRuleData;
};

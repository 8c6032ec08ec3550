import { instant } from '../format';
import type { Investor } from '../types';

const at = (seconds: number): string => instant(new Date(seconds * 1000).toISOString());

/**
 * Where the investor's KYC stands, in the words an officer needs to act before the next step: the
 * same state machine the ledger and the EVM gateway apply (compliance/src/ledger/kyc-phase.ts).
 */
export function kycPhaseWords(investor: Investor): string | undefined {
  const timeline = investor.kycTimeline;
  if (timeline === undefined) return undefined;
  const evm = investor.kycStatus === 'active' ? '' : ` The EVM chain treats a ${investor.kycStatus} KYC as frozen.`;
  switch (timeline.phase) {
    case 'current':
      return `Current until ${at(timeline.expiresAt)}.${evm}`;
    case 'grace':
      return `In grace since ${at(timeline.expiresAt)}: nothing changes yet; renew before ${at(timeline.graceEndsAt)} or the investor becomes repay-only on both chains.${evm}`;
    case 'repay-only':
      return `Repay-only since ${at(timeline.graceEndsAt)}: may send units, repay and take collateral home, but receives no units and supplies no collateral; frozen from ${at(timeline.repayOnlyEndsAt)} unless renewed.${evm}`;
    default:
      return `Frozen since ${at(timeline.repayOnlyEndsAt)}: nothing moves on either chain until the KYC is renewed.${evm}`;
  }
}

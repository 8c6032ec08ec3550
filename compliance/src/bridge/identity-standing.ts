import type { InvestorRecord } from '../ledger/investor';
import { evmKycPhase } from '../ledger/kyc-phase';

// Which investors' wallets the consortium registers on a token's identity registry, and which it
// takes off again. One rule for the chaincode (refusals, drift) and the validators reading drift.

type Standing = Pick<InvestorRecord, 'kycStatus' | 'kycExpiresAt' | 'sanctions' | 'piiErasure'>;

/**
 * Why the investor's wallet may not be registered now, or undefined when it may: the KYC must be
 * active, not erased, not a sanctions hit, and current on the gateway (the grace period counts as
 * current there; a repay-only or frozen investor may not receive units, so gets no new identity).
 */
export function registrationRefusal(investor: Standing, now: number): string | undefined {
  if (investor.piiErasure !== null) return "the investor's personal data was erased";
  if (investor.kycStatus !== 'active') return `the investor's KYC is ${investor.kycStatus}`;
  if (investor.sanctions.status === 'hit') return 'the investor is a sanctions hit';
  if (evmKycPhase(investor, now) !== 0) return "the investor's KYC has expired past its grace period";
  return undefined;
}

/**
 * Why the investor's registered wallets must leave the identity registries, or undefined when they
 * stay: a REVOKED KYC, an erasure or a sanctions hit end the relationship. A suspension and an
 * expiry do not: they are reversible and already freeze the wallet through its KYC phase
 * (SetKycPhase), and re-registering would need a new claim.
 */
export function revocationGround(investor: Standing): string | undefined {
  if (investor.kycStatus === 'revoked') return "the investor's KYC is revoked";
  if (investor.piiErasure !== null) return "the investor's personal data was erased";
  if (investor.sanctions.status === 'hit') return 'the investor is a sanctions hit';
  return undefined;
}

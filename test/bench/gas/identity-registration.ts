import { CLAIM_TOPICS } from '@trestle/bridge/src/evm/claim-topics';
import { registerWallet } from '@trestle/bridge/src/evm/deploy/consortium';
import type { GasMeasurement } from '../../src/bench-report';
import type { BenchConsortium } from './bench-consortium';
import { ISO_3166 } from './bench-params';
import { REFERENCE } from './references';

/** Registers `wallet` in the bench asset's identity registry through the gateway; returns gasUsed. */
export async function registerHolder(b: BenchConsortium, wallet: string, topics: readonly bigint[] = [CLAIM_TOPICS.KYC]): Promise<bigint> {
  const { receipt } = await registerWallet(b.consortium, b.suite.token, wallet, { country: ISO_3166.SWITZERLAND, topics });
  return receipt.gasUsed;
}

/**
 * A wallet's first registration: the gateway creates its ONCHAINID, adds one KYC claim, sets the
 * wallet's slot of its identity order (zero to non-zero) and registers it. Measure after another
 * registration, so the nonce word is in use as in steady state.
 */
export async function measureIdentityRegistration(b: BenchConsortium, wallet: string): Promise<GasMeasurement> {
  return {
    name: 'gateway.registerIdentity.first',
    label: 'gateway registerIdentity, new wallet (creates ONCHAINID, adds KYC claim)',
    gasUsed: await registerHolder(b, wallet),
    reference: REFERENCE.identityAsThreeTransactions,
  };
}

import type { NavAuthority } from '@trestle/bridge/src/evm/deploy/nav-oracle';
import type { BenchConsortium } from './bench-consortium';

/** The NAV authority of a bench consortium: its gateway and validators. */
export async function navAuthorityOf(b: BenchConsortium): Promise<NavAuthority> {
  return {
    provider: b.provider,
    chainId: b.chainId,
    gateway: await b.consortium.gateway.getAddress(),
    validators: b.validators,
    threshold: b.shape.threshold,
    superThreshold: b.shape.superThreshold,
  };
}

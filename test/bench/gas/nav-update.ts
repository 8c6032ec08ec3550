import type { DeployedContract } from '@trestle/bridge/src/evm/deploy-contract';
import type { GasMeasurement } from '../../src/bench-report';
import { publishNextNav, type NavAuthority } from '@trestle/bridge/src/evm/deploy/nav-oracle';

/** A NAV update within the oracle's bound (+1%), signed by 2 validators, on an oracle that already has a NAV. */
export async function measureNavUpdate(oracle: DeployedContract, authority: NavAuthority): Promise<GasMeasurement> {
  const { navPerUnit } = await oracle.latestNav();
  const receipt = await publishNextNav(oracle, authority, (BigInt(navPerUnit) * 101n) / 100n, 2);
  return { name: 'navOracle.updateNav.2sigs', label: 'NavOracle updateNav, 2 signatures, within bound', gasUsed: receipt.gasUsed };
}

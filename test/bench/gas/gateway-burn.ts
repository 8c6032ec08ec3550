import { hexlify, randomBytes, type Wallet } from 'ethers';
import type { DeployedContract } from '@trestle/bridge/src/evm/deploy-contract';
import type { GasMeasurement } from '../../src/bench-report';
import type { BenchConsortium } from './bench-consortium';
import { WAD } from './bench-params';
import { gasOf } from './measure';
import { REFERENCE } from './references';

const BURN_AMOUNT = 10n * WAD;

/**
 * `burnForRedeem` by a holder who keeps units afterwards. A first burn moves the gateway's burn
 * counter off zero; the second, the steady state, is measured.
 */
export async function measureBurnForRedeem(b: BenchConsortium, holder: Wallet): Promise<GasMeasurement> {
  const gateway = b.consortium.gateway.connect(holder) as DeployedContract;
  const burn = () => gateway.burnForRedeem(b.suite.token, BURN_AMOUNT, hexlify(randomBytes(32)));
  await gasOf('BridgeGateway.burnForRedeem (first)', burn());
  return {
    name: 'gateway.burnForRedeem.repeat',
    label: 'gateway burnForRedeem, repeat',
    gasUsed: await gasOf('BridgeGateway.burnForRedeem (repeat)', burn()),
    reference: REFERENCE.trexBurn,
  };
}

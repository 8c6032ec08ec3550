import { Wallet } from 'ethers';
import { byAddress } from '@trestle/bridge/src/evm/quorum-signer';
import type { GasMeasurement } from '../../src/bench-report';
import type { BenchConsortium } from './bench-consortium';
import { BenchPreconditionError } from './gateway-mint';

/**
 * `setValidators` replacing every validator with a new key (same size and thresholds), signed with
 * the current threshold: the gateway's first rotation (the type's nonce word and the latest-nonce
 * slot go from zero), every old flag cleared (refunded) and every new one set. Measure last on `b`:
 * its quorum holds the old keys, which sign nothing afterwards.
 */
export async function measureValidatorRotation(b: BenchConsortium): Promise<GasMeasurement> {
  const { gateway, quorum } = b.consortium;
  const { threshold, superThreshold, validators: size, tag } = b.shape;
  const next = byAddress(Array.from({ length: size }, () => new Wallet(Wallet.createRandom().privateKey))).map((w) => w.address);
  const receipt = await quorum.send('SetValidators', { validators: next, threshold: BigInt(threshold), superThreshold: BigInt(superThreshold) }, (n, s) =>
    gateway.setValidators(next, threshold, superThreshold, n, s),
  );
  const now = (await gateway.validators()) as string[];
  if (now.join() !== next.join()) throw new BenchPreconditionError('setValidators did not install the new set');
  return {
    name: `gateway.setValidators.${tag}.rotation`,
    label: `gateway setValidators, ${threshold} of ${size} signatures: all ${size} validators replaced (first rotation)`,
    gasUsed: receipt.gasUsed,
  };
}

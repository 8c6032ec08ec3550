import { deployQuorumOwner, handOwnerPowers } from '@trestle/bridge/src/evm/deploy/owner-powers';
import { mined } from '@trestle/bridge/src/evm/deploy/steps';
import { latestTimestamp } from '@trestle/bridge/src/evm/provider';
import { signOwnerCall, type OwnerCall } from '@trestle/bridge/src/evm/quorum-owner-call';
import type { GasMeasurement } from '../../src/bench-report';
import type { BenchConsortium } from './bench-consortium';
import { BenchPreconditionError } from './gateway-mint';
import type { LendingVenue } from './lending-venue';

/** An LLTV the venue has not enabled (it enables 77%): Morpho refuses to enable one twice. */
const NEW_LLTV = 500_000_000_000_000_000n;
const ONE_DAY = 86_400n;

/**
 * One owner call through the QuorumOwner, as deploy-all sets it up: the deployer hands it every owner
 * power (the suite's token and registries, the modules, the ONCHAINID authority, the ClaimIssuer's
 * management key, Morpho), then the validators' super threshold signs Morpho `enableLltv(50%)`,
 * the call that opens a new market class. Morpho's call is one cold write, so the figure is mostly
 * the QuorumOwner's own work: the signatures, the nonce and the gateway's validator-set reads.
 * Measure last on `b`: its owner powers stay with the QuorumOwner.
 */
export async function measureQuorumOwnerExecute(b: BenchConsortium, venue: LendingVenue): Promise<GasMeasurement> {
  const { deployer, gateway, infra } = b.consortium;
  const quorumOwner = await deployQuorumOwner(deployer, await gateway.getAddress());
  const owner = await quorumOwner.getAddress();
  await handOwnerPowers(deployer, owner, { infra, suites: [b.suite], morpho: venue.morphoAddress });

  const superThreshold = Number(await gateway.superThreshold());
  if (superThreshold !== b.shape.superThreshold) throw new BenchPreconditionError(`the gateway's super threshold is ${superThreshold}, not ${b.shape.superThreshold}`);
  if (await venue.morpho.isLltvEnabled(NEW_LLTV)) throw new BenchPreconditionError('the LLTV is already enabled');
  const call: OwnerCall = {
    target: venue.morphoAddress,
    data: venue.morpho.interface.encodeFunctionData('enableLltv', [NEW_LLTV]),
    nonce: 1n,
    validUntil: BigInt(await latestTimestamp(b.provider)) + ONE_DAY,
  };
  const signatures = await signOwnerCall(b.validators.slice(0, superThreshold), b.chainId, owner, call);
  const receipt = await mined('QuorumOwner.execute(Morpho.enableLltv)', quorumOwner.execute(call.target, call.data, call.nonce, call.validUntil, signatures));
  if (!(await venue.morpho.isLltvEnabled(NEW_LLTV))) throw new BenchPreconditionError('the owner call did not enable the LLTV');

  const signed = `${superThreshold} of ${b.shape.validators} signatures`;
  return {
    name: `quorumOwner.execute.${b.shape.tag}.enableLltv`,
    label: `QuorumOwner execute, ${signed} (super threshold): Morpho enableLltv`,
    gasUsed: receipt.gasUsed,
  };
}

import { trexArtifact } from '@trestle/bridge/src/evm/artifacts';
import { attach } from '@trestle/bridge/src/evm/deploy/steps';
import type { GasMeasurement } from '../../src/bench-report';
import type { BenchConsortium } from './bench-consortium';
import { BenchPreconditionError } from './gateway-mint';

/** Revokes registered `wallet` through the gateway with the consortium's threshold; returns gasUsed. */
async function revokeHolder(b: BenchConsortium, wallet: string): Promise<bigint> {
  const { gateway, quorum } = b.consortium;
  const token = b.suite.token;
  const registry = attach(trexArtifact('registry/implementation', 'IdentityRegistry'), b.suite.identityRegistry, b.provider);
  if (!(await registry.contains(wallet))) throw new BenchPreconditionError('the wallet to revoke is not registered');
  const receipt = await quorum.send('RevokeIdentity', { token, wallet }, (n, s) => gateway.revokeIdentity(token, wallet, n, s));
  if (await registry.contains(wallet)) throw new BenchPreconditionError('revokeIdentity left the wallet registered');
  return receipt.gasUsed;
}

/**
 * `revokeIdentity` of a registered holder, signed with the consortium's threshold as the ledger's
 * identity mirror signs it: the registry entry is deleted (the ONCHAINID and its claims stay). Like
 * registerIdentity, measured after another revocation (`warmUp`), so the nonce word is in use as in
 * steady state. The wallet's registration set its slot of the gateway's order (registrations and
 * revocations of a wallet are one sequence), so the revocation updates a non-zero slot. The nonce
 * comes from the tool's range (LEDGER_FREE_NONCE_BASE + k), not the ledger's (from 1): one more
 * non-zero calldata byte, 12 gas. Both wallets must be registered; neither is afterwards.
 */
export async function measureIdentityRevocation(b: BenchConsortium, warmUp: string, wallet: string): Promise<GasMeasurement> {
  await revokeHolder(b, warmUp);
  return {
    name: 'gateway.revokeIdentity.holder',
    label: 'gateway revokeIdentity, registered holder (registry entry deleted)',
    gasUsed: await revokeHolder(b, wallet),
  };
}

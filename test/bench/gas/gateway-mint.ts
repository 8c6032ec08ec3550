import { hexlify, randomBytes } from 'ethers';
import { typeHashOf } from '@trestle/bridge/src/evm/deploy/gateway-quorum';
import type { GasMeasurement } from '../../src/bench-report';
import type { BenchConsortium } from './bench-consortium';
import { WAD } from './bench-params';
import { REFERENCE } from './references';

const MINT_AMOUNT = 1_000n * WAD;

/** Mints `amount` of the bench asset to `to` through the gateway with the consortium's threshold; returns gasUsed. */
export async function gatewayMint(b: BenchConsortium, to: string, amount: bigint): Promise<bigint> {
  const { gateway, quorum } = b.consortium;
  const token = b.suite.token;
  const fabricTxId = hexlify(randomBytes(32));
  const receipt = await quorum.send('Mint', { token, to, amount, fabricTxId }, (nonce, signatures) =>
    gateway.mint(token, to, amount, nonce, fabricTxId, signatures),
  );
  return receipt.gasUsed;
}

/** The workload's order went wrong: a "first" figure would not be a first. */
export class BenchPreconditionError extends Error {
  readonly code = 'BENCH_PRECONDITION_FAILED';
  constructor(detail: string) {
    super(`Gas bench precondition failed: ${detail}. Measure on a freshly deployed asset.`);
    this.name = 'BenchPreconditionError';
  }
}

/**
 * The asset's first gateway mint (nonce 1 in a fresh nonce-bitmap word, a holder without units,
 * supply zero), then a repeat mint to the same holder with nonce 2 (word already non-zero).
 * `holder` must be registered.
 */
export async function measureMints(b: BenchConsortium, holder: string): Promise<GasMeasurement[]> {
  const mintType = typeHashOf('Mint');
  if ((await b.consortium.gateway.isNonceUsed(mintType, 1n)) || (await b.token.totalSupply()) !== 0n) {
    throw new BenchPreconditionError('the asset has been minted before');
  }
  const first = await gatewayMint(b, holder, MINT_AMOUNT);
  const repeat = await gatewayMint(b, holder, MINT_AMOUNT);
  if (!(await b.consortium.gateway.isNonceUsed(mintType, 2n))) throw new BenchPreconditionError('the repeat mint did not use nonce 2');

  const { tag, threshold, validators } = b.shape;
  const signatures = `${threshold} of ${validators} signatures`;
  return [
    { name: `gateway.mint.${tag}.first`, label: `gateway mint, ${signatures}, first (new nonce word, new holder, supply 0)`, gasUsed: first },
    { name: `gateway.mint.${tag}.repeat`, label: `gateway mint, ${signatures}, repeat to a holder (next nonce)`, gasUsed: repeat, reference: REFERENCE.trexMintToHolder },
  ];
}

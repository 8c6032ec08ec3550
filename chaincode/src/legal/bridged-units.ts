import type { Context } from 'fabric-contract-api';
import { parseBridgeEscrow } from '@trestle/compliance/src/bridge/bridge-escrow';
import { TrestleError } from '@trestle/compliance/src/errors/trestle-error';
import type { Holding } from '@trestle/compliance/src/ledger/holding';
import { ESCROW_KEY_TYPE } from '../bridge/bridge-keys';
import { decodeJson, valuesByPartialKey } from '../support/state';

/**
 * REDEMPTION_UNITS_IN_ESCROW unless every unit of the asset sits in an investor's holding on the
 * ledger: none in a holding's bridge escrow (backing tokens on an EVM chain), and none in a chain's
 * escrow pool or suspense (units released home whose owner could not be credited), which a
 * redemption could neither retire nor pay out.
 */
export async function requireNoBridgedUnits(ctx: Context, assetId: string, holdings: readonly Holding[]): Promise<void> {
  const escrowed = holdings.filter((holding) => holding.escrowed > 0n).map((holding) => ({ investorId: holding.investorId, units: holding.escrowed.toString() }));
  const pools = (await valuesByPartialKey(ctx, ESCROW_KEY_TYPE, [assetId]))
    .map((value) => parseBridgeEscrow(decodeJson(value)))
    .filter((pool) => BigInt(pool.escrowed) > 0n || BigInt(pool.suspense) > 0n)
    .map((pool) => ({ chainId: pool.chainId, escrowed: pool.escrowed, suspense: pool.suspense }));
  if (escrowed.length > 0 || pools.length > 0) {
    throw new TrestleError(
      'REDEMPTION_UNITS_IN_ESCROW',
      "Units of this asset are in bridge escrow, backing tokens on an EVM chain, or in the bridge's suspense; they must be bridged home (burned there and released here) and credited to investors before the asset is redeemed.",
      { details: { assetId, escrowed, bridgePools: pools } },
    );
  }
}

import type { AssetOptions } from '@trestle/bridge/src/evm/deploy/consortium';
import { DEMO_ASSET } from '@trestle/bridge/src/evm/deploy/devnet-params';

/** Parameters of the gas bench: the devnet deployment's (devnet-params.ts), plus quorum shapes. */
export { ISO_3166, IRM_ARGS, MINT_DELAY, NAV_ORACLE, STABLECOIN_ARGS, USD, WAD } from '@trestle/bridge/src/evm/deploy/devnet-params';

/** Validator set shapes: the devnet's 2 of 3 (super 3) and a larger 3 of 5 (super 4). */
export interface QuorumShape {
  readonly tag: string;
  readonly validators: number;
  readonly threshold: number;
  readonly superThreshold: number;
}
export const TWO_OF_THREE: QuorumShape = { tag: '2of3', validators: 3, threshold: 2, superThreshold: 3 };
export const THREE_OF_FIVE: QuorumShape = { tag: '3of5', validators: 5, threshold: 3, superThreshold: 4 };

/** deploy-all's demo asset under another name. */
export const BENCH_ASSET: AssetOptions = { ...DEMO_ASSET, name: 'Bench Office Building SPV units', symbol: 'BOB' };


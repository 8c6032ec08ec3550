import type { ThresholdParameters } from './threshold-parameters';

/**
 * What clients need to seal a file for the consortium: the public key Lit's `encrypt` takes
 * (compressed G1, 96 lower-case hex digits) and how many bank shares it takes to open it again.
 */
export type ConsortiumPublicKey = ThresholdParameters & {
  readonly publicKey: string;
};

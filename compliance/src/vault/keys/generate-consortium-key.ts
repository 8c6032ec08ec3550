import { publicKeyOf, randomScalar, scalarField, scalarToBytes } from './bls12-381';
import type { ConsortiumPublicKey } from './consortium-public-key';
import { KeyShare } from './key-share';
import { requireThresholdParameters, type ThresholdParameters } from './threshold-parameters';

/** The result of a key ceremony: the public key to publish and one share per bank service. */
export type ConsortiumKey = {
  readonly publicKey: ConsortiumPublicKey;
  /** Share i (1-based) at index i - 1; hand each to one bank and keep no copy. */
  readonly keyShares: readonly KeyShare[];
};

/**
 * Makes a BLS12-381 key and splits it t-of-n with Shamir's scheme over the scalar field: a random
 * polynomial of degree t - 1 whose constant term is the secret, share i being its value at x = i.
 * The whole secret exists only inside this call and is not returned; any t shares can sign as it.
 * (JavaScript cannot promise to wipe a bigint from memory: run the ceremony in a short-lived process.)
 */
export function generateConsortiumKey(parameters: ThresholdParameters): ConsortiumKey {
  requireThresholdParameters(parameters);
  const { threshold, shareCount } = parameters;
  for (;;) {
    const coefficients = Array.from({ length: threshold }, randomScalar);
    const values = Array.from({ length: shareCount }, (_, i) => evaluatePolynomial(coefficients, BigInt(i + 1)));
    // A zero share cannot be a BLS secret key; the chance is 2^-254 per share, so just draw again.
    if (values.some((value) => value === 0n)) continue;
    const secret = scalarToBytes(coefficients[0] as bigint);
    const publicKey: ConsortiumPublicKey = { publicKey: Buffer.from(publicKeyOf(secret)).toString('hex'), threshold, shareCount };
    const keyShares = values.map((value, i) =>
      KeyShare.fromSecret({ publicKey: publicKey.publicKey, threshold, shareCount, shareIndex: i + 1 }, scalarToBytes(value)),
    );
    return { publicKey, keyShares };
  }
}

/** The polynomial with these coefficients (constant term first) at `x`, by Horner's rule mod r. */
function evaluatePolynomial(coefficients: readonly bigint[], x: bigint): bigint {
  let value = 0n;
  for (let i = coefficients.length - 1; i >= 0; i -= 1) {
    value = scalarField.add(scalarField.mul(value, x), coefficients[i] as bigint);
  }
  return value;
}

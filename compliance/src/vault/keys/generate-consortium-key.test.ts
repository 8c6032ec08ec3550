import { bls12_381 } from '@noble/curves/bls12-381.js';
import test from 'ava';
import { isTrestleError } from '../../errors/trestle-error';
import { scalarField } from './bls12-381';
import { generateConsortiumKey } from './generate-consortium-key';

const G1 = bls12_381.G1.Point;

/** Lagrange interpolation at 0 over the shares' public points: the public key their secrets make. */
function interpolatePublicKey(shares: readonly { shareIndex: number; verificationKey: string }[]): string {
  let sum = G1.ZERO;
  for (const share of shares) {
    let coefficient = 1n;
    for (const other of shares) {
      if (other === share) continue;
      const xj = BigInt(other.shareIndex);
      coefficient = scalarField.mul(coefficient, scalarField.div(xj, scalarField.sub(xj, BigInt(share.shareIndex))));
    }
    sum = sum.add(G1.fromHex(share.verificationKey).multiply(coefficient));
  }
  return sum.toHex(true);
}

test('a 2-of-3 key has shares 1 to 3, each carrying the consortium key and the threshold', (t) => {
  const { publicKey, keyShares } = generateConsortiumKey({ threshold: 2, shareCount: 3 });
  t.regex(publicKey.publicKey, /^[0-9a-f]{96}$/);
  t.deepEqual(
    keyShares.map((share) => [share.shareIndex, share.threshold, share.shareCount, share.publicKey]),
    [1, 2, 3].map((index) => [index, 2, 3, publicKey.publicKey]),
  );
});

test('any two of three shares interpolate to the consortium public key, one alone does not', (t) => {
  const { publicKey, keyShares } = generateConsortiumKey({ threshold: 2, shareCount: 3 });
  const [a, b, c] = keyShares as [typeof keyShares[0], typeof keyShares[0], typeof keyShares[0]];
  for (const pair of [[a, b], [a, c], [b, c]]) t.is(interpolatePublicKey(pair), publicKey.publicKey);
  for (const share of keyShares) t.not(share.verificationKey, publicKey.publicKey);
});

test('a 3-of-5 key needs three shares: every three interpolate to it, two do not', (t) => {
  const { publicKey, keyShares } = generateConsortiumKey({ threshold: 3, shareCount: 5 });
  t.is(interpolatePublicKey(keyShares.slice(0, 3)), publicKey.publicKey);
  t.is(interpolatePublicKey(keyShares.slice(2, 5)), publicKey.publicKey);
  t.not(interpolatePublicKey(keyShares.slice(0, 2)), publicKey.publicKey);
});

test('two ceremonies make different keys', (t) => {
  t.not(generateConsortiumKey({ threshold: 2, shareCount: 3 }).publicKey.publicKey, generateConsortiumKey({ threshold: 2, shareCount: 3 }).publicKey.publicKey);
});

test('thresholds below 2, above the share count, or share counts above 255 are VAULT_THRESHOLD_INVALID', (t) => {
  for (const [threshold, shareCount] of [[1, 3], [4, 3], [2, 256], [2.5, 3], [0, 0], [Number.NaN, 3]] as const) {
    const error = t.throws(() => generateConsortiumKey({ threshold, shareCount }));
    t.true(isTrestleError(error, 'VAULT_THRESHOLD_INVALID'), `${threshold} of ${shareCount}`);
  }
});

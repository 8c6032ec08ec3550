import { randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto';

/**
 * A password as stored: scrypt with its own salt and the parameters it was made with, so the
 * defaults can grow later without invalidating older hashes.
 */
export type PasswordHash = {
  readonly algorithm: 'scrypt';
  /** CPU and memory cost, a power of two. */
  readonly N: number;
  readonly r: number;
  readonly p: number;
  readonly keyLength: number;
  /** Base64 of 16 random bytes. */
  readonly salt: string;
  /** Base64 of the derived key. */
  readonly hash: string;
};

/** The cost parameters of a new hash. */
export type ScryptCost = Pick<PasswordHash, 'N' | 'r' | 'p'>;

/** New hashes: N = 2^15, r = 8 (32 MiB, about 0.1 s here): RFC 7914's interactive-login range. */
export const DEFAULT_SCRYPT_COST: ScryptCost = { N: 2 ** 15, r: 8, p: 1 };

/** Bounds a stored hash must respect: a tampered file cannot make a login free or exhaust memory. */
export const SCRYPT_BOUNDS = { minN: 2 ** 10, maxN: 2 ** 20, maxR: 32, maxP: 16 } as const;

/** Passwords longer than this are refused before hashing, so a huge one cannot cost the server. */
export const MAX_PASSWORD_BYTES = 1024;

const KEY_LENGTH = 64;
const SALT_BYTES = 16;

function derive(password: string, salt: Buffer, cost: ScryptCost, keyLength: number): Promise<Buffer> {
  // maxmem must exceed 128 * N * r bytes; Node's default of 32 MiB is exactly our default's need.
  const options: ScryptOptions = { N: cost.N, r: cost.r, p: cost.p, maxmem: 256 * cost.N * cost.r };
  return new Promise((resolve, reject) => {
    scrypt(password.normalize('NFC'), salt, keyLength, options, (error, key) => (error === null ? resolve(key) : reject(error)));
  });
}

/** Whether `cost` is a valid scrypt cost within `SCRYPT_BOUNDS`. */
export function isScryptCost(cost: ScryptCost): boolean {
  const { N, r, p } = cost;
  const powerOfTwo = Number.isInteger(N) && N > 1 && (N & (N - 1)) === 0;
  return powerOfTwo && N >= SCRYPT_BOUNDS.minN && N <= SCRYPT_BOUNDS.maxN && Number.isInteger(r) && r >= 1 && r <= SCRYPT_BOUNDS.maxR && Number.isInteger(p) && p >= 1 && p <= SCRYPT_BOUNDS.maxP;
}

/** Hashes `password` with a fresh random salt. */
export async function hashPassword(password: string, cost: ScryptCost = DEFAULT_SCRYPT_COST): Promise<PasswordHash> {
  if (!isScryptCost(cost)) throw new RangeError('scrypt cost outside the accepted bounds');
  const salt = randomBytes(SALT_BYTES);
  const key = await derive(password, salt, cost, KEY_LENGTH);
  return { algorithm: 'scrypt', ...cost, keyLength: KEY_LENGTH, salt: salt.toString('base64'), hash: key.toString('base64') };
}

/** Whether `password` matches `stored`, compared in constant time; false for an over-long password. */
export async function verifyPassword(password: string, stored: PasswordHash): Promise<boolean> {
  if (Buffer.byteLength(password, 'utf8') > MAX_PASSWORD_BYTES) return false;
  const expected = Buffer.from(stored.hash, 'base64');
  const key = await derive(password, Buffer.from(stored.salt, 'base64'), stored, expected.length);
  return key.length === expected.length && timingSafeEqual(key, expected);
}

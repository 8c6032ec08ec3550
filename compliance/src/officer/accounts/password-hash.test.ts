import test from 'ava';
import { DEFAULT_SCRYPT_COST, hashPassword, isScryptCost, MAX_PASSWORD_BYTES, verifyPassword } from './password-hash';
import { TEST_SCRYPT_COST } from '../testing/officer-cast';

test('a hash records scrypt, its parameters and a fresh salt; only the same password verifies', async (t) => {
  const one = await hashPassword('tr0ub4dor&3-long', TEST_SCRYPT_COST);
  const two = await hashPassword('tr0ub4dor&3-long', TEST_SCRYPT_COST);
  t.like(one, { algorithm: 'scrypt', N: 1024, r: 8, p: 1, keyLength: 64 });
  t.is(Buffer.from(one.salt, 'base64').length, 16);
  t.not(one.salt, two.salt, 'a salt per hash');
  t.not(one.hash, two.hash);
  t.true(await verifyPassword('tr0ub4dor&3-long', one));
  t.false(await verifyPassword('tr0ub4dor&3-lonG', one));
  t.false(await verifyPassword('', one));
});

test('verification uses the parameters stored with the hash, so older hashes keep working when the default grows', async (t) => {
  const stored = await hashPassword('an older password', { N: 2 ** 11, r: 4, p: 2 });
  t.true(await verifyPassword('an older password', stored));
});

test('the default cost is N = 2^15, r = 8, p = 1 and really is scrypt at that cost', async (t) => {
  t.deepEqual(DEFAULT_SCRYPT_COST, { N: 32_768, r: 8, p: 1 });
  const stored = await hashPassword('default cost password');
  t.like(stored, { N: 32_768, r: 8, p: 1 });
  t.true(await verifyPassword('default cost password', stored));
});

test('costs outside the bounds are refused, and an over-long password never matches', async (t) => {
  for (const cost of [{ N: 1000, r: 8, p: 1 }, { N: 512, r: 8, p: 1 }, { N: 2 ** 21, r: 8, p: 1 }, { N: 1024, r: 0, p: 1 }, { N: 1024, r: 8, p: 17 }]) t.false(isScryptCost(cost), JSON.stringify(cost));
  await t.throwsAsync(hashPassword('x', { N: 1000, r: 8, p: 1 }), { instanceOf: RangeError });
  const long = 'a'.repeat(MAX_PASSWORD_BYTES + 1);
  t.false(await verifyPassword(long, await hashPassword(long, TEST_SCRYPT_COST)));
});

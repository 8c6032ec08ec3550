import test from 'ava';
import { createHash } from 'node:crypto';
import { isTrestleError } from '../../errors/trestle-error';
import { accessConditionsHash, canonicalConditionsJson, parseAccessConditions, type AccessConditions } from './access-conditions';
import { litIdentity } from './lit-identity';

const conditions: AccessConditions = { vault: 'trestle', fileId: 'kyc-1', investorId: 'inv-1', bankMsp: 'BankAMSP', allowedRoles: ['regulator', 'compliance-officer'] };

test('canonical JSON sorts keys and roles and has no whitespace', (t) => {
  t.is(canonicalConditionsJson(conditions), '{"allowedRoles":["compliance-officer","regulator"],"bankMsp":"BankAMSP","fileId":"kyc-1","investorId":"inv-1","vault":"trestle"}');
});

test('the hash is the SHA-256 of the canonical JSON, whatever the key or role order given', (t) => {
  const shuffled = { allowedRoles: ['compliance-officer', 'regulator', 'regulator'], investorId: 'inv-1', fileId: 'kyc-1', bankMsp: 'BankAMSP', vault: 'trestle' };
  const expected = createHash('sha256').update(canonicalConditionsJson(conditions)).digest('hex');
  t.is(accessConditionsHash(conditions), expected);
  t.is(accessConditionsHash(parseAccessConditions(shuffled)), expected);
});

test('changing any field changes the hash', (t) => {
  const base = accessConditionsHash(conditions);
  const changes: Partial<AccessConditions>[] = [{ fileId: 'kyc-2' }, { investorId: 'inv-2' }, { bankMsp: 'BankBMSP' }, { allowedRoles: ['regulator'] }];
  for (const change of changes) t.not(accessConditionsHash({ ...conditions, ...change }), base, JSON.stringify(change));
});

test('the Lit identity is lit-accesscontrolcondition://<conditions hash>/<data hash>', (t) => {
  const dataHash = createHash('sha256').update('file').digest('hex');
  t.is(litIdentity(accessConditionsHash(conditions), dataHash), `lit-accesscontrolcondition://${accessConditionsHash(conditions)}/${dataHash}`);
  t.throws(() => litIdentity('abc', dataHash), { instanceOf: RangeError });
});

test('conditions with unknown fields, other vaults, bad ids or no known roles are VAULT_CONDITIONS_INVALID', (t) => {
  const bad: unknown[] = [
    null,
    [],
    { ...conditions, extra: 1 },
    { ...conditions, vault: 'other' },
    { ...conditions, fileId: '' },
    { ...conditions, fileId: 'has space' },
    { ...conditions, investorId: 'x'.repeat(129) },
    { ...conditions, bankMsp: '' },
    { ...conditions, allowedRoles: [] },
    { ...conditions, allowedRoles: ['boss'] },
    { ...conditions, allowedRoles: 'regulator' },
  ];
  for (const value of bad) {
    const error = t.throws(() => parseAccessConditions(value));
    t.true(isTrestleError(error, 'VAULT_CONDITIONS_INVALID'), JSON.stringify(value));
  }
});

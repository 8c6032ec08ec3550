import test from 'ava';
import { isRole, ROLES } from './roles';

test('the seven consortium roles are known', (t) => {
  t.deepEqual([...ROLES], ['compliance-officer', 'operator', 'spv-admin', 'appraiser', 'validator', 'regulator', 'vault']);
  for (const role of ROLES) t.true(isRole(role));
});

test('isRole refuses other spellings and non-strings', (t) => {
  for (const value of ['Operator', 'operator ', 'compliance_officer', 'admin', '', 'toString', undefined, null, 1, ['operator']]) {
    t.false(isRole(value), String(value));
  }
});

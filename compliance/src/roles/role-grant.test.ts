import test from 'ava';
import { isTrestleError } from '../errors/trestle-error';
import { compareRoleGrants, parseRoleGrant, type RoleGrant } from './role-grant';

const ADMIN = 'x509::/C=CH/O=BankA/OU=admin/CN=Admin@banka::/C=CH/O=BankA/CN=ca.banka';
const grant = (mspId: string, name: string, role: RoleGrant['role']): RoleGrant => ({
  grantedAt: '2026-03-01T10:00:00.000Z',
  grantedBy: ADMIN,
  identityId: `x509::/CN=${name}::/CN=ca`,
  mspId,
  role,
});

test('a well-formed record parses to exactly the grant fields', (t) => {
  const record = { ...grant('BankAMSP', 'alice', 'operator'), future: 'field' };
  t.deepEqual(parseRoleGrant(record), grant('BankAMSP', 'alice', 'operator'));
});

test('records with a missing or wrong field are RECORD_MALFORMED', (t) => {
  const good = grant('BankAMSP', 'alice', 'operator');
  const bad: unknown[] = [null, 'text', [], { ...good, role: 'boss' }, { ...good, grantedAt: '2026-03-01' }, { ...good, identityId: 'alice' }, { ...good, mspId: '' }, { ...good, grantedBy: undefined }];
  for (const record of bad) {
    const error = t.throws(() => parseRoleGrant(record));
    t.true(isTrestleError(error, 'RECORD_MALFORMED'), JSON.stringify(record));
  }
});

test('grants sort by org, then identity, then role, in code-unit order', (t) => {
  const grants = [
    grant('BankBMSP', 'alice', 'operator'),
    grant('BankAMSP', 'bob', 'appraiser'),
    grant('BankAMSP', 'alice', 'validator'),
    grant('BankAMSP', 'alice', 'compliance-officer'),
    grant('BankAMSP', 'Zed', 'operator'),
  ];
  const sorted = [...grants].sort(compareRoleGrants).map((g) => `${g.mspId} ${g.identityId} ${g.role}`);
  t.deepEqual(sorted, [
    'BankAMSP x509::/CN=Zed::/CN=ca operator',
    'BankAMSP x509::/CN=alice::/CN=ca compliance-officer',
    'BankAMSP x509::/CN=alice::/CN=ca validator',
    'BankAMSP x509::/CN=bob::/CN=ca appraiser',
    'BankBMSP x509::/CN=alice::/CN=ca operator',
  ]);
});

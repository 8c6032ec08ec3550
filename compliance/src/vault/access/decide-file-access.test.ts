import test from 'ava';
import type { AccessConditions } from '../conditions/access-conditions';
import type { Requester } from './access-gate';
import { decideFileAccess } from './decide-file-access';

const conditions: AccessConditions = { vault: 'trestle', fileId: 'kyc-1', investorId: 'inv-1', bankMsp: 'BankAMSP', allowedRoles: ['compliance-officer', 'regulator'] };
const person = (mspId: string, role: Requester['role']): Requester => ({ identityId: 'x509::/CN=p::/CN=ca', mspId, role });

const cases: [string, Requester, boolean, boolean][] = [
  ['an officer of the investor bank', person('BankAMSP', 'compliance-officer'), true, true],
  ['a regulator of another org', person('RegulatorMSP', 'regulator'), true, true],
  ['an officer of another bank', person('BankBMSP', 'compliance-officer'), true, false],
  ['an operator of the investor bank', person('BankAMSP', 'operator'), true, false],
  ['an officer who does not hold the role', person('BankAMSP', 'compliance-officer'), false, false],
  ['a regulator who does not hold the role', person('RegulatorMSP', 'regulator'), false, false],
];

for (const [who, requester, holdsRole, allowed] of cases) {
  test(`${who} is ${allowed ? 'allowed' : 'refused'}, with a reason`, (t) => {
    const decision = decideFileAccess(conditions, requester, holdsRole);
    t.is(decision.allowed, allowed);
    t.regex(decision.reason, /\.$/);
  });
}

test('a regulator is refused when the conditions do not list the regulator role', (t) => {
  t.false(decideFileAccess({ ...conditions, allowedRoles: ['compliance-officer'] }, person('RegulatorMSP', 'regulator'), true).allowed);
});

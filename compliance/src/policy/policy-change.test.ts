import test from 'ava';
import { isTrestleError, type TrestleError } from '../errors/trestle-error';
import { checkPolicyChange, policyChangeNeedsBanks } from './policy-change';
import { samplePolicy } from './testing/policy-fixture';

test('a policy change needs officers of two banks', (t) => {
  t.is(policyChangeNeedsBanks, 2);
});

test('the next version of the same asset is accepted and its changed fields listed', (t) => {
  const change = checkPolicyChange(samplePolicy(), samplePolicy({ version: 4, maxHolders: 150, blockedJurisdictions: ['IR', 'KP', 'SY'] }));
  t.deepEqual(change, { assetId: 'ZOB', fromVersion: 3, toVersion: 4, changedFields: ['blockedJurisdictions', 'maxHolders'] });
});

test('reordering a set is not a change', (t) => {
  t.deepEqual(checkPolicyChange(samplePolicy(), samplePolicy({ version: 4, allowedJurisdictions: ['LI', 'DE', 'CH'] })).changedFields, []);
});

const refusals: Array<[string, Parameters<typeof samplePolicy>[0], string[]]> = [
  ['skips a version', { version: 5 }, ['version']],
  ['repeats the current version', { version: 3 }, ['version']],
  ['goes back a version', { version: 2 }, ['version']],
  ['names another asset', { version: 4, assetId: 'OTHER' }, ['assetId']],
  ['names another asset and skips a version', { version: 9, assetId: 'OTHER' }, ['assetId', 'version']],
];

for (const [what, changes, paths] of refusals) {
  test(`a change that ${what} is POLICY_INVALID`, (t) => {
    const error = t.throws(() => checkPolicyChange(samplePolicy(), samplePolicy(changes)));
    t.true(isTrestleError(error, 'POLICY_INVALID'));
    t.deepEqual(((error as TrestleError).details?.problems as { path: string }[]).map((problem) => problem.path), paths);
  });
}

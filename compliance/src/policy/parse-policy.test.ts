import test from 'ava';
import { isTrestleError, type TrestleError } from '../errors/trestle-error';
import { parsePolicy } from './parse-policy';
import { POLICY_DOCUMENT, samplePolicy } from './testing/policy-fixture';

function problemsOf(document: unknown): unknown {
  try {
    parsePolicy(document);
  } catch (error) {
    if (isTrestleError(error, 'POLICY_INVALID')) return (error as TrestleError).details?.problems;
    throw error;
  }
  throw new Error('parsePolicy accepted the document');
}

function pathsOf(document: unknown): string[] {
  return (problemsOf(document) as { path: string }[]).map((problem) => problem.path);
}

test('a valid document parses to a policy with bigint amounts', (t) => {
  t.deepEqual(parsePolicy(POLICY_DOCUMENT), samplePolicy());
});

test('set-valued lists come back sorted whatever order they were written in', (t) => {
  const policy = parsePolicy({ ...POLICY_DOCUMENT, allowedJurisdictions: ['LI', 'CH', 'DE'], allowedInvestorTypes: ['qualified-institutional', 'accredited', 'professional'] });
  t.deepEqual(policy.allowedJurisdictions, ['CH', 'DE', 'LI']);
  t.deepEqual(policy.allowedInvestorTypes, ['accredited', 'professional', 'qualified-institutional']);
});

test('zero is a valid threshold, minimum and lockup', (t) => {
  const policy = parsePolicy({ ...POLICY_DOCUMENT, lockupSeconds: 0, minTransfer: '0', fourEyesThreshold: '0', travelRuleThreshold: '0', blockedJurisdictions: [] });
  t.is(policy.fourEyesThreshold, 0n);
  t.is(policy.lockupSeconds, 0);
});

test('amounts up to 78 digits are accepted and kept exact', (t) => {
  const huge = '9'.repeat(78);
  t.is(parsePolicy({ ...POLICY_DOCUMENT, maxBalancePerHolder: huge }).maxBalancePerHolder, BigInt(huge));
});

test('every problem is listed, not only the first', (t) => {
  const document = {
    ...POLICY_DOCUMENT,
    schemaVersion: 2,
    version: 0,
    allowedJurisdictions: ['CH', 'ch', 'UK', 'CH'],
    allowedInvestorTypes: ['retail', 'whale'],
    lockupSeconds: -1,
    maxHolders: 2.5,
    maxBalancePerHolder: 1000000,
    minTransfer: '0100',
    fourEyesThreshold: '-5',
    travelRuleThreshold: '1e4',
    defiEligible: 'yes',
    extra: true,
  };
  t.deepEqual(pathsOf(document), [
    'extra',
    'schemaVersion',
    'version',
    'allowedJurisdictions[1]',
    'allowedJurisdictions[2]',
    'allowedJurisdictions[3]',
    'allowedInvestorTypes[1]',
    'lockupSeconds',
    'maxHolders',
    'maxBalancePerHolder',
    'minTransfer',
    'fourEyesThreshold',
    'travelRuleThreshold',
    'defiEligible',
  ]);
});

test('the error says how many problems there are and lists each with a phrase', (t) => {
  const error = t.throws(() => parsePolicy({ ...POLICY_DOCUMENT, maxHolders: -3, minTransfer: 100 }));
  t.true(isTrestleError(error, 'POLICY_INVALID'));
  t.is((error as TrestleError).sentence, 'The policy has 2 problems; fix each one listed in the details and send it again.');
  t.deepEqual((error as TrestleError).details, {
    problems: [
      { path: 'maxHolders', problem: 'must be a whole number from 1 to 9007199254740991, not -3' },
      { path: 'minTransfer', problem: 'must be a decimal string such as "1000", not a JSON number, which loses precision above 2^53' },
    ],
  });
});

const refusals: Array<[string, Record<string, unknown>, string[]]> = [
  ['unknown fields, each one', { ...POLICY_DOCUMENT, note: 'x', Version: 4 }, ['Version', 'note']],
  ['a missing field', { ...POLICY_DOCUMENT, defiEligible: undefined }, ['defiEligible']],
  ['allowed and blocked jurisdictions that overlap', { ...POLICY_DOCUMENT, blockedJurisdictions: ['DE', 'IR', 'LI'] }, ['blockedJurisdictions', 'blockedJurisdictions']],
  ['a negative lockup', { ...POLICY_DOCUMENT, lockupSeconds: -86400 }, ['lockupSeconds']],
  ['a fractional version', { ...POLICY_DOCUMENT, version: 1.5 }, ['version']],
  ['a version given as a string', { ...POLICY_DOCUMENT, version: '3' }, ['version']],
  ['zero holders', { ...POLICY_DOCUMENT, maxHolders: 0 }, ['maxHolders']],
  ['an amount with a leading zero', { ...POLICY_DOCUMENT, minTransfer: '0100' }, ['minTransfer']],
  ['an amount with a sign', { ...POLICY_DOCUMENT, minTransfer: '+100' }, ['minTransfer']],
  ['an amount with a decimal point', { ...POLICY_DOCUMENT, travelRuleThreshold: '10000.0' }, ['travelRuleThreshold']],
  ['an amount with spaces', { ...POLICY_DOCUMENT, travelRuleThreshold: ' 10000' }, ['travelRuleThreshold']],
  ['an amount of 79 digits', { ...POLICY_DOCUMENT, maxBalancePerHolder: '1'.repeat(79) }, ['maxBalancePerHolder']],
  ['a zero maximum balance, reported once', { ...POLICY_DOCUMENT, maxBalancePerHolder: '0' }, ['maxBalancePerHolder']],
  ['a minimum transfer above the maximum balance', { ...POLICY_DOCUMENT, minTransfer: '1000001' }, ['minTransfer']],
  ['an empty allowed list', { ...POLICY_DOCUMENT, allowedJurisdictions: [] }, ['allowedJurisdictions']],
  ['an empty investor type list', { ...POLICY_DOCUMENT, allowedInvestorTypes: [] }, ['allowedInvestorTypes']],
  ['a user-assigned code', { ...POLICY_DOCUMENT, allowedJurisdictions: ['XK'] }, ['allowedJurisdictions[0]']],
  ['a list given as a string', { ...POLICY_DOCUMENT, blockedJurisdictions: 'IR' }, ['blockedJurisdictions']],
  ['an asset id with a space', { ...POLICY_DOCUMENT, assetId: 'Z OB' }, ['assetId']],
  ['an empty asset id', { ...POLICY_DOCUMENT, assetId: '' }, ['assetId']],
];

for (const [what, document, paths] of refusals) {
  test(`a policy with ${what} is refused`, (t) => {
    t.deepEqual(pathsOf(JSON.parse(JSON.stringify(document))), paths);
  });
}

test('something that is not an object is POLICY_INVALID', (t) => {
  for (const value of ['{"assetId":"ZOB"}', 42, [], true]) t.deepEqual(pathsOf(value), ['']);
});

test('no policy at all is ARGUMENT_EMPTY', (t) => {
  for (const value of [undefined, null, '']) {
    t.true(isTrestleError(t.throws(() => parsePolicy(value)), 'ARGUMENT_EMPTY'));
  }
});

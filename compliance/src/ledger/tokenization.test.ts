import test from 'ava';
import { isTrestleError } from '../errors/trestle-error';
import { POLICY_DOCUMENT } from '../policy/testing/policy-fixture';
import { parseTokenizationDocument } from './tokenization';

const POLICY = { ...POLICY_DOCUMENT, assetId: 'ZOB', version: 1 };
const document = (changes: Record<string, unknown> = {}) =>
  JSON.stringify({ units: '1000', decimals: 2, allocations: [{ investorId: 'INV-1', units: '600' }, { investorId: 'INV-2', units: '400' }], policy: POLICY, ...changes });

function pathsOf(text: string): string[] {
  try {
    parseTokenizationDocument(text, 'ZOB');
    return [];
  } catch (error) {
    return isTrestleError(error, 'TOKENIZATION_INVALID') ? (error.details?.problems as Array<{ path: string }>).map((p) => p.path) : [String(error)];
  }
}

test('a tokenization reads with bigint units and the parsed policy', (t) => {
  const parsed = parseTokenizationDocument(document(), 'ZOB');
  t.is(parsed.units, 1000n);
  t.deepEqual(parsed.allocations, [{ investorId: 'INV-1', units: 600n }, { investorId: 'INV-2', units: 400n }]);
  t.is(parsed.policy.maxBalancePerHolder, 1_000_000n);
});

test('allocations must add up to the supply, name each investor once and be at least one unit each', (t) => {
  t.deepEqual(pathsOf(document({ units: '999' })), ['allocations']);
  t.deepEqual(pathsOf(document({ allocations: [{ investorId: 'INV-1', units: '500' }, { investorId: 'INV-1', units: '500' }] })), ['allocations[1].investorId']);
  t.deepEqual(pathsOf(document({ units: '1000', allocations: [{ investorId: 'INV-1', units: '1000' }, { investorId: 'INV-2', units: '0' }] })), ['allocations[1].units']);
  t.deepEqual(pathsOf(document({ allocations: [] })), ['allocations']);
});

test('the policy must be version 1 of this asset, and its own problems are listed under policy', (t) => {
  t.deepEqual(pathsOf(document({ policy: { ...POLICY, assetId: 'OTHER', version: 2 } })), ['policy.assetId', 'policy.version']);
  t.deepEqual(pathsOf(document({ policy: { ...POLICY, maxHolders: 0 } })), ['policy.maxHolders']);
});

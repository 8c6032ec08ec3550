import test from 'ava';
import { createHash } from 'node:crypto';
import { parsePolicy } from './parse-policy';
import { canonicalPolicyJson, policyHash } from './policy-hash';
import { POLICY_DOCUMENT, samplePolicy } from './testing/policy-fixture';

const CANONICAL =
  '{"allowedInvestorTypes":["accredited","professional","qualified-institutional"],"allowedJurisdictions":["CH","DE","LI"],"assetId":"ZOB",' +
  '"blockedJurisdictions":["IR","KP"],"defiEligible":true,"fourEyesThreshold":"50000","lockupSeconds":7776000,"maxBalancePerHolder":"1000000",' +
  '"maxHolders":100,"minTransfer":"100","schemaVersion":1,"travelRuleThreshold":"10000","version":3}';

test('the canonical JSON has sorted keys, no whitespace and amounts as strings', (t) => {
  t.is(canonicalPolicyJson(samplePolicy()), CANONICAL);
});

test('the canonical JSON parses back to the same policy', (t) => {
  t.deepEqual(parsePolicy(JSON.parse(canonicalPolicyJson(samplePolicy()))), samplePolicy());
});

test('the hash is the SHA-256 hex of the canonical JSON', (t) => {
  t.is(policyHash(samplePolicy()), createHash('sha256').update(CANONICAL).digest('hex'));
  t.regex(policyHash(samplePolicy()), /^[0-9a-f]{64}$/);
});

test('key order and set order in the source document do not change the hash', (t) => {
  const reversed = Object.fromEntries(Object.entries(POLICY_DOCUMENT).reverse());
  const reordered = { ...reversed, allowedJurisdictions: ['LI', 'DE', 'CH'], blockedJurisdictions: ['KP', 'IR'] };
  t.is(policyHash(parsePolicy(reordered)), policyHash(parsePolicy(POLICY_DOCUMENT)));
  t.is(policyHash(samplePolicy({ allowedJurisdictions: ['LI', 'CH', 'DE'] })), policyHash(samplePolicy()));
});

test('any change of meaning changes the hash', (t) => {
  const base = policyHash(samplePolicy());
  const variants = [
    samplePolicy({ version: 4 }),
    samplePolicy({ minTransfer: 101n }),
    samplePolicy({ defiEligible: false }),
    samplePolicy({ blockedJurisdictions: ['IR'] }),
    samplePolicy({ lockupSeconds: 7_776_001 }),
  ];
  const hashes = new Set(variants.map(policyHash));
  t.is(hashes.size, variants.length);
  t.false(hashes.has(base));
});

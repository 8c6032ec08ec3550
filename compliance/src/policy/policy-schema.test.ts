import test from 'ava';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { INVESTOR_TYPES } from './investor-type';
import { JURISDICTIONS } from './jurisdiction';
import { POLICY_FIELDS, policyToDocument } from './policy';
import { POLICY_SCHEMA } from './policy-schema';
import { samplePolicy } from './testing/policy-fixture';

const SCHEMA_FILE = path.join(__dirname, 'policy.schema.json');

test('policy.schema.json is POLICY_SCHEMA written out', (t) => {
  const expected = `${JSON.stringify(POLICY_SCHEMA, null, 2)}\n`;
  t.is(
    readFileSync(SCHEMA_FILE, 'utf8'),
    expected,
    `Regenerate it: node --import tsx -e "const {POLICY_SCHEMA}=require('./compliance/src/policy/policy-schema.ts');require('fs').writeFileSync('compliance/src/policy/policy.schema.json',JSON.stringify(POLICY_SCHEMA,null,2)+'\\n')"`,
  );
});

test('the schema requires exactly the fields of a policy document and no others', (t) => {
  const documentFields = Object.keys(policyToDocument(samplePolicy())).sort();
  t.deepEqual([...(POLICY_SCHEMA.required as string[])].sort(), documentFields);
  t.deepEqual(Object.keys(POLICY_SCHEMA.properties as object).sort(), documentFields);
  t.deepEqual([...POLICY_FIELDS].sort(), documentFields);
  t.is(POLICY_SCHEMA.additionalProperties, false);
});

test('the schema is draft 2020-12 and lists the same jurisdictions and investor types the parser knows', (t) => {
  t.is(POLICY_SCHEMA.$schema, 'https://json-schema.org/draft/2020-12/schema');
  const defs = POLICY_SCHEMA.$defs as { jurisdiction: { enum: string[] } };
  t.deepEqual(defs.jurisdiction.enum, [...JURISDICTIONS]);
  t.is(JURISDICTIONS.length, 249);
  const types = POLICY_SCHEMA.properties as { allowedInvestorTypes: { items: { enum: string[] } } };
  t.deepEqual(types.allowedInvestorTypes.items.enum, [...INVESTOR_TYPES]);
});

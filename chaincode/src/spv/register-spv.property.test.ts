import test from 'ava';
import fc from 'fast-check';
import { CAST, castLedger } from '../testing/ledger-cast';
import { documentText, httpsUri, mostly, succeedsOrRefusesCleanly } from '../testing/malformed-input';
import { SpvContract } from './spv-contract';

const contract = new SpvContract();

const hash = fc.stringMatching(/^[0-9a-f]{64}$/);
const spvJson = documentText({
  spvId: mostly(fc.stringMatching(/^[A-Z0-9-]{1,16}$/)),
  legalName: mostly(fc.string({ minLength: 1, maxLength: 200 }), fc.string({ minLength: 201, maxLength: 300 })),
  jurisdiction: mostly(fc.constantFrom('CH', 'DE', 'LI'), fc.constantFrom('UK', 'ch', 'XK', 'CHE')),
  registrationNumber: mostly(fc.string({ minLength: 1, maxLength: 64 }), fc.constantFrom('', 'a\u0000b', 'x'.repeat(65))),
  trustee: mostly(fc.string({ minLength: 1, maxLength: 200 }), fc.constantFrom('', 'line\nbreak')),
  documents: mostly(
    fc.oneof(
      { weight: 9, arbitrary: fc.array(fc.record({ kind: mostly(fc.stringMatching(/^[a-z][a-z-]{0,20}$/)), sha256: mostly(hash, hash.map((h) => h.toUpperCase())), uri: mostly(httpsUri, fc.constant('no scheme')) }), { maxLength: 3 }) },
      { weight: 1, arbitrary: fc.array(fc.record({ kind: fc.constant('page'), sha256: hash, uri: httpsUri }), { minLength: 30, maxLength: 34 }) },
    ),
  ),
});

test('RegisterSpv on any input either registers with one event or refuses with a TrestleError and writes nothing', async (t) => {
  const base = await castLedger();
  let registered = 0;
  await fc.assert(
    fc.asyncProperty(spvJson, async (text) => {
      if (await succeedsOrRefusesCleanly(base, CAST.spvAdmin, (ctx) => contract.RegisterSpv(ctx, text as string))) registered += 1;
    }),
    { numRuns: 300 },
  );
  // Both outcomes occur, so neither the success path nor the refusals go untested.
  t.log(`${registered} of 300 runs succeeded`);
  t.true(registered > 5 && registered < 295, `${registered} of 300 runs succeeded`);
});

import test from 'ava';
import fc from 'fast-check';
import { CAST, T0, unixSeconds } from '../testing/ledger-cast';
import { ASSET_ID, ONE_YEAR_LATER } from '../testing/ledger-documents';
import { ledgerAt } from '../testing/ledger-story';
import { documentText, httpsUri, junk, mostly, succeedsOrRefusesCleanly } from '../testing/malformed-input';
import { AssetContract } from './asset-contract';

const contract = new AssetContract();

const valuationJson = documentText({
  amount: mostly(fc.bigInt({ min: 1n, max: 10n ** 77n }).map(String), fc.oneof(fc.bigInt({ min: -10n, max: 0n }).map(String), fc.constantFrom('1.5', '007', '1e6', '9'.repeat(79)))),
  currency: mostly(fc.constantFrom('CHF', 'EUR', 'USD', 'XAU'), fc.constantFrom('chf', 'XXX', 'EURO')),
  method: mostly(fc.string({ minLength: 1, maxLength: 128 }), fc.constantFrom('', 'm'.repeat(129))),
  effectiveDate: mostly(
    fc.date({ min: new Date('2025-01-01'), max: new Date('2026-03-01'), noInvalidDate: true }).map((date) => date.toISOString().slice(0, 10)),
    fc.constantFrom('2026-03-02', '2026-02-30', '01.03.2026'),
  ),
  validUntil: mostly(fc.integer({ min: unixSeconds(T0) + 1, max: ONE_YEAR_LATER }), fc.oneof(fc.integer({ min: 0, max: unixSeconds(T0) }), fc.constant(1.8e9 + 0.5))),
  reportSha256: mostly(fc.stringMatching(/^[0-9a-f]{64}$/)),
  reportUri: mostly(httpsUri),
});

test('RecordValuation on any input either records with one event or refuses with a TrestleError and writes nothing', async (t) => {
  const base = await ledgerAt('DOCUMENTED');
  let recorded = 0;
  await fc.assert(
    fc.asyncProperty(fc.oneof({ weight: 9, arbitrary: fc.constant(ASSET_ID) }, { weight: 1, arbitrary: junk }), valuationJson, async (assetId, text) => {
      if (await succeedsOrRefusesCleanly(base, CAST.appraiser, (ctx) => contract.RecordValuation(ctx, assetId as string, text as string))) recorded += 1;
    }),
    { numRuns: 300 },
  );
  // Both outcomes occur, so neither the success path nor the refusals go untested.
  t.log(`${recorded} of 300 runs succeeded`);
  t.true(recorded > 5 && recorded < 295, `${recorded} of 300 runs succeeded`);
});

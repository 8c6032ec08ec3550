import test from 'ava';
import fc from 'fast-check';
import { CAST, castLedger, T0, unixSeconds } from '../testing/ledger-cast';
import { ONE_YEAR_LATER } from '../testing/ledger-documents';
import { documentText, mostly, succeedsOrRefusesCleanly } from '../testing/malformed-input';
import { InvestorContract } from './investor-contract';

const contract = new InvestorContract();
const now = unixSeconds(T0);

const investorJson = documentText({
  investorId: mostly(fc.stringMatching(/^INV-[0-9]{1,6}$/), fc.constantFrom('INV 1', '', 'x'.repeat(129))),
  jurisdiction: mostly(fc.constantFrom('CH', 'DE', 'US'), fc.constantFrom('UK', 'ch')),
  investorType: mostly(fc.constantFrom('retail', 'professional', 'accredited', 'qualified-institutional'), fc.constant('vip')),
  kycLevel: mostly(fc.constantFrom('simplified', 'standard', 'enhanced'), fc.constant('max')),
  kycExpiresAt: mostly(fc.integer({ min: now + 1, max: ONE_YEAR_LATER }), fc.oneof(fc.integer({ min: 0, max: now }), fc.constant(now + 0.5))),
  sanctions: mostly(
    fc.record({ status: fc.constantFrom('clear', 'hit', 'pending'), listVersion: fc.string({ minLength: 1, maxLength: 128 }), screenedAt: fc.integer({ min: 0, max: now }) }),
    fc.record({ status: fc.constantFrom('clear', 'unknown'), listVersion: fc.constantFrom('', 'SDN'), screenedAt: fc.integer({ min: now + 1, max: now + 10 }) }),
  ),
});

const piiText = documentText({
  fullName: mostly(fc.string({ minLength: 1, maxLength: 200 }), fc.constant('')),
  birthDate: mostly(fc.constantFrom('1980-05-17', null), fc.constant('1980-02-30')),
  address: mostly(fc.record({ lines: fc.array(fc.string({ minLength: 1, maxLength: 40 }), { minLength: 1, maxLength: 4 }), postalCode: fc.string({ maxLength: 32 }), city: fc.string({ minLength: 1, maxLength: 100 }), country: fc.constant('CH') })),
  documents: mostly(fc.array(fc.record({ type: fc.constantFrom('passport', 'national-id'), reference: fc.string({ minLength: 1, maxLength: 128 }), issuingCountry: fc.constant('CH') }), { maxLength: 8 })),
  salt: mostly(fc.stringMatching(/^[0-9a-f]{32,64}$/), fc.constant('short')),
});

test('OnboardInvestor on any record and PII either onboards with one event or refuses with a TrestleError, writing no state or private data', async (t) => {
  const base = await castLedger();
  let onboarded = 0;
  await fc.assert(
    fc.asyncProperty(investorJson, fc.option(piiText, { freq: 10 }), async (text, pii) => {
      const transient: Record<string, string> = typeof pii === 'string' ? { pii } : {};
      if (await succeedsOrRefusesCleanly(base, CAST.bankAOfficer, (ctx) => contract.OnboardInvestor(ctx, text as string), { transient })) onboarded += 1;
    }),
    { numRuns: 300 },
  );
  t.log(`${onboarded} of 300 runs succeeded`);
  t.true(onboarded > 5 && onboarded < 295, `${onboarded} of 300 runs succeeded`);
});

import test from 'ava';
import fc from 'fast-check';
import { isDeepStrictEqual } from 'node:util';
import { isTrestleError } from '@trestle/compliance/src/errors/trestle-error';
import { CAST, castLedger, T0, tx, unixSeconds } from '../testing/ledger-cast';
import { ONE_YEAR_LATER } from '../testing/ledger-documents';
import { documentText, mostly, submitCleanly } from '../testing/malformed-input';
import { stagePii } from '../testing/staged-pii';
import { privateStateOf, snapshot, snapshotLedger } from '../testing/stub-context';
import { InvestorContract } from './investor-contract';

const contract = new InvestorContract();
const now = unixSeconds(T0);
/** A well-formed hash under which nothing is staged. */
const NEVER_STAGED = '0'.repeat(64);

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

/** The investor id a document text names, when it is text at all (the stage key needs one). */
function investorIdOf(text: unknown): string {
  try {
    const id = (JSON.parse(String(text)) as { investorId?: unknown }).investorId;
    return typeof id === 'string' && id.length > 0 ? id : 'INV-1';
  } catch {
    return 'INV-1';
  }
}

test('StageInvestorPii on any PII either stages it, writing only the bank\'s collection and no event, or refuses with a TrestleError writing nothing', async (t) => {
  const base = await castLedger();
  let staged = 0;
  await fc.assert(
    fc.asyncProperty(fc.option(piiText, { freq: 10 }), async (pii) => {
      const worldState = snapshot(base);
      const before = snapshotLedger(worldState);
      const staging = tx(CAST.bankAOfficer, worldState, { transient: typeof pii === 'string' ? { pii } : {} });
      try {
        const piiHash = await contract.StageInvestorPii(staging.ctx, 'INV-1');
        staged += 1;
        const after = snapshotLedger(worldState);
        if (!isDeepStrictEqual(after.worldState, before.worldState) || staging.events.length !== 0) throw new Error('staging wrote public state or set an event');
        if (!/^[0-9a-f]{64}$/.test(piiHash) || privateStateOf(worldState).get('_implicit_org_BankAMSP')?.size !== 1) throw new Error('staging did not store one value under its hash');
      } catch (error) {
        if (!isTrestleError(error)) throw error;
        if (!isDeepStrictEqual(snapshotLedger(worldState), before)) throw new Error(`refused with ${error.code} but wrote to the ledger`);
      }
    }),
    { numRuns: 200 },
  );
  t.true(staged > 5 && staged < 195, `${staged} of 200 runs staged`);
});

test('OnboardInvestor on any record, with its PII staged or a hash never staged, either onboards with one event or refuses with a TrestleError, writing no state or private data', async (t) => {
  const base = await castLedger();
  let onboarded = 0;
  await fc.assert(
    fc.asyncProperty(investorJson, fc.boolean(), async (text, stage) => {
      const worldState = snapshot(base);
      const piiHash = stage ? await stagePii(CAST.bankAOfficer, worldState, investorIdOf(text)).catch(() => NEVER_STAGED) : NEVER_STAGED;
      if (await submitCleanly(worldState, CAST.bankAOfficer, (ctx) => contract.OnboardInvestor(ctx, text as string, piiHash))) onboarded += 1;
    }),
    { numRuns: 300 },
  );
  t.log(`${onboarded} of 300 runs succeeded`);
  t.true(onboarded > 5 && onboarded < 295, `${onboarded} of 300 runs succeeded`);
});

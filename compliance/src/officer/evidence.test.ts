import test from 'ava';
import { identityIdOf } from '@trestle/chaincode/src/testing/stub-context';
import { TrestleError } from '../errors/trestle-error';
import type { Requester } from '../vault/access/access-gate';
import { CAST_IDENTITIES } from './testing/officer-cast';
import { startHarness } from './testing/officer-harness';
import type { OfficerVault } from './vault/officer-vault';

// The evidence route with a stand-in vault: what the service passes to the vault and how the
// vault's typed refusals reach the caller. The real share services are driven by
// console/test/console-kyc-vault.test.ts.

const PATH = '/api/v1/investors/INV-A-0001/evidence/KYC-INV-A-0001';
const HASH = 'a'.repeat(64);

function fakeVault(open: (requester: Requester) => Promise<Uint8Array>): OfficerVault & { asked: Requester[] } {
  const asked: Requester[] = [];
  return {
    asked,
    open: async (contentHash, requester) => {
      if (contentHash !== HASH) throw new Error('wrong hash');
      asked.push(requester);
      return open(requester);
    },
    locate: async (investorId, fileId) => (investorId === 'INV-A-0001' && fileId === 'KYC-INV-A-0001' ? HASH : undefined),
    requesterOf: (account) => ({ identityId: identityIdOf(CAST_IDENTITIES[account.walletLabel]!), mspId: account.mspId, role: account.role }),
  };
}

test('without a vault the route answers 503 OFFICER_VAULT_NOT_CONFIGURED', async (t) => {
  const harness = await startHarness();
  t.teardown(harness.close);
  const answer = await (await harness.as('alice')).send('GET', PATH);
  t.is(answer.status, 503);
  t.is((answer.body as { code: string }).code, 'OFFICER_VAULT_NOT_CONFIGURED');
});

test('the file is opened as the logged-in officer and returned as base64; an unknown file is 404', async (t) => {
  const vault = fakeVault(async () => new TextEncoder().encode('passport scan'));
  const harness = await startHarness({ vault });
  t.teardown(harness.close);
  const alice = await harness.as('alice');
  const answer = await alice.send('GET', PATH);
  t.is(answer.status, 200);
  t.like(answer.body, { investorId: 'INV-A-0001', fileId: 'KYC-INV-A-0001', contentHash: HASH, size: 13, base64: Buffer.from('passport scan').toString('base64') });
  t.deepEqual(vault.asked, [{ identityId: identityIdOf(CAST_IDENTITIES.alice!), mspId: 'BankAMSP', role: 'compliance-officer' }]);
  const missing = await alice.send('GET', '/api/v1/investors/INV-A-0001/evidence/KYC-NONE');
  t.is(missing.status, 404);
  t.is((missing.body as { code: string }).code, 'OFFICER_EVIDENCE_NOT_FOUND');
});

for (const [code, status] of [['VAULT_ACCESS_DENIED', 403], ['VAULT_NOT_ENOUGH_SHARES', 503]] as const) {
  test(`the vault's ${code} reaches the caller as ${status} with its code`, async (t) => {
    const harness = await startHarness({ vault: fakeVault(async () => { throw new TrestleError(code, 'refused by the vault'); }) });
    t.teardown(harness.close);
    const answer = await (await harness.as('rita')).send('GET', PATH);
    t.is(answer.status, status);
    t.is((answer.body as { code: string }).code, code);
  });
}

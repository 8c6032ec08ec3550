import test from 'ava';
import { EvidenceContract } from '@trestle/chaincode/src/evidence/evidence-contract';
import { ledgerForBridge } from '@trestle/chaincode/src/testing/bridge-story';
import { tx } from '@trestle/chaincode/src/testing/ledger-cast';
import { identityIdOf } from '@trestle/chaincode/src/testing/stub-context';
import { TrestleError } from '../errors/trestle-error';
import type { Requester } from '../vault/access/access-gate';
import { CAST_IDENTITIES } from './testing/officer-cast';
import { startHarness } from './testing/officer-harness';
import { locateRegisteredFile } from './vault/locate-registered-file';
import type { OfficerVault } from './vault/officer-vault';

// The evidence routes with a stand-in vault: what the service passes to the vault, how the
// vault's typed refusals reach the caller, and the ledger lookup of registered files (in-process
// stub ledger). The real share services are driven by evidence-vault.test.ts and
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

test('the routes find files on the ledger as the person asks: the registered content hash for the investor bank, CALLER_OF_OTHER_BANK for another', async (t) => {
  const worldState = await ledgerForBridge();
  const registered = { investorId: 'INV-A-0001', fileId: 'KYC-2026-1', kind: 'kyc', contentHash: 'e1'.repeat(32), dataHash: 'cd'.repeat(32), size: 13 };
  await new EvidenceContract().RegisterEvidence(tx(CAST_IDENTITIES.alice!, worldState).ctx, JSON.stringify(registered));
  const opened: string[] = [];
  const open = async (contentHash: string) => {
    opened.push(contentHash);
    return new TextEncoder().encode('passport scan');
  };
  const vault: OfficerVault = { ...fakeVault(async () => new Uint8Array()), locate: locateRegisteredFile, open };
  const withVault = await startHarness({ vault }, worldState);
  t.teardown(withVault.close);
  const alice = await withVault.as('alice');
  const list = await alice.send('GET', '/api/v1/investors/INV-A-0001/evidence');
  t.is(list.status, 200);
  t.like((list.body as { records: unknown[] }).records[0], registered);
  t.is((await alice.send('GET', '/api/v1/investors/INV-A-0001/evidence/KYC-2026-1')).status, 200);
  t.deepEqual(opened, [registered.contentHash]);
  t.is(((await alice.send('GET', '/api/v1/investors/INV-A-0001/evidence/KYC-NONE')).body as { code: string }).code, 'OFFICER_EVIDENCE_NOT_FOUND');
  const carol = await withVault.as('carol');
  for (const path of ['/api/v1/investors/INV-A-0001/evidence', '/api/v1/investors/INV-A-0001/evidence/KYC-2026-1']) {
    const refused = await carol.send('GET', path);
    t.is(refused.status, 403, path);
    t.is((refused.body as { code: string }).code, 'CALLER_OF_OTHER_BANK', path);
  }
  t.deepEqual(opened, [registered.contentHash], 'nothing opened for carol');
});

import test from 'ava';
import { INVESTORS } from '@trestle/chaincode/src/testing/ledger-story';
import { ASSET_ID } from '@trestle/chaincode/src/testing/ledger-documents';
import { request, transferOf, transferRequest } from '@trestle/chaincode/src/testing/transfer-story';
import { loadOfficerSpec, type OpenApiDocument } from './http/openapi-document';
import { addBankBOnlyRequests, BANK_B_ONLY } from './testing/bank-b-story';
import { startHarness } from './testing/officer-harness';

type Overview = { banks: Array<{ bankMsp: string; transfers: { records: Array<{ transfer: { transferId: string } }> }; bridgeOuts: { records: Array<{ bridgeOut: { bridgeOutId: string } }> } }> };

async function harnessWithRequests(options = {}) {
  const harness = await startHarness(options);
  await request(harness.worldState, transferRequest('T-A-B', 5_000n));
  await addBankBOnlyRequests(harness.worldState);
  return harness;
}

test("the regulator reads every bank's queues, any transfer, investors and the audit trail", async (t) => {
  const harness = await harnessWithRequests();
  t.teardown(harness.close);
  const rita = await harness.as('rita');
  const overview = await rita.send('GET', '/api/v1/regulator/overview');
  t.is(overview.status, 200, overview.text);
  const banks = (overview.body as Overview).banks.map((bank) => [bank.bankMsp, bank.transfers.records.map((r) => r.transfer.transferId), bank.bridgeOuts.records.map((r) => r.bridgeOut.bridgeOutId)]);
  t.deepEqual(banks, [
    ['BankAMSP', ['T-A-B'], []],
    ['BankBMSP', ['T-A-B', BANK_B_ONLY.transferId], [BANK_B_ONLY.bridgeOutId]],
    ['BankCMSP', [], []],
  ]);
  t.like((await rita.send('GET', `/api/v1/transfers/${BANK_B_ONLY.transferId}`)).body, { transfer: { status: 'PENDING' }, evidence: { sender: { investorId: INVESTORS.chloeB } } });
  t.is((await rita.send('GET', '/api/v1/investors?bank=BankBMSP')).status, 200);
  t.is((await rita.send('GET', '/api/v1/pending/transfers?bank=BankAMSP')).status, 200);
  const audit = await rita.send('GET', '/api/v1/audit?from=2026-01-01T00:00:00.000Z&to=2027-01-01T00:00:00.000Z&action=transfer-requested');
  t.deepEqual((audit.body as { records: Array<{ transferId: string }> }).records.map((r) => r.transferId), ['T-A-B', BANK_B_ONLY.transferId]);
  const alice = await harness.as('alice');
  t.like((await alice.send('GET', '/api/v1/regulator/overview')).body, { code: 'OFFICER_ROLE_FORBIDDEN' }, 'officers do not get the cross-bank view');
});

test("the regulator freezes and unfreezes any bank's investor", async (t) => {
  const harness = await harnessWithRequests();
  t.teardown(harness.close);
  const rita = await harness.as('rita');
  const frozen = await rita.send('POST', `/api/v1/holdings/${ASSET_ID}/${INVESTORS.chloeB}/freeze`, { json: { amount: '40000', reason: 'Court order 2026/17' } });
  t.is(frozen.status, 200, frozen.text);
  t.like(frozen.body, { frozen: '40000', balance: '100000' });
  const full = await rita.send('POST', `/api/v1/holdings/${ASSET_ID}/${INVESTORS.annaA}/freeze`, { json: { reason: 'Sanctions hit under review' } });
  t.like(full.body, { frozen: '600000' });
  t.like((await rita.send('POST', `/api/v1/holdings/${ASSET_ID}/${INVESTORS.chloeB}/unfreeze`, { json: { reason: 'Order lifted' } })).body, { frozen: '0' });
});

test('the regulator cannot approve, reject, onboard or read PII: refused by the service with a typed 403, nothing written', async (t) => {
  const harness = await harnessWithRequests();
  t.teardown(harness.close);
  const rita = await harness.as('rita');
  const before = harness.snapshot();
  const attempts: Array<[string, string, unknown]> = [
    ['POST', '/api/v1/transfers/T-A-B/approve', { reason: 'fine' }],
    ['POST', '/api/v1/transfers/T-A-B/reject', { reason: 'not fine' }],
    ['POST', `/api/v1/bridge-outs/${BANK_B_ONLY.bridgeOutId}/approve`, { reason: 'fine' }],
    ['POST', '/api/v1/investors', { investor: {}, pii: {} }],
    ['GET', `/api/v1/investors/${INVESTORS.annaA}/pii`, undefined],
  ];
  for (const [method, path, json] of attempts) {
    const answer = await rita.send(method, path, json === undefined ? {} : { json });
    t.is(answer.status, 403, `${method} ${path}`);
    t.like(answer.body, { code: 'OFFICER_ROLE_FORBIDDEN', details: { role: 'regulator' } });
  }
  t.deepEqual(harness.snapshot(), before);
});

test("the chaincode refuses the regulator's approval on its own: with the service's check loosened, CALLER_LACKS_ROLE comes back as a typed 403", async (t) => {
  const loosened = structuredClone(loadOfficerSpec()) as unknown as { paths: Record<string, Record<string, Record<string, unknown>>> };
  const approve = loosened.paths['/api/v1/transfers/{transferId}/approve']?.post;
  if (approve === undefined) throw new Error('the spec has no approveTransfer');
  approve['x-trestle-access'] = ['compliance-officer', 'regulator'];
  const harness = await harnessWithRequests({ spec: loosened as unknown as OpenApiDocument });
  t.teardown(harness.close);
  const rita = await harness.as('rita');
  const before = harness.snapshot();
  const answer = await rita.send('POST', '/api/v1/transfers/T-A-B/approve', { json: { reason: 'fine' } });
  t.is(answer.status, 403);
  t.like(answer.body, { code: 'CALLER_LACKS_ROLE' });
  t.deepEqual(harness.snapshot(), before);
  t.is((await transferOf(harness.worldState, 'T-A-B')).approvals.length, 0);
});

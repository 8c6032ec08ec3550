import test from 'ava';
import { INVESTORS } from '@trestle/chaincode/src/testing/ledger-story';
import { ASSET_ID } from '@trestle/chaincode/src/testing/ledger-documents';
import { bridgeOutOf } from '@trestle/chaincode/src/testing/bridge-story';
import { request, transferOf, transferRequest } from '@trestle/chaincode/src/testing/transfer-story';
import { addBankBOnlyRequests, BANK_B_ONLY } from './testing/bank-b-story';
import { startHarness } from './testing/officer-harness';
import type { OfficerClient } from './testing/officer-client';

// The service passes a BankA officer's request on, signed as that officer; the chaincode refuses
// what belongs to BankB, and the refusal comes back as a typed 403 with nothing written.

async function refusedAsOtherBank(t: import('ava').ExecutionContext, snapshot: () => unknown, client: OfficerClient, method: string, path: string, json?: unknown, code = 'CALLER_OF_OTHER_BANK') {
  const before = snapshot();
  const answer = await client.send(method, path, json === undefined ? {} : { json });
  t.is(answer.status, 403, `${method} ${path}: ${answer.text}`);
  t.like(answer.body, { code }, `${method} ${path}`);
  t.deepEqual(snapshot(), before, `${method} ${path} changed nothing`);
}

test("a BankA officer can neither approve nor reject BankB's transfer or bridge-out, nor read or freeze BankB's side", async (t) => {
  const harness = await startHarness();
  t.teardown(harness.close);
  await addBankBOnlyRequests(harness.worldState);
  const alice = await harness.as('alice');
  const snapshot = () => harness.snapshot();
  const decision = { reason: 'looks fine to me' };
  await refusedAsOtherBank(t, snapshot, alice, 'POST', `/api/v1/transfers/${BANK_B_ONLY.transferId}/approve`, decision);
  await refusedAsOtherBank(t, snapshot, alice, 'POST', `/api/v1/transfers/${BANK_B_ONLY.transferId}/reject`, decision);
  await refusedAsOtherBank(t, snapshot, alice, 'POST', `/api/v1/bridge-outs/${BANK_B_ONLY.bridgeOutId}/approve`, decision);
  await refusedAsOtherBank(t, snapshot, alice, 'POST', `/api/v1/bridge-outs/${BANK_B_ONLY.bridgeOutId}/reject`, decision);
  await refusedAsOtherBank(t, snapshot, alice, 'POST', `/api/v1/holdings/${ASSET_ID}/${INVESTORS.chloeB}/freeze`, { reason: 'suspicious' });
  await refusedAsOtherBank(t, snapshot, alice, 'GET', '/api/v1/pending/transfers?bank=BankBMSP');
  await refusedAsOtherBank(t, snapshot, alice, 'GET', '/api/v1/pending/bridge-outs?bank=BankBMSP');
  await refusedAsOtherBank(t, snapshot, alice, 'GET', '/api/v1/investors?bank=BankBMSP');
  await refusedAsOtherBank(t, snapshot, alice, 'GET', `/api/v1/investors/${INVESTORS.chloeB}/pii`, undefined, 'PII_ACCESS_DENIED');
  t.is((await transferOf(harness.worldState, BANK_B_ONLY.transferId)).approvals.length, 0);

  // BankB's own second officer may (Carol requested them, so she may not).
  const bert = await harness.as('bert');
  t.like((await bert.send('POST', `/api/v1/bridge-outs/${BANK_B_ONLY.bridgeOutId}/approve`, { json: decision })).body, { bridgeOut: { status: 'APPROVED' }, missingApprovals: [] });
  t.is((await bridgeOutOf(harness.worldState, BANK_B_ONLY.bridgeOutId)).status, 'APPROVED');
  const carol = await harness.as('carol');
  await refusedAsOtherBank(t, snapshot, carol, 'POST', `/api/v1/transfers/${BANK_B_ONLY.transferId}/approve`, decision, 'TRANSFER_SELF_APPROVAL');
});

test("on a BankA → BankB transfer BankA's approval never stands in for BankB's, and one officer approves once", async (t) => {
  const harness = await startHarness();
  t.teardown(harness.close);
  await request(harness.worldState, transferRequest('T-A-B', 5_000n));
  const alice = await harness.as('alice');
  t.like((await alice.send('POST', '/api/v1/transfers/T-A-B/approve', { json: { reason: 'ok' } })).body, { transfer: { status: 'PENDING' }, missingApprovals: ["an officer of the receiver's bank BankBMSP"] });
  const before = harness.snapshot();
  const again = await alice.send('POST', '/api/v1/transfers/T-A-B/approve', { json: { reason: 'ok again' } });
  t.is(again.status, 409);
  t.like(again.body, { code: 'TRANSFER_ALREADY_APPROVED' });
  t.deepEqual(harness.snapshot(), before);
  t.is((await transferOf(harness.worldState, 'T-A-B')).status, 'PENDING');
});

import test from 'ava';
import { request, transferOf, transferRequest } from '@trestle/chaincode/src/testing/transfer-story';
import { startHarness } from '../testing/officer-harness';

const APPROVE = '/api/v1/transfers/T-CSRF/approve';
const REASON = { json: { reason: 'checked' } };

async function withPendingTransfer() {
  const harness = await startHarness();
  await request(harness.worldState, transferRequest('T-CSRF', 5_000n));
  return harness;
}

test('a state-changing request without the CSRF token is refused with a typed 403 and changes nothing', async (t) => {
  const harness = await withPendingTransfer();
  t.teardown(harness.close);
  const alice = await harness.as('alice');
  const before = harness.snapshot();
  const answer = await alice.send('POST', APPROVE, { ...REASON, csrf: false });
  t.is(answer.status, 403);
  t.like(answer.body, { code: 'OFFICER_CSRF_REJECTED', details: {} });
  t.deepEqual(harness.snapshot(), before, 'the ledger is unchanged');
  const logout = await alice.send('DELETE', '/api/v1/session', { csrf: false });
  t.is(logout.status, 403, 'logging out is state-changing too');
  t.is((await alice.send('GET', '/api/v1/session')).status, 200, 'and the session survived it');
});

test("a wrong token, such as another person's, is refused", async (t) => {
  const harness = await withPendingTransfer();
  t.teardown(harness.close);
  const alice = await harness.as('alice');
  const carol = await harness.as('carol');
  const before = harness.snapshot();
  for (const token of [carol.csrfToken ?? '', 'x', `${alice.csrfToken ?? ''}x`, '']) {
    const answer = await alice.send('POST', APPROVE, { ...REASON, csrf: token });
    t.is(answer.status, 403);
    t.like(answer.body, { code: 'OFFICER_CSRF_REJECTED' });
  }
  t.deepEqual(harness.snapshot(), before);
});

test('a request another site started is refused even with the right token, and so is a login from there', async (t) => {
  const harness = await withPendingTransfer();
  t.teardown(harness.close);
  const alice = await harness.as('alice');
  const before = harness.snapshot();
  const foreign: ReadonlyArray<Record<string, string>> = [{ origin: 'https://evil.example' }, { origin: 'null' }, { 'sec-fetch-site': 'cross-site' }];
  for (const headers of foreign) {
    const answer = await alice.send('POST', APPROVE, { ...REASON, headers });
    t.is(answer.status, 403, JSON.stringify(headers));
    t.like(answer.body, { code: 'OFFICER_CSRF_REJECTED' });
    const login = await harness.client().send('POST', '/api/v1/session', { json: { username: 'alice', password: 'irrelevant' }, headers });
    t.like(login.body, { code: 'OFFICER_CSRF_REJECTED' });
  }
  t.deepEqual(harness.snapshot(), before);
});

test("with the session's token and its own origin the same request goes through; reads need no token", async (t) => {
  const harness = await withPendingTransfer();
  t.teardown(harness.close);
  const alice = await harness.as('alice');
  t.is((await alice.send('GET', '/api/v1/transfers/T-CSRF', { csrf: false })).status, 200);
  const answer = await alice.send('POST', APPROVE, { ...REASON, headers: { origin: harness.server.url, 'sec-fetch-site': 'same-origin' } });
  t.is(answer.status, 200, answer.text);
  t.is((await transferOf(harness.worldState, 'T-CSRF')).approvals.length, 1);
});

test('a non-JSON body (what a cross-site HTML form can send) is refused with 415 before anything runs', async (t) => {
  const harness = await withPendingTransfer();
  t.teardown(harness.close);
  const alice = await harness.as('alice');
  const before = harness.snapshot();
  const answer = await alice.send('POST', APPROVE, { raw: 'reason=checked', contentType: 'application/x-www-form-urlencoded' });
  t.is(answer.status, 415);
  t.like(answer.body, { code: 'OFFICER_MEDIA_TYPE_UNSUPPORTED' });
  t.deepEqual(harness.snapshot(), before);
});

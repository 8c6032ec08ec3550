import test from 'ava';
import { readFile, rename, writeFile } from 'node:fs/promises';
import { startHarness } from '../testing/officer-harness';

const MINUTE = 60;

test('a session left idle for thirty minutes ends; activity keeps it alive until then', async (t) => {
  const harness = await startHarness();
  t.teardown(harness.close);
  const alice = await harness.as('alice');
  for (let i = 0; i < 3; i += 1) {
    harness.clock.advance(29 * MINUTE);
    t.is((await alice.send('GET', '/api/v1/session')).status, 200);
  }
  harness.clock.advance(30 * MINUTE);
  const expired = await alice.send('GET', '/api/v1/pending/transfers');
  t.is(expired.status, 401);
  t.like(expired.body, { code: 'OFFICER_NOT_AUTHENTICATED' });
});

test('a session ends eight hours after login however active it is', async (t) => {
  const harness = await startHarness();
  t.teardown(harness.close);
  const alice = await harness.as('alice');
  for (let minutes = 20; minutes < 8 * 60; minutes += 20) {
    harness.clock.advance(20 * MINUTE);
    t.is((await alice.send('GET', '/api/v1/session')).status, 200, `at ${minutes} minutes`);
  }
  harness.clock.advance(20 * MINUTE);
  t.like((await alice.send('GET', '/api/v1/session')).body, { code: 'OFFICER_NOT_AUTHENTICATED' });
});

test('logout ends the session on the server and clears the cookie', async (t) => {
  const harness = await startHarness();
  t.teardown(harness.close);
  const alice = await harness.as('alice');
  const cookie = alice.cookie;
  const answer = await alice.send('DELETE', '/api/v1/session');
  t.is(answer.status, 204);
  t.regex(answer.headers.getSetCookie()[0] ?? '', /^trestle_session=; Path=\/; HttpOnly; SameSite=Strict; Max-Age=0$/);
  alice.cookie = cookie;
  t.is((await alice.send('GET', '/api/v1/session')).status, 401, 'the old cookie no longer opens anything');
});

test('each login gets a new session id and ends the one the browser had', async (t) => {
  const harness = await startHarness();
  t.teardown(harness.close);
  const alice = await harness.as('alice');
  const first = alice.cookie;
  t.is((await alice.login('alice')).status, 200);
  t.not(alice.cookie, first);
  const stale = harness.client();
  stale.cookie = first;
  t.is((await stale.send('GET', '/api/v1/session')).status, 401);
});

test("removing an account or changing its role ends that account's sessions at the next request", async (t) => {
  const harness = await startHarness();
  t.teardown(harness.close);
  const alice = await harness.as('alice');
  const carol = await harness.as('carol');
  const document = JSON.parse(await readFile(harness.accounts.path, 'utf8')) as { accounts: Array<{ username: string; role: string }> };
  document.accounts = document.accounts.filter((account) => account.username !== 'alice').map((account) => (account.username === 'carol' ? { ...account, role: 'regulator' } : account));
  await writeFile(`${harness.accounts.path}.new`, JSON.stringify(document), { mode: 0o600 });
  await rename(`${harness.accounts.path}.new`, harness.accounts.path);
  for (const client of [alice, carol]) t.like((await client.send('GET', '/api/v1/session')).body, { code: 'OFFICER_NOT_AUTHENTICATED' });
  t.truthy((await harness.as('rita')).cookie, 'others still log in');
});

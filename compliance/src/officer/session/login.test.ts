import test from 'ava';
import { startHarness, type Harness } from '../testing/officer-harness';
import { PASSWORD } from '../testing/officer-cast';
import type { Answer } from '../testing/officer-client';
import { ADDRESS_THROTTLE } from './login-throttle';

const WRONG = 'not the password at all';

async function login(harness: Harness, username: string, password: string): Promise<Answer> {
  return harness.client().login(username, password);
}

const retryAfter = (answer: Answer) => (answer.body as { details: { retryAfterSeconds?: number } }).details.retryAfterSeconds;

test('the right password opens a session: HttpOnly, SameSite=Strict cookie, no Secure over plain HTTP, and a CSRF token', async (t) => {
  const harness = await startHarness();
  t.teardown(harness.close);
  const client = harness.client();
  const answer = await client.login('alice');
  t.is(answer.status, 200);
  t.like(answer.body, { username: 'alice', role: 'compliance-officer', mspId: 'BankAMSP', displayName: 'Alice (BankA)' });
  t.regex((answer.body as { csrfToken: string }).csrfToken, /^[A-Za-z0-9_-]{43}$/);
  const cookie = answer.headers.getSetCookie()[0] ?? '';
  t.regex(cookie, /^trestle_session=[A-Za-z0-9_-]{43}; Path=\/; HttpOnly; SameSite=Strict; Max-Age=28800$/);
  t.is((await client.send('GET', '/api/v1/session')).status, 200, 'the cookie authenticates');
  t.false(harness.logs.some((line) => line.includes(PASSWORD)));
});

test('served for TLS, the cookie is Secure and __Host- prefixed', async (t) => {
  const harness = await startHarness({ secureCookies: true });
  t.teardown(harness.close);
  const answer = await harness.client().login('alice');
  t.regex(answer.headers.getSetCookie()[0] ?? '', /^__Host-trestle_session=[A-Za-z0-9_-]{43}; Path=\/; HttpOnly; SameSite=Strict; Max-Age=28800; Secure$/);
});

test('a wrong password and an unknown username get the same typed 401 and no cookie', async (t) => {
  const harness = await startHarness();
  t.teardown(harness.close);
  const wrong = await login(harness, 'alice', WRONG);
  const unknown = await login(harness, 'nobody-here', PASSWORD);
  for (const answer of [wrong, unknown]) {
    t.is(answer.status, 401);
    t.deepEqual(answer.body, { code: 'OFFICER_LOGIN_FAILED', message: 'Wrong username or password.', details: {} });
    t.deepEqual(answer.headers.getSetCookie(), []);
  }
  t.false(harness.logs.some((line) => line.includes(WRONG) || line.includes(PASSWORD)), 'no password reaches the log');
});

test('wrong passwords are throttled with a doubling wait; while waiting even the right password is refused; success clears it', async (t) => {
  const harness = await startHarness();
  t.teardown(harness.close);
  for (let failure = 1; failure <= 3; failure += 1) t.is(retryAfter(await login(harness, 'alice', WRONG)), undefined, `failure ${failure} is free`);
  const waits: number[] = [];
  for (let failure = 4; failure <= 7; failure += 1) {
    const answer = await login(harness, 'alice', WRONG);
    t.is(answer.status, 401);
    const wait = retryAfter(answer) ?? 0;
    waits.push(wait);
    const early = await login(harness, 'alice', PASSWORD);
    t.is(early.status, 429, 'refused before the password is checked');
    t.like(early.body, { code: 'OFFICER_LOGIN_THROTTLED', details: { retryAfterSeconds: wait } });
    t.is(early.headers.get('retry-after'), String(wait));
    harness.clock.advance(wait);
  }
  t.deepEqual(waits, [1, 2, 4, 8]);
  t.is((await login(harness, 'alice', PASSWORD)).status, 200, 'after the wait the right password works');
  t.is(retryAfter(await login(harness, 'alice', WRONG)), undefined, 'and the count started again');
});

test('ten failures in a row lock the account for fifteen minutes; other accounts are not affected; it recovers afterwards', async (t) => {
  const harness = await startHarness();
  t.teardown(harness.close);
  let last: Answer | undefined;
  for (let failure = 1; failure <= 10; failure += 1) {
    last = await login(harness, 'alice', WRONG);
    if (failure < 10) harness.clock.advance(retryAfter(last) ?? 0);
  }
  t.is(retryAfter(last as Answer), 900, 'locked');
  harness.clock.advance(899);
  t.is((await login(harness, 'alice', PASSWORD)).status, 429, 'still locked a second before the end');
  t.is((await login(harness, 'carol', PASSWORD)).status, 200, 'another account logs in meanwhile');
  harness.clock.advance(1);
  t.is((await login(harness, 'alice', PASSWORD)).status, 200, 'the lock ends after fifteen minutes');
});

test('one client address trying many usernames is throttled as an address', async (t) => {
  const harness = await startHarness({ addressThrottle: { ...ADDRESS_THROTTLE, freeFailures: 3 } });
  t.teardown(harness.close);
  for (const username of ['alice', 'bob', 'carol']) t.is(retryAfter(await login(harness, username, WRONG)), undefined);
  t.is(retryAfter(await login(harness, 'bert', WRONG)), 1, 'the fourth failure from this address makes it wait');
  const refused = await login(harness, 'rita', PASSWORD);
  t.is(refused.status, 429, 'an account with no failure of its own waits too, from this address');
  harness.clock.advance(1);
  t.is((await login(harness, 'rita', PASSWORD)).status, 200);
});

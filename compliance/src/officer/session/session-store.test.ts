import test from 'ava';
import { FakeClock } from '../testing/fake-clock';
import { castAccount } from '../testing/officer-cast';
import { SessionStore } from './session-store';

test('ids and CSRF tokens are 256-bit random, different per session; only the id opens its session', async (t) => {
  const store = new SessionStore({ absoluteSeconds: 60, idleSeconds: 30, maxSessions: 10 }, new FakeClock(new Date(0)));
  const account = await castAccount('alice');
  const one = store.create(account);
  const two = store.create(account);
  t.regex(one.id, /^[A-Za-z0-9_-]{43}$/);
  t.not(one.id, two.id);
  t.not(one.session.csrfToken, two.session.csrfToken);
  t.is(store.use(one.id), one.session);
  t.is(store.use(`${one.id}x`), undefined);
  t.is(store.use(one.session.csrfToken), undefined, 'the CSRF token is not a session id');
});

test('past maxSessions the oldest session is dropped', async (t) => {
  const store = new SessionStore({ absoluteSeconds: 60, idleSeconds: 30, maxSessions: 2 }, new FakeClock(new Date(0)));
  const account = await castAccount('alice');
  const [a, b, c] = [store.create(account), store.create(account), store.create(account)];
  t.is(store.use(a.id), undefined);
  t.truthy(store.use(b.id));
  t.truthy(store.use(c.id));
});

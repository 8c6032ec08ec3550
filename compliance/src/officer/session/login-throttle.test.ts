import test from 'ava';
import { FakeClock } from '../testing/fake-clock';
import { ACCOUNT_THROTTLE, LoginThrottle, type ThrottlePolicy } from './login-throttle';

const policy: ThrottlePolicy = { freeFailures: 2, baseDelaySeconds: 1, maxDelaySeconds: 4, lockoutAfter: 6, lockoutSeconds: 60, forgetAfterSeconds: 100, maxKeys: 3 };

test('waits double after the free failures, stop growing at the maximum, then lock', (t) => {
  const clock = new FakeClock(new Date(0));
  const throttle = new LoginThrottle(policy, clock);
  t.deepEqual([1, 2, 3, 4, 5, 6, 7].map(() => throttle.recordFailure('k')), [0, 0, 1, 2, 4, 60, 60]);
  t.is(throttle.waitSeconds('k'), 60);
  clock.advance(30);
  t.is(throttle.waitSeconds('k'), 30);
  t.is(throttle.waitSeconds('other'), 0, 'keys are independent');
});

test('a success forgets the failures; so does a quiet period after the last wait', (t) => {
  const clock = new FakeClock(new Date(0));
  const throttle = new LoginThrottle(policy, clock);
  for (let i = 0; i < 4; i += 1) throttle.recordFailure('a');
  throttle.recordSuccess('a');
  t.is(throttle.recordFailure('a'), 0);
  for (let i = 0; i < 4; i += 1) throttle.recordFailure('b');
  clock.advance(100);
  t.is(throttle.recordFailure('b'), 0, 'forgotten after forgetAfterSeconds without a failure');
});

test('it tracks at most maxKeys keys, dropping the one that failed longest ago', (t) => {
  const clock = new FakeClock(new Date(0));
  const throttle = new LoginThrottle(policy, clock);
  for (const key of ['a', 'b', 'c']) for (let i = 0; i < 3; i += 1) throttle.recordFailure(key);
  throttle.recordFailure('a');
  throttle.recordFailure('d');
  t.is(throttle.waitSeconds('b'), 0, 'b failed longest ago and was dropped');
  t.true(throttle.waitSeconds('a') > 0);
  t.true(throttle.waitSeconds('c') > 0);
});

test('the account defaults: three free tries, a wait from the fourth, locked fifteen minutes from the tenth', (t) => {
  const throttle = new LoginThrottle(ACCOUNT_THROTTLE, new FakeClock(new Date(0)));
  t.deepEqual(Array.from({ length: 10 }, () => throttle.recordFailure('k')), [0, 0, 0, 1, 2, 4, 8, 16, 32, 900]);
});

import path from 'node:path';
import test from 'ava';
import { DEFAULT_PORT_BASE, evmRpcUrl, REPO_ROOT, stackFromEnv, TEST_PORT_BASE, testStack } from './stack-config';

test('the developer stack defaults to .trestle and its own port range on loopback', (t) => {
  const stack = stackFromEnv({});
  t.deepEqual(stack, { home: path.join(REPO_ROOT, '.trestle'), portBase: DEFAULT_PORT_BASE, host: '127.0.0.1' });
  t.is(evmRpcUrl(stack), `http://127.0.0.1:${DEFAULT_PORT_BASE + 545}`);
});

test('the test stack never shares a folder or a port with the developer stack', (t) => {
  const dev = stackFromEnv({});
  const tests = testStack({});
  t.not(tests.home, dev.home);
  t.is(tests.portBase, TEST_PORT_BASE);
  t.not(evmRpcUrl(tests), evmRpcUrl(dev));
});

test('TRESTLE_HOME and TRESTLE_PORT_BASE override the defaults', (t) => {
  t.deepEqual(stackFromEnv({ TRESTLE_HOME: '/tmp/x', TRESTLE_PORT_BASE: '40000' }), { home: '/tmp/x', portBase: 40000, host: '127.0.0.1' });
});

test('a port base that is not an integer in range is refused with a message naming the variable', (t) => {
  for (const bad of ['abc', '80', '65000', '27000.5']) {
    const error = t.throws(() => stackFromEnv({ TRESTLE_PORT_BASE: bad }), { instanceOf: RangeError });
    t.regex(error?.message ?? '', /TRESTLE_PORT_BASE/);
  }
});

import test from 'ava';
import { navReaderFromEnv } from './nav-reader-from-env';

test('the NAV view is off without settings, on with both, and a half or wrong configuration stops the service with a sentence', (t) => {
  t.is(navReaderFromEnv({}), undefined);
  const reader = navReaderFromEnv({ OFFICER_EVM_RPC_URL: 'http://127.0.0.1:9', OFFICER_EVM_CHAIN_ID: '31337' });
  t.is(reader?.chainId, '31337');
  reader?.close();
  t.throws(() => navReaderFromEnv({ OFFICER_EVM_RPC_URL: 'http://127.0.0.1:9' }), { message: /half configured: set both OFFICER_EVM_RPC_URL and OFFICER_EVM_CHAIN_ID/ });
  t.throws(() => navReaderFromEnv({ OFFICER_EVM_RPC_URL: 'ftp://x', OFFICER_EVM_CHAIN_ID: '1' }), { message: /must be an http\(s\) URL/ });
  t.throws(() => navReaderFromEnv({ OFFICER_EVM_RPC_URL: 'http://127.0.0.1:9', OFFICER_EVM_CHAIN_ID: '0x7a69' }), { message: /chain id in decimal/ });
});

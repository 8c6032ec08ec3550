import test from 'ava';
import { parseClientCas, shareServiceConfigFromEnv } from './share-service-config';

test('client CAs are MSPID=file pairs, each file read once', (t) => {
  const read = (file: string) => `pem of ${file}`;
  t.deepEqual(parseClientCas('BankAMSP=/a.pem, RegulatorMSP=/r.pem,', read), [
    { mspId: 'BankAMSP', ca: 'pem of /a.pem' },
    { mspId: 'RegulatorMSP', ca: 'pem of /r.pem' },
  ]);
  for (const bad of ['/a.pem', '=/a.pem', 'BankAMSP=']) t.throws(() => parseClientCas(bad, read), { message: /MSPID=\/path\/ca\.pem/ });
});

test('a missing variable is named in the error', (t) => {
  t.throws(() => shareServiceConfigFromEnv({}), { message: /VAULT_SHARE_CLIENT_CAS is not set/ });
  t.throws(() => shareServiceConfigFromEnv({ VAULT_SHARE_PORT: '70000' }), { message: /VAULT_SHARE_PORT/ });
});

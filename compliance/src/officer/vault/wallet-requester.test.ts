import test from 'ava';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Wallets, type X509Identity } from 'fabric-network';
import { identityIdOf } from '@trestle/chaincode/src/testing/stub-context';
import { BANK_A_BOB } from '@trestle/chaincode/src/testing/test-identities';
import { isTrestleError } from '../../errors/trestle-error';
import { castAccount } from '../testing/officer-cast';
import { walletRequesterOf } from './wallet-requester';

// A fabric-network file-system wallet on disk (no network involved): the certificate it holds for
// the account's label is who the share services hear the bank vouch for.

test('the requester is the wallet certificate\'s identity id, the account\'s bank and role; a missing or foreign identity is refused', async (t) => {
  const folder = await mkdtemp(path.join(tmpdir(), 'trestle-wallet-'));
  const wallet = await Wallets.newFileSystemWallet(folder);
  // The key is never read here; the wallet stores what it is given.
  const credentials = { certificate: BANK_A_BOB.certificate, privateKey: 'not used' };
  const identity: X509Identity = { type: 'X.509', mspId: 'BankAMSP', credentials };
  await wallet.put('alice', identity);
  await wallet.put('carol', identity);
  const requesterOf = walletRequesterOf(folder);
  t.deepEqual(await requesterOf(await castAccount('alice')), { identityId: identityIdOf(BANK_A_BOB), mspId: 'BankAMSP', role: 'compliance-officer' });
  for (const username of ['carol', 'rita'] as const) {
    const error = await t.throwsAsync(Promise.resolve(requesterOf(await castAccount(username))));
    t.true(isTrestleError(error, 'OFFICER_LEDGER_UNAVAILABLE'), username);
  }
});

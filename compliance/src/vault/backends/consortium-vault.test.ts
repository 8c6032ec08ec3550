import test from 'ava';
import { isTrestleError, TrestleError } from '../../errors/trestle-error';
import type { DecryptionShareSource } from '../share-service/share-service';
import { kycConditions, makeVaultFixture, OFFICER_A, OFFICER_B, REGULATOR } from '../testing/vault-fixture';
import { ConsortiumVault } from './consortium-vault';

const file = new TextEncoder().encode('proof of address, inv-0042');

const down: DecryptionShareSource = {
  signDecryptionShare: async () => {
    throw new Error('connect ECONNREFUSED 127.0.0.1:28443');
  },
};

async function setUp(up: readonly number[] = [1, 2, 3]) {
  const fixture = await makeVaultFixture();
  const shareSources = fixture.services.map((service, i) => (up.includes(i + 1) ? service : down));
  const vault = new ConsortiumVault({ key: fixture.key.publicKey, store: fixture.store, shareSources });
  const { contentHash } = await vault.seal(file, kycConditions());
  return { ...fixture, vault, contentHash };
}

test('an officer of the investor bank opens a sealed file with 2 of 3 share services up', async (t) => {
  const { vault, contentHash, gate } = await setUp([1, 3]);
  t.deepEqual(await vault.open(contentHash, OFFICER_A), file);
  t.deepEqual(gate.entries.map((entry) => [entry.shareIndex, entry.outcome]).sort(), [[1, 'granted'], [3, 'granted']]);
});

test('with 1 of 3 share services up the file stays shut with VAULT_NOT_ENOUGH_SHARES', async (t) => {
  const { vault, contentHash } = await setUp([2]);
  const error = await t.throwsAsync(vault.open(contentHash, OFFICER_A));
  t.true(isTrestleError(error, 'VAULT_NOT_ENOUGH_SHARES'));
  t.like((error as TrestleError).details, { received: 1, threshold: 2, failures: ['Error', 'Error'] });
});

test('the regulator of another org opens the file', async (t) => {
  const { vault, contentHash } = await setUp();
  t.deepEqual(await vault.open(contentHash, REGULATOR), file);
});

test('an officer of another bank is refused with VAULT_ACCESS_DENIED, and every service recorded the refusal', async (t) => {
  const { vault, contentHash, gate } = await setUp();
  const error = await t.throwsAsync(vault.open(contentHash, OFFICER_B));
  t.true(isTrestleError(error, 'VAULT_ACCESS_DENIED'));
  t.deepEqual(
    gate.entries.map((entry) => [entry.shareIndex, entry.outcome, entry.requester.identityId]).sort(),
    [1, 2, 3].map((index) => [index, 'refused', OFFICER_B.identityId]),
  );
});

test('an unknown content hash is VAULT_ENVELOPE_NOT_FOUND and asks no share service', async (t) => {
  const { vault, gate } = await setUp();
  const error = await t.throwsAsync(vault.open('0'.repeat(64), OFFICER_A));
  t.true(isTrestleError(error, 'VAULT_ENVELOPE_NOT_FOUND'));
  t.is(gate.entries.length, 0);
});

test('a vault of another consortium key refuses the envelope with VAULT_KEY_MISMATCH', async (t) => {
  const { store, contentHash } = await setUp();
  const other = await makeVaultFixture();
  const vault = new ConsortiumVault({ key: other.key.publicKey, store, shareSources: other.services });
  t.true(isTrestleError(await t.throwsAsync(vault.open(contentHash, OFFICER_A)), 'VAULT_KEY_MISMATCH'));
});

import { identityIdOf } from '@trestle/chaincode/src/testing/stub-context';
import { CAST_IDENTITIES } from '@trestle/compliance/src/officer/testing/officer-cast';
import type { OfficerVault } from '@trestle/compliance/src/officer/vault/officer-vault';
import type { ShareServiceHarness } from '@trestle/compliance/src/vault/testing/share-service-harness';

/**
 * TEST-ONLY: BankA's officer service wired to the three HTTPS share services of `shares()` (a
 * getter, because the services start after the officer service, on its stub ledger). Files are
 * found in `index` by investor and file id; the requester is the account's stub-ledger identity.
 */
export function bankAVaultOf(shares: () => ShareServiceHarness, index: ReadonlyMap<string, string>): OfficerVault {
  return {
    open: (contentHash, requester) => shares().vaultOf('BankA').open(contentHash, requester),
    locate: async (investorId, fileId) => index.get(`${investorId}/${fileId}`),
    requesterOf(account) {
      const identity = CAST_IDENTITIES[account.walletLabel];
      if (identity === undefined) throw new Error(`no stub identity for wallet label ${account.walletLabel}`);
      return { identityId: identityIdOf(identity), mspId: account.mspId, role: account.role };
    },
  };
}

import { Wallets, type X509Identity } from 'fabric-network';
import { TrestleError } from '../../errors/trestle-error';
import type { Requester } from '../../vault/access/access-gate';
import type { OfficerAccount } from '../accounts/officer-account';
import { identityIdOfCertificate } from './identity-id-of-certificate';

/**
 * The requester an account's share-service requests name: the identity id of its certificate in
 * the bank's fabric-network file-system wallet (the identity that signs its ledger calls), its MSP
 * and its role. Read at each request, so a re-enrolled certificate takes effect without a restart.
 */
export function walletRequesterOf(walletPath: string): (account: OfficerAccount) => Promise<Requester> {
  return async (account) => {
    const identity = await (await Wallets.newFileSystemWallet(walletPath)).get(account.walletLabel);
    if (identity === undefined || identity.type !== 'X.509' || identity.mspId !== account.mspId) {
      throw new TrestleError('OFFICER_LEDGER_UNAVAILABLE', 'Your ledger identity is not in this service\'s wallet as your bank\'s; tell the node operator.');
    }
    return { identityId: identityIdOfCertificate((identity as X509Identity).credentials.certificate), mspId: account.mspId, role: account.role };
  };
}

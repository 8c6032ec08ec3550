import type { Wallet } from 'ethers';
import { tx } from '@trestle/chaincode/src/testing/ledger-cast';
import { INVESTORS } from '@trestle/chaincode/src/testing/ledger-story';
import { signBinding } from '@trestle/chaincode/src/testing/test-wallets';
import { DESK } from '@trestle/chaincode/src/testing/transfer-story';
import { WalletContract } from '@trestle/chaincode/src/wallets/wallet-contract';
import type { ChaincodeBridge } from './chaincode-ledgers';
import { DOLLARS, type MarketFixture } from './fixtures';

/**
 * ben (BankA) and chloe (BankB), each with a wallet verified on the token, holding 1,000 dollars and
 * bound to their investor on the ledger (the in-process stub), so units they receive on the EVM
 * chain have a beneficial owner the escrow can follow.
 */
export async function bindBenAndChloe(s: ChaincodeBridge<MarketFixture>): Promise<{ ben: Wallet; chloe: Wallet }> {
  const m = s.a;
  const ben = await m.fundedAccount({ dollars: DOLLARS(1_000n) });
  const chloe = await m.fundedAccount({ dollars: DOLLARS(1_000n) });
  const wallets = new WalletContract();
  for (const [wallet, investorId, operator, bank] of [[ben, INVESTORS.benA, DESK.requesterA, 'BankAMSP'], [chloe, INVESTORS.chloeB, DESK.officerB, 'BankBMSP']] as const) {
    const signature = await signBinding(wallet, { investorId, bank, chainId: m.chainId });
    await wallets.BindWallet(tx(operator, s.worldState).ctx, investorId, wallet.address, m.chainId.toString(), '1', signature);
  }
  return { ben, chloe };
}

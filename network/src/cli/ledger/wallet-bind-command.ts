import type { Command } from 'commander';
import { parseWalletBindingRecord } from '@trestle/compliance/src/ledger/wallet-binding';
import { TrestleError } from '@trestle/compliance/src/errors/trestle-error';
import { ledgerAction, ledgerCommand, type LedgerCommandDeps } from './ledger-action';
import { readInvestor } from './investor-record';
import { evaluateRecord } from './ledger-reads';
import type { LedgerSession } from './ledger-session';
import { bindingMessage, openKeystore, signWalletBinding } from './wallet-binding-signature';

type BindOptions = { as: string; json?: boolean; address: string; chainId: string; nonce: string; signature?: string; keystore?: string; passwordEnv?: string };

const BIND_HELP = `
The wallet signs EIP-712 typed data in the domain "Trestle WalletBinding" / "1" (chain id = --chain-id),
type WalletBinding(string investorId,address wallet,uint256 chainId,string bank,uint256 nonce), with
bank the investor's bank MSP id (compliance/src/ledger/wallet-binding.ts). Either pass that
signature with --signature, or let this command sign it with the wallet's encrypted JSON keystore
(--keystore, password in the environment variable --password-env names). Each nonce signs once.`;

/** The signature from --signature, or made here from the keystore over the binding for the investor's bank. */
async function signatureFor(session: LedgerSession, investorId: string, options: BindOptions): Promise<string> {
  const bySignature = options.signature !== undefined;
  const byKeystore = options.keystore !== undefined || options.passwordEnv !== undefined;
  if (bySignature === byKeystore) {
    throw new TrestleError('CLI_INPUT_INVALID', 'Give either --signature <hex>, or --keystore <file> with --password-env <VAR>; not both, not neither.', { details: { argument: 'signature' } });
  }
  if (options.signature !== undefined) return options.signature;
  if (options.keystore === undefined || options.passwordEnv === undefined) {
    throw new TrestleError('CLI_INPUT_INVALID', '--keystore and --password-env go together: the keystore file and the variable holding its password.', { details: { argument: 'keystore' } });
  }
  const wallet = await openKeystore(options.keystore, options.passwordEnv);
  // The message names the investor's bank as the ledger has it: the chaincode verifies exactly that.
  const investor = await readInvestor(session, investorId);
  const message = bindingMessage({ investorId, address: options.address, chainId: options.chainId, nonce: options.nonce, bank: investor.record.bankMsp });
  return signWalletBinding(wallet, message);
}

/** `trestle investor bind-wallet`: binds an EVM address to an active investor of the caller's bank. */
export function walletBindCommand(deps: LedgerCommandDeps): Command {
  return ledgerCommand('bind-wallet', "bind an EVM wallet to an investor with the wallet's own signature (operator or compliance officer of their bank)")
    .argument('<investorId>')
    .requiredOption('--address <0x…>', 'the wallet address')
    .requiredOption('--chain-id <n>', 'the EVM chain id the binding is signed for, e.g. 31337')
    .requiredOption('--nonce <n>', 'a number this wallet has not signed a binding with before')
    .option('--signature <hex>', "the wallet's EIP-712 signature (0x and 130 hex digits)")
    .option('--keystore <file>', "the wallet's encrypted JSON keystore: the command signs itself")
    .option('--password-env <VAR>', 'the environment variable holding the keystore password')
    .addHelpText('after', BIND_HELP)
    .action(
      ledgerAction<BindOptions>(deps, async ({ session, args, options }) => {
        const investorId = args[0] ?? '';
        const signature = await signatureFor(session, investorId, options);
        await session.contract('WalletContract').submitTransaction('BindWallet', investorId, options.address, options.chainId, options.nonce, signature);
        const bound = await evaluateRecord(session.contract('WalletContract'), 'GetWalletBinding', [options.address], parseWalletBindingRecord, 'the wallet binding');
        const { record } = bound;
        return { json: bound.raw, text: [`wallet ${record.address} bound to investor ${record.investorId} at ${record.bankMsp} (chain ${record.chainId}, nonce ${record.nonce})`] };
      }),
    );
}

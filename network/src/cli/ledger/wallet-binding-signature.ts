import { readFileSync } from 'node:fs';
import { getAddress, Wallet, type HDNodeWallet } from 'ethers';
import { TrestleError } from '@trestle/compliance/src/errors/trestle-error';
import { parseUint256, WALLET_BINDING_TYPES, walletBindingDomain, type WalletBindingMessage } from '@trestle/compliance/src/ledger/wallet-binding';

// The CLI signs a binding itself when the investor hands their wallet's keystore to the officer's
// terminal (a custody arrangement, or a test): the same EIP-712 message the chaincode verifies,
// built from the shared table in compliance/src/ledger/wallet-binding.ts.

/**
 * Opens an encrypted JSON keystore (the Ethereum "Web3 Secret Storage" format ethers and geth
 * write) with the password in the environment variable `passwordEnv`; a password never goes on
 * the command line, where other users of the machine could read it. CLI_INPUT_INVALID otherwise.
 */
export async function openKeystore(file: string, passwordEnv: string, env: NodeJS.ProcessEnv = process.env): Promise<Wallet | HDNodeWallet> {
  const password = env[passwordEnv];
  if (password === undefined || password === '') {
    throw new TrestleError('CLI_INPUT_INVALID', `The environment variable ${passwordEnv} named by --password-env is not set; put the keystore's password there.`, { details: { argument: 'password-env' } });
  }
  let json: string;
  try {
    json = readFileSync(file, 'utf8');
  } catch (error) {
    throw new TrestleError('CLI_INPUT_INVALID', `Cannot read the keystore ${file}: ${(error as NodeJS.ErrnoException).code ?? 'unreadable'}.`, { details: { file } });
  }
  try {
    return await Wallet.fromEncryptedJson(json, password);
  } catch {
    throw new TrestleError('CLI_INPUT_INVALID', `The keystore ${file} does not open with the password in ${passwordEnv}, or is not an encrypted JSON keystore.`, { details: { file } });
  }
}

/** The binding values from the command line as the message to sign; CLI_INPUT_INVALID names a value that cannot be signed. */
export function bindingMessage(fields: { investorId: string; address: string; chainId: string; nonce: string; bank: string }): WalletBindingMessage {
  const chainId = parseUint256(fields.chainId);
  const nonce = parseUint256(fields.nonce);
  if (chainId === undefined || chainId === 0n) throw invalid('chain-id', '--chain-id must be a positive whole number in decimal digits, such as 31337.');
  if (nonce === undefined) throw invalid('nonce', '--nonce must be a whole number in decimal digits, fresh for this wallet.');
  let wallet: string;
  try {
    wallet = getAddress(fields.address);
  } catch {
    throw invalid('address', '--address must be an EVM address: 0x and 40 hex digits, with a correct checksum when in mixed case.');
  }
  return { investorId: fields.investorId, wallet, chainId, bank: fields.bank, nonce };
}

/** `wallet`'s EIP-712 signature of `message`; CLI_INPUT_INVALID when the keystore holds another address. */
export async function signWalletBinding(wallet: Pick<Wallet, 'address' | 'signTypedData'>, message: WalletBindingMessage): Promise<string> {
  if (wallet.address !== message.wallet) {
    throw invalid('keystore', `The keystore holds the key of ${wallet.address}, not of --address ${message.wallet}; a binding is signed by the address it binds.`);
  }
  // ethers wants mutable field lists; the table itself stays the one shared definition.
  const types = { WalletBinding: WALLET_BINDING_TYPES.WalletBinding.map((field) => ({ ...field })) };
  return wallet.signTypedData(walletBindingDomain(message.chainId), types, { ...message });
}

function invalid(argument: string, sentence: string): TrestleError {
  return new TrestleError('CLI_INPUT_INVALID', sentence, { details: { argument } });
}

import { readJsonValue } from './read-json-document';
import { readIdentityId, readIsoInstant, readLedgerId, readMspId } from './record-fields';

/**
 * The EIP-712 message an investor signs with a wallet's key to bind it to their investor id. One
 * table for the client that asks for the signature and the chaincode that verifies it.
 */
export const WALLET_BINDING_TYPES = {
  WalletBinding: [
    { name: 'investorId', type: 'string' },
    { name: 'wallet', type: 'address' },
    { name: 'chainId', type: 'uint256' },
    { name: 'bank', type: 'string' },
    { name: 'nonce', type: 'uint256' },
  ],
} as const;

/** The EIP-712 domain name of bindings; a signature for any other domain does not verify. */
export const WALLET_BINDING_DOMAIN_NAME = 'Trestle WalletBinding';

/** The EIP-712 domain version; a new message shape gets a new version. */
export const WALLET_BINDING_DOMAIN_VERSION = '1';

/** The EIP-712 domain of a binding on chain `chainId` (no verifying contract: nothing on-chain checks it). */
export function walletBindingDomain(chainId: bigint): { readonly name: string; readonly version: string; readonly chainId: bigint } {
  return { name: WALLET_BINDING_DOMAIN_NAME, version: WALLET_BINDING_DOMAIN_VERSION, chainId };
}

/** The values signed: the investor, the wallet, the chain, the investor's bank (MSP id), a nonce. */
export type WalletBindingMessage = {
  readonly investorId: string;
  readonly wallet: string;
  readonly chainId: bigint;
  readonly bank: string;
  readonly nonce: bigint;
};

/** The EIP-712 type string of the message, `WalletBinding(string investorId,…)`, as hashed. */
export function walletBindingTypeString(): string {
  return `WalletBinding(${WALLET_BINDING_TYPES.WalletBinding.map((field) => `${field.type} ${field.name}`).join(',')})`;
}

/** The largest uint256: chain ids and nonces are signed as uint256. */
export const MAX_UINT256 = (1n << 256n) - 1n;

const UINT = /^(0|[1-9][0-9]{0,77})$/;

/** The uint256 a decimal string spells (no sign, no leading zeros), or undefined. */
export function parseUint256(value: unknown): bigint | undefined {
  if (typeof value !== 'string' || !UINT.test(value)) return undefined;
  const number = BigInt(value);
  return number <= MAX_UINT256 ? number : undefined;
}

const ADDRESS = /^0x[0-9a-fA-F]{40}$/;

/** Whether `value` has the form of an EVM address (the checksum of mixed case is verified by ethers). */
export function isEvmAddressForm(value: unknown): value is string {
  return typeof value === 'string' && ADDRESS.test(value);
}

/** A wallet bound to an investor, keyed by its checksummed address. */
export type WalletBinding = {
  /** EIP-55 checksummed. */
  readonly address: string;
  /** The chain the binding was signed for, as a decimal string. */
  readonly chainId: string;
  readonly investorId: string;
  readonly bankMsp: string;
  readonly nonce: string;
  readonly boundAt: string;
  /** The bank operator or officer who submitted the binding. */
  readonly boundBy: string;
};

/** Validates a wallet binding record read from the ledger; `RECORD_MALFORMED` when it is not one. */
export function parseWalletBindingRecord(value: unknown): WalletBinding {
  return readJsonValue(value, {
    code: 'RECORD_MALFORMED',
    name: 'wallet binding record',
    fields: ['address', 'chainId', 'investorId', 'bankMsp', 'nonce', 'boundAt', 'boundBy'],
    read: (reader) => ({
      address: reader.string('address', isEvmAddressForm, 'an EVM address'),
      chainId: reader.string('chainId', (value) => parseUint256(value) !== undefined, 'a uint256 as a decimal string'),
      investorId: readLedgerId(reader, 'investorId', 'an investor id'),
      bankMsp: readMspId(reader, 'bankMsp'),
      nonce: reader.string('nonce', (value) => parseUint256(value) !== undefined, 'a uint256 as a decimal string'),
      boundAt: readIsoInstant(reader, 'boundAt'),
      boundBy: readIdentityId(reader, 'boundBy'),
    }),
  });
}

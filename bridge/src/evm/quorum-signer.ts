import { TypedDataEncoder, type BaseWallet, type TypedDataDomain, type TypedDataField } from 'ethers';

/**
 * Signs one EIP-712 message with each wallet and returns the bundle ordered by ascending signer
 * address, the order the contracts require.
 */
export async function signQuorum(
  wallets: readonly BaseWallet[],
  domain: TypedDataDomain,
  types: Record<string, TypedDataField[]>,
  value: Record<string, unknown>,
): Promise<string[]> {
  const signed = await Promise.all(
    wallets.map(async (wallet) => ({ address: BigInt(wallet.address), signature: await wallet.signTypedData(domain, types, value) })),
  );
  signed.sort((a, b) => (a.address < b.address ? -1 : a.address > b.address ? 1 : 0));
  return signed.map((s) => s.signature);
}

/** The EIP-712 digest the contract verifies (useful for ids and for raw-signature tests). */
export function typedDigest(domain: TypedDataDomain, types: Record<string, TypedDataField[]>, value: Record<string, unknown>): string {
  return TypedDataEncoder.hash(domain, types, value);
}

/** The EIP-712 struct hash (the gateway's delayed-mint id is the Mint struct hash). */
export function structHash(types: Record<string, TypedDataField[]>, primary: string, value: Record<string, unknown>): string {
  return TypedDataEncoder.from(types).hashStruct(primary, value);
}

/** Wallets sorted by ascending address, the order signature bundles use. */
export function byAddress<T extends { address: string }>(wallets: readonly T[]): T[] {
  return [...wallets].sort((a, b) => (BigInt(a.address) < BigInt(b.address) ? -1 : 1));
}

import { JsonRpcProvider, Wallet, parseEther, toBeHex } from 'ethers';

/**
 * A provider for a local automining node. The request cache is off: with it, ethers v6 may hand out
 * the same nonce twice when transactions are sent back to back.
 */
export function localProvider(url: string): JsonRpcProvider {
  return new JsonRpcProvider(url, undefined, { cacheTimeout: -1, staticNetwork: true, pollingInterval: 50 });
}

/**
 * A new random account with ether set directly through `hardhat_setBalance`, so parallel callers
 * never race for the nonce of a shared funding account. Devnet only.
 */
export async function fundedWallet(provider: JsonRpcProvider, ether = '1000'): Promise<Wallet> {
  const wallet = new Wallet(Wallet.createRandom().privateKey, provider);
  await provider.send('hardhat_setBalance', [wallet.address, toBeHex(parseEther(ether))]);
  return wallet;
}

/** Moves the devnet clock forward and mines a block, so the next call sees the new time. */
export async function advanceTime(provider: JsonRpcProvider, seconds: number): Promise<void> {
  await provider.send('evm_increaseTime', [seconds]);
  await provider.send('evm_mine', []);
}

/** Timestamp of the latest block. */
export async function latestTimestamp(provider: JsonRpcProvider): Promise<number> {
  const block = await provider.getBlock('latest');
  if (!block) throw new Error('the devnet returned no latest block');
  return block.timestamp;
}

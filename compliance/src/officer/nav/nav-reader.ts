import { JsonRpcProvider } from 'ethers';
import { TrestleError } from '../../errors/trestle-error';
import { readOracleNav, type OracleNav } from '../../nav/read-oracle-nav';

/**
 * Reads an asset's NavOracle on the EVM chain the bank's service is wired to, so officers see the
 * price the lending market uses and where it stands on its haircut schedule. The ledger names the
 * oracle (the bridge's chain configuration); this only reads it.
 */
export interface NavReader {
  /** The chain it reads (decimal string), whose configuration on the ledger names each asset's oracle. */
  readonly chainId: string;
  read(oracle: string): Promise<OracleNav>;
  close(): void;
}

/** A NavReader over JSON-RPC at `rpcUrl` (the bank's own node or the devnet). */
export function evmNavReader(rpcUrl: string, chainId: string): NavReader {
  const provider = new JsonRpcProvider(rpcUrl, BigInt(chainId), { staticNetwork: true, cacheTimeout: -1 });
  return {
    chainId,
    async read(oracle) {
      try {
        return await readOracleNav(provider, oracle);
      } catch {
        // The provider's message may carry the node's URL (an API key in its path, say): it stays out of the answer.
        throw new TrestleError('OFFICER_EVM_UNAVAILABLE', 'The EVM chain did not answer for the NAV oracle; try again, and tell the node operator if it keeps failing.', { details: { oracle } });
      }
    },
    close: () => provider.destroy(),
  };
}

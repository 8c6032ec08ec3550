import { Contract, getAddress, type Provider } from 'ethers';
import { haircutOutlook, type HaircutOutlook, type HaircutPoint } from './haircut-outlook';

/** The NavOracle views this reads (bridge/contracts/oracle/INavOracle.sol), as a human-readable ABI: no compiled artifact needed. */
const NAV_ORACLE_VIEWS = [
  'function latestNav() view returns (tuple(uint256 navPerUnit, uint64 valuationSeq, uint64 validUntil, uint64 updatedAt, bool writtenOff))',
  'function haircutSchedule() view returns (tuple(uint64 secondsAfterExpiry, uint16 haircutBps)[])',
  'function currentHaircutBps() view returns (uint256)',
  'function price() view returns (uint256)',
];

/** What an asset's NavOracle holds and prices now, and where its NAV stands on the haircut schedule, at the chain's latest block. */
export type OracleNav = {
  readonly oracle: string;
  readonly navPerUnit: bigint;
  readonly valuationSeq: bigint;
  readonly validUntil: number;
  readonly writtenOff: boolean;
  readonly haircutBps: bigint;
  /** Morpho's price (1e36 scale); undefined before the first NAV, when the oracle refuses to price. */
  readonly price: bigint | undefined;
  readonly schedule: readonly HaircutPoint[];
  readonly outlook: HaircutOutlook;
  /** The latest block's timestamp: the oracle's own clock. */
  readonly at: number;
};

/** Reads `oracle` on `provider`: one call per view, at the latest block. */
export async function readOracleNav(provider: Provider, oracle: string): Promise<OracleNav> {
  const contract = new Contract(getAddress(oracle), NAV_ORACLE_VIEWS, provider);
  const at = (await provider.getBlock('latest'))?.timestamp ?? 0;
  const nav = (await contract.getFunction('latestNav')()) as { navPerUnit: bigint; valuationSeq: bigint; validUntil: bigint; updatedAt: bigint; writtenOff: boolean };
  const schedule = ((await contract.getFunction('haircutSchedule')()) as { secondsAfterExpiry: bigint; haircutBps: bigint }[]).map(
    (point): HaircutPoint => ({ secondsAfterExpiry: Number(point.secondsAfterExpiry), haircutBps: Number(point.haircutBps) }),
  );
  const outlook = haircutOutlook({ validUntil: Number(nav.validUntil), writtenOff: nav.writtenOff, updatedAt: Number(nav.updatedAt) }, schedule, at);
  return {
    oracle: getAddress(oracle),
    navPerUnit: nav.navPerUnit,
    valuationSeq: nav.valuationSeq,
    validUntil: Number(nav.validUntil),
    writtenOff: nav.writtenOff,
    haircutBps: (await contract.getFunction('currentHaircutBps')()) as bigint,
    price: outlook.kind === 'no-nav' ? undefined : ((await contract.getFunction('price')()) as bigint),
    schedule,
    outlook,
    at,
  };
}

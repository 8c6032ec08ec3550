import type { AssetOptions } from './consortium';

/**
 * Parameters of the devnet deployment (`npm start`) that the gas bench reuses, so both measure
 * the same configuration.
 */
export const WAD = 10n ** 18n;
/** One whole unit of the 6-decimal stablecoin. */
export const USD = 10n ** 6n;

/** ISO 3166-1 numeric codes. */
export const ISO_3166 = { SWITZERLAND: 756, GERMANY: 276, FRANCE: 250, UNITED_KINGDOM: 826 } as const;

/** Seconds a mint above an asset's delay threshold waits. */
export const MINT_DELAY = 3600;

/** The demo asset: units of an office building held by an SPV. */
export const DEMO_ASSET: AssetOptions = {
  name: 'Zurich Office Building SPV units',
  symbol: 'ZOB',
  decimals: 18,
  allowedCountries: [ISO_3166.SWITZERLAND, ISO_3166.GERMANY, ISO_3166.FRANCE, ISO_3166.UNITED_KINGDOM],
  // Morpho holds every borrower's collateral under one identity, so the cap is set at pool scale.
  maxBalance: 10_000_000n * WAD,
  delayThreshold: 100_000n * WAD,
  inbound: { capacity: 1_000_000n * WAD, refillPerSecond: 12n * WAD },
  outbound: { capacity: 1_000_000n * WAD, refillPerSecond: 12n * WAD },
};

/** NavOracle constructor arguments after (validator set, asset), and the first NAV. */
export const NAV_ORACLE = {
  collateralDecimals: 18,
  loanDecimals: 6,
  maxChangeBps: 1_000n,
  haircutAfter: [86_400n, 7n * 86_400n, 30n * 86_400n],
  haircutBps: [500, 2_000, 5_000],
  initialNavPerUnit: 100n * WAD,
  /** How long a published NAV stays valid. */
  validForSeconds: 90n * 86_400n,
} as const;

/** KinkedIrm constructor arguments (2% base, +10% to the 80% kink, +100% above), yearly WAD. */
export const IRM_ARGS = [(2n * WAD) / 100n, WAD / 10n, WAD, (8n * WAD) / 10n] as const;

/** Test stablecoin constructor arguments. */
export const STABLECOIN_ARGS = ['Trestle Test Dollar', 'tUSD', 6] as const;

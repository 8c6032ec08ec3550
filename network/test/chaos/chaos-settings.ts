// The two forms of the chaos suite. `npm test` runs the short one (one pass over each fault, a
// light load: well under four minutes on a loaded two-core machine); `npm run test:chaos` sets
// TRESTLE_CHAOS=full for more rounds and more concurrent load.

/** Which form runs: TRESTLE_CHAOS=full, or the short form. */
export const CHAOS_FORM: 'short' | 'full' = process.env.TRESTLE_CHAOS === 'full' ? 'full' : 'short';

export interface ChaosSettings {
  /** Passes over the whole fault schedule (each kills every target once, in turn). */
  readonly rounds: number;
  /** Concurrent transfer drivers (each issues one transfer at a time, request then both approvals). */
  readonly transferWorkers: number;
  /** Concurrent bridge-out drivers (each requests and approves one bridge-out at a time). */
  readonly bridgeWorkers: number;
  /** How long a killed process stays down before it is started again. */
  readonly downMs: number;
}

export const CHAOS_SETTINGS: ChaosSettings = CHAOS_FORM === 'full' ? { rounds: 3, transferWorkers: 3, bridgeWorkers: 2, downMs: 5_000 } : { rounds: 1, transferWorkers: 1, bridgeWorkers: 1, downMs: 3_000 };

/**
 * The bound the suite states: once the last killed process serves again, every transfer the load
 * started is SETTLED, every bridge-out MINTED and every burn RELEASED within this time.
 */
export const CONVERGENCE_BOUND_MS = 90_000;

/** Units per transfer (below the policy's travel-rule and four-eyes thresholds: one officer per bank approves). */
export const TRANSFER_UNITS = 100n;
/** Units per bridge-out; burns take half, so some units stay out while the faults run. */
export const BRIDGE_OUT_UNITS = 100n;
export const BURN_UNITS = 50n;

import { TrestleError } from '../errors/trestle-error';

/** Every state of an asset's life, the later legal states included (DESIGN.md §5 and §8). */
export const ASSET_STATES = ['DRAFT', 'DOCUMENTED', 'VALUED', 'APPROVED', 'TOKENIZED', 'REMEDIATION', 'CURED', 'WRITTEN_OFF', 'REDEEMED'] as const;

export type AssetState = (typeof ASSET_STATES)[number];

/** What a transaction does to an asset; each names the transitions it may make. */
export type AssetAction = 'record-legal-documents' | 'record-valuation' | 'approve' | 'tokenize' | 'start-remediation' | 'cure' | 'write-off' | 'redeem';

/** One allowed move. */
export type AssetTransition = { readonly action: AssetAction; readonly from: AssetState; readonly to: AssetState };

/**
 * Every transition, as data: anything not listed is illegal. A valuation may be recorded again
 * later (a re-appraisal keeps the state), also in remediation, when the value is what is in doubt.
 * CURED is "back to normal": it may be re-appraised, fall into remediation again, and be redeemed,
 * as a TOKENIZED asset may. WRITTEN_OFF and REDEEMED are final.
 */
export const ASSET_TRANSITIONS: readonly AssetTransition[] = [
  { action: 'record-legal-documents', from: 'DRAFT', to: 'DOCUMENTED' },
  { action: 'record-valuation', from: 'DOCUMENTED', to: 'VALUED' },
  { action: 'record-valuation', from: 'VALUED', to: 'VALUED' },
  { action: 'record-valuation', from: 'APPROVED', to: 'APPROVED' },
  { action: 'record-valuation', from: 'TOKENIZED', to: 'TOKENIZED' },
  { action: 'approve', from: 'VALUED', to: 'APPROVED' },
  { action: 'tokenize', from: 'APPROVED', to: 'TOKENIZED' },
  { action: 'start-remediation', from: 'TOKENIZED', to: 'REMEDIATION' },
  { action: 'start-remediation', from: 'CURED', to: 'REMEDIATION' },
  { action: 'record-valuation', from: 'REMEDIATION', to: 'REMEDIATION' },
  { action: 'record-valuation', from: 'CURED', to: 'CURED' },
  { action: 'cure', from: 'REMEDIATION', to: 'CURED' },
  { action: 'write-off', from: 'REMEDIATION', to: 'WRITTEN_OFF' },
  { action: 'redeem', from: 'TOKENIZED', to: 'REDEEMED' },
  { action: 'redeem', from: 'CURED', to: 'REDEEMED' },
];

/** The road to TOKENIZED, in order; what each state needs is in `ASSET_STEP_NEEDS`. */
export const ASSET_PATH = ['DRAFT', 'DOCUMENTED', 'VALUED', 'APPROVED', 'TOKENIZED'] as const satisfies readonly AssetState[];

/** What an asset needs to reach each state of `ASSET_PATH` from the one before: the "missing" list. */
export const ASSET_STEP_NEEDS: { readonly [S in Exclude<(typeof ASSET_PATH)[number], 'DRAFT'>]: string } = {
  DOCUMENTED: "the true-sale deed and legal opinion hashes, recorded by the SPV's administrator",
  VALUED: "a valuation by an appraiser of an org other than the SPV's administering bank",
  APPROVED: "a compliance officer's approval from a bank other than the SPV's administering bank",
  TOKENIZED: "tokenization by the SPV's administrator: units, decimals, initial holders and the policy",
};

/**
 * The states in which units exist on the ledger and move between investors. REMEDIATION is one of
 * them: it stops new collateral reaching lending venues on the EVM side (DESIGN.md §8), it does
 * not freeze the register; officers who want that pause the asset. WRITTEN_OFF and REDEEMED are
 * `ASSET_CLOSED_STATES`; the states before TOKENIZED have no units yet.
 */
export const UNITS_LIVE_STATES = ['TOKENIZED', 'REMEDIATION', 'CURED'] as const satisfies readonly AssetState[];

/** The final states: a written-off asset's units are worth nothing and stay where they are; a redeemed asset's are retired. */
export const ASSET_CLOSED_STATES = ['WRITTEN_OFF', 'REDEEMED'] as const satisfies readonly AssetState[];

// How far along its life each state is, for "past it" in sentences: the legal states come after
// TOKENIZED, the final ones last. REMEDIATION ranks below CURED, which may fall back into it.
const RANK: { readonly [S in AssetState]: number } = {
  DRAFT: 0,
  DOCUMENTED: 1,
  VALUED: 2,
  APPROVED: 3,
  TOKENIZED: 4,
  REMEDIATION: 5,
  CURED: 6,
  WRITTEN_OFF: 7,
  REDEEMED: 7,
};

/** The state `action` moves an asset in `state` to; ASSET_TRANSITION_ILLEGAL when the move is not allowed now. */
export function assetTransition(asset: { readonly assetId: string; readonly state: AssetState }, action: AssetAction): AssetState {
  const moves = ASSET_TRANSITIONS.filter((transition) => transition.action === action);
  const move = moves.find((transition) => transition.from === asset.state);
  if (move !== undefined) return move.to;
  throw illegalTransition(asset, action, missingSteps(asset.state, moves));
}

/**
 * ASSET_TRANSITION_ILLEGAL naming the asset's state, the states `action` needs and what is still
 * missing; also for conditions beyond the state (a valuation that has expired, a remediation
 * window still open).
 */
export function illegalTransition(asset: { readonly assetId: string; readonly state: AssetState }, action: AssetAction, missing: readonly string[]): TrestleError {
  const from = ASSET_TRANSITIONS.filter((transition) => transition.action === action).map((transition) => transition.from);
  const states = from.join(' or ');
  const isPast = from.every((state) => RANK[asset.state] > RANK[state]);
  const sentence = from.includes(asset.state)
    ? `The asset is ${asset.state}, but ${action} still needs ${missing.join('; ')}.`
    : missing.length > 0
      ? `The asset is ${asset.state}; ${action} needs it in ${states}, and it still lacks ${missing.join('; ')}.`
      : isPast
        ? `The asset is ${asset.state}; ${action} applies only in ${states}, which it is past.`
        : `The asset is ${asset.state}; ${action} needs it in ${states}.`;
  return new TrestleError('ASSET_TRANSITION_ILLEGAL', sentence, {
    details: { assetId: asset.assetId, state: asset.state, action, allowedFrom: from, missing: [...missing] },
  });
}

// Each step from the current state up to the first state on the road to TOKENIZED that the action
// starts from; none when the asset is off that road or already past every such state.
function missingSteps(state: AssetState, moves: readonly AssetTransition[]): string[] {
  const here = ASSET_PATH.indexOf(state as (typeof ASSET_PATH)[number]);
  if (here < 0) return [];
  const starts = moves.map((move) => ASSET_PATH.indexOf(move.from as (typeof ASSET_PATH)[number]));
  const target = Math.min(...starts.filter((index) => index > here));
  if (!Number.isFinite(target)) return [];
  return ASSET_PATH.slice(here + 1, target + 1).map((step) => ASSET_STEP_NEEDS[step as keyof typeof ASSET_STEP_NEEDS]);
}

const KNOWN_STATES: ReadonlySet<string> = new Set(ASSET_STATES);

/** Whether `value` is one of `ASSET_STATES`. */
export function isAssetState(value: unknown): value is AssetState {
  return typeof value === 'string' && KNOWN_STATES.has(value);
}

/** Whether units of an asset in `state` exist and move (`UNITS_LIVE_STATES`). */
export function unitsAreLive(state: AssetState): boolean {
  return (UNITS_LIVE_STATES as readonly AssetState[]).includes(state);
}

/** Whether `state` is final (`ASSET_CLOSED_STATES`). */
export function isClosedState(state: AssetState): boolean {
  return (ASSET_CLOSED_STATES as readonly AssetState[]).includes(state);
}

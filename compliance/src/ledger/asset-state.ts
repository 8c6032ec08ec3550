import { TrestleError } from '../errors/trestle-error';

/** Every state of an asset's life, the later legal states included (DESIGN.md §5 and §8). */
export const ASSET_STATES = ['DRAFT', 'DOCUMENTED', 'VALUED', 'APPROVED', 'TOKENIZED', 'REMEDIATION', 'CURED', 'WRITTEN_OFF', 'REDEEMED'] as const;

export type AssetState = (typeof ASSET_STATES)[number];

/** What a transaction does to an asset; each names the transitions it may make. */
export type AssetAction = 'record-legal-documents' | 'record-valuation' | 'approve' | 'tokenize' | 'start-remediation' | 'cure' | 'write-off' | 'redeem';

/** One allowed move. `implemented: false` marks the legal states no transaction reaches yet. */
export type AssetTransition = { readonly action: AssetAction; readonly from: AssetState; readonly to: AssetState; readonly implemented: boolean };

/**
 * Every transition, as data: anything not listed is illegal. A valuation may be recorded again
 * later (a re-appraisal keeps the state); the legal states after TOKENIZED are listed so the shape
 * is fixed, and refused with ASSET_STATE_NOT_SUPPORTED until the remediation work implements them.
 */
export const ASSET_TRANSITIONS: readonly AssetTransition[] = [
  { action: 'record-legal-documents', from: 'DRAFT', to: 'DOCUMENTED', implemented: true },
  { action: 'record-valuation', from: 'DOCUMENTED', to: 'VALUED', implemented: true },
  { action: 'record-valuation', from: 'VALUED', to: 'VALUED', implemented: true },
  { action: 'record-valuation', from: 'APPROVED', to: 'APPROVED', implemented: true },
  { action: 'record-valuation', from: 'TOKENIZED', to: 'TOKENIZED', implemented: true },
  { action: 'approve', from: 'VALUED', to: 'APPROVED', implemented: true },
  { action: 'tokenize', from: 'APPROVED', to: 'TOKENIZED', implemented: true },
  { action: 'start-remediation', from: 'TOKENIZED', to: 'REMEDIATION', implemented: false },
  { action: 'record-valuation', from: 'REMEDIATION', to: 'REMEDIATION', implemented: false },
  { action: 'cure', from: 'REMEDIATION', to: 'CURED', implemented: false },
  { action: 'write-off', from: 'REMEDIATION', to: 'WRITTEN_OFF', implemented: false },
  { action: 'redeem', from: 'TOKENIZED', to: 'REDEEMED', implemented: false },
  { action: 'redeem', from: 'CURED', to: 'REDEEMED', implemented: false },
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

/** The state `action` moves an asset in `state` to; a typed error when the move is not allowed now. */
export function assetTransition(asset: { readonly assetId: string; readonly state: AssetState }, action: AssetAction): AssetState {
  const moves = ASSET_TRANSITIONS.filter((transition) => transition.action === action);
  const move = moves.find((transition) => transition.from === asset.state);
  if (move?.implemented === true) return move.to;
  // A listed but unimplemented move, an action nothing implements, or a later legal state.
  if (move !== undefined || !moves.some((transition) => transition.implemented) || !isOnPath(asset.state)) {
    throw new TrestleError('ASSET_STATE_NOT_SUPPORTED', `The asset is ${asset.state}; ${action} from that state is not supported yet.`, {
      details: { assetId: asset.assetId, state: asset.state, action },
    });
  }
  throw illegalTransition(asset, action, missingSteps(asset.state, moves));
}

/**
 * ASSET_TRANSITION_ILLEGAL naming the asset's state, the states `action` needs and what is still
 * missing; also for conditions beyond the state (a valuation that has expired).
 */
export function illegalTransition(asset: { readonly assetId: string; readonly state: AssetState }, action: AssetAction, missing: readonly string[]): TrestleError {
  const from = ASSET_TRANSITIONS.filter((transition) => transition.action === action && transition.implemented).map((transition) => transition.from);
  const states = from.join(' or ');
  const sentence = from.includes(asset.state)
    ? `The asset is ${asset.state}, but ${action} still needs ${missing.join('; ')}.`
    : missing.length === 0
      ? `The asset is ${asset.state}; ${action} applies only in ${states}, which it is past.`
      : `The asset is ${asset.state}; ${action} needs it in ${states}, and it still lacks ${missing.join('; ')}.`;
  return new TrestleError('ASSET_TRANSITION_ILLEGAL', sentence, {
    details: { assetId: asset.assetId, state: asset.state, action, allowedFrom: from, missing: [...missing] },
  });
}

// Each step from the current state up to the first state the action starts from; none when the
// asset is already past every such state.
function missingSteps(state: AssetState, moves: readonly AssetTransition[]): string[] {
  const here = ASSET_PATH.indexOf(state as (typeof ASSET_PATH)[number]);
  const starts = moves.filter((move) => move.implemented).map((move) => ASSET_PATH.indexOf(move.from as (typeof ASSET_PATH)[number]));
  const target = Math.min(...starts.filter((index) => index > here));
  if (!Number.isFinite(target)) return [];
  return ASSET_PATH.slice(here + 1, target + 1).map((step) => ASSET_STEP_NEEDS[step as keyof typeof ASSET_STEP_NEEDS]);
}

function isOnPath(state: AssetState): boolean {
  return (ASSET_PATH as readonly AssetState[]).includes(state);
}

const KNOWN_STATES: ReadonlySet<string> = new Set(ASSET_STATES);

/** Whether `value` is one of `ASSET_STATES`. */
export function isAssetState(value: unknown): value is AssetState {
  return typeof value === 'string' && KNOWN_STATES.has(value);
}

import test from 'ava';
import { isTrestleError } from '../errors/trestle-error';
import { ASSET_PATH, ASSET_STATES, ASSET_TRANSITIONS, assetTransition, isAssetState, type AssetAction, type AssetState } from './asset-state';

const asset = (state: AssetState) => ({ assetId: 'ZOB', state });
const ACTIONS: AssetAction[] = ['record-legal-documents', 'record-valuation', 'approve', 'tokenize', 'start-remediation', 'cure', 'write-off', 'redeem'];

test('every implemented transition in the table is taken, and nothing else is', (t) => {
  for (const state of ASSET_STATES) {
    for (const action of ACTIONS) {
      const listed = ASSET_TRANSITIONS.find((transition) => transition.action === action && transition.from === state);
      if (listed?.implemented === true) t.is(assetTransition(asset(state), action), listed.to, `${action} from ${state}`);
      else t.throws(() => assetTransition(asset(state), action), undefined, `${action} from ${state}`);
    }
  }
});

test('the road to TOKENIZED is the lifecycle DRAFT, DOCUMENTED, VALUED, APPROVED, TOKENIZED', (t) => {
  t.deepEqual([...ASSET_PATH], ['DRAFT', 'DOCUMENTED', 'VALUED', 'APPROVED', 'TOKENIZED']);
  let state: AssetState = 'DRAFT';
  for (const action of ['record-legal-documents', 'record-valuation', 'approve', 'tokenize'] as const) state = assetTransition(asset(state), action);
  t.is(state, 'TOKENIZED');
});

test('an early step names every missing step in order; a late one says the asset is past it', (t) => {
  const early = t.throws(() => assetTransition(asset('DRAFT'), 'tokenize'));
  t.true(isTrestleError(early, 'ASSET_TRANSITION_ILLEGAL'));
  t.is((isTrestleError(early) ? (early.details?.missing as string[]) : []).length, 3);
  t.regex(early?.message ?? '', /The asset is DRAFT; tokenize needs it in APPROVED, and it still lacks the true-sale deed/);
  const late = t.throws(() => assetTransition(asset('TOKENIZED'), 'record-legal-documents'));
  t.true(isTrestleError(late, 'ASSET_TRANSITION_ILLEGAL'));
  t.deepEqual(isTrestleError(late) ? late.details : undefined, { assetId: 'ZOB', state: 'TOKENIZED', action: 'record-legal-documents', allowedFrom: ['DRAFT'], missing: [] });
});

test('the later legal states and their actions are refused as not supported yet', (t) => {
  for (const [state, action] of [['TOKENIZED', 'start-remediation'], ['REMEDIATION', 'cure'], ['REMEDIATION', 'record-valuation'], ['CURED', 'approve'], ['WRITTEN_OFF', 'tokenize'], ['REDEEMED', 'record-valuation'], ['DRAFT', 'redeem']] as const) {
    t.true(isTrestleError(t.throws(() => assetTransition(asset(state), action)), 'ASSET_STATE_NOT_SUPPORTED'), `${action} from ${state}`);
  }
});

test('isAssetState knows the nine states only', (t) => {
  t.is(ASSET_STATES.length, 9);
  for (const state of ASSET_STATES) t.true(isAssetState(state));
  for (const value of ['draft', 'LIVE', '', null, 3]) t.false(isAssetState(value));
});

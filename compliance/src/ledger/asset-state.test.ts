import test from 'ava';
import { isTrestleError } from '../errors/trestle-error';
import { ASSET_PATH, ASSET_STATES, ASSET_TRANSITIONS, assetTransition, isAssetState, isClosedState, unitsAreLive, type AssetAction, type AssetState } from './asset-state';

const asset = (state: AssetState) => ({ assetId: 'ZOB', state });
const ACTIONS: AssetAction[] = ['record-legal-documents', 'record-valuation', 'approve', 'tokenize', 'start-remediation', 'cure', 'write-off', 'redeem'];

test('every transition in the table is taken, and nothing else is', (t) => {
  for (const state of ASSET_STATES) {
    for (const action of ACTIONS) {
      const listed = ASSET_TRANSITIONS.find((transition) => transition.action === action && transition.from === state);
      if (listed !== undefined) t.is(assetTransition(asset(state), action), listed.to, `${action} from ${state}`);
      else t.true(isTrestleError(t.throws(() => assetTransition(asset(state), action)), 'ASSET_TRANSITION_ILLEGAL'), `${action} from ${state}`);
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

test('the legal states follow TOKENIZED: remediation, then cured or written off; redemption from TOKENIZED or CURED', (t) => {
  t.is(assetTransition(asset('TOKENIZED'), 'start-remediation'), 'REMEDIATION');
  t.is(assetTransition(asset('REMEDIATION'), 'record-valuation'), 'REMEDIATION');
  t.is(assetTransition(asset('REMEDIATION'), 'cure'), 'CURED');
  t.is(assetTransition(asset('REMEDIATION'), 'write-off'), 'WRITTEN_OFF');
  t.is(assetTransition(asset('CURED'), 'start-remediation'), 'REMEDIATION');
  t.is(assetTransition(asset('CURED'), 'redeem'), 'REDEEMED');
  t.is(assetTransition(asset('TOKENIZED'), 'redeem'), 'REDEEMED');
});

test('a legal step out of order says which state it needs, or that the asset is past it', (t) => {
  const sentence = (state: AssetState, action: AssetAction) => {
    const error = t.throws(() => assetTransition(asset(state), action));
    return isTrestleError(error, 'ASSET_TRANSITION_ILLEGAL') ? error.sentence : '';
  };
  t.regex(sentence('TOKENIZED', 'cure'), /The asset is TOKENIZED; cure needs it in REMEDIATION\.$/);
  t.regex(sentence('REMEDIATION', 'redeem'), /The asset is REMEDIATION; redeem needs it in TOKENIZED or CURED\.$/);
  t.regex(sentence('WRITTEN_OFF', 'cure'), /The asset is WRITTEN_OFF; cure applies only in REMEDIATION, which it is past\.$/);
  t.regex(sentence('REDEEMED', 'record-valuation'), /which it is past\.$/);
  t.regex(sentence('CURED', 'tokenize'), /The asset is CURED; tokenize applies only in APPROVED, which it is past\.$/);
  t.regex(sentence('APPROVED', 'start-remediation'), /needs it in TOKENIZED or CURED, and it still lacks tokenization by the SPV's administrator/);
});

test('units live in TOKENIZED, REMEDIATION and CURED; WRITTEN_OFF and REDEEMED are final', (t) => {
  t.deepEqual(ASSET_STATES.filter(unitsAreLive), ['TOKENIZED', 'REMEDIATION', 'CURED']);
  t.deepEqual(ASSET_STATES.filter(isClosedState), ['WRITTEN_OFF', 'REDEEMED']);
  for (const state of ASSET_STATES.filter(isClosedState)) t.false(ASSET_TRANSITIONS.some((transition) => transition.from === state && transition.to !== state));
});

test('isAssetState knows the nine states only', (t) => {
  t.is(ASSET_STATES.length, 9);
  for (const state of ASSET_STATES) t.true(isAssetState(state));
  for (const value of ['draft', 'LIVE', '', null, 3]) t.false(isAssetState(value));
});

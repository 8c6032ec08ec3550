import test from 'ava';
import { checkAssetNotPaused } from './asset-not-paused-rule';
import { ruleTable } from './testing/rule-table';

ruleTable(test, 'the pause rule', 'asset-not-paused', checkAssetNotPaused, [
  ['passes for an asset that is not paused', {}, 'OK', /ZOB is not paused/],
  ['fails for a paused asset and says how it resumes', { asset: { paused: true } }, 'ASSET_PAUSED', /ZOB is paused; .*unpauses/],
]);

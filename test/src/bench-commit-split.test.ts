import test from 'ava';
import { bridgeOverheadFindings, coveredMs, splitRound, type CommitInterval } from './bench-commit-split';
import { renderLatency } from './bench-report';

const at = (startMs: number, endMs: number, ledger: CommitInterval['ledger'] = 'fabric'): CommitInterval => ({ ledger, name: 'tx', startMs, endMs });

test('overlapping commits count once', (t) => {
  t.is(coveredMs([at(100, 400), at(200, 500)], 0, 1000), 400);
});

test('disjoint commits add up, a commit inside another adds nothing', (t) => {
  t.is(coveredMs([at(600, 700, 'evm'), at(100, 300), at(150, 250)], 0, 1000), 300);
});

test('commits are clipped to the window; one wholly outside it counts nothing', (t) => {
  t.is(coveredMs([at(-200, 100), at(900, 1300), at(1500, 1600)], 0, 1000), 200);
});

test('no commit in the window: the whole round is overhead', (t) => {
  t.deepEqual(splitRound([at(2000, 2500)], 0, 800), { totalMs: 800, commitMs: 0, overheadMs: 800 });
});

test('a round split into commit waits and overhead', (t) => {
  // Two banks' signatures side by side (300–700), the EVM mint (800–850), MINTED recorded (900–1200).
  const split = splitRound([at(300, 650), at(320, 700), at(800, 850, 'evm'), at(900, 1200)], 0, 1250);
  t.deepEqual(split, { totalMs: 1250, commitMs: 400 + 50 + 300, overheadMs: 500 });
});

test("the overhead goal: each overhead series' p50 against 1 s, beside its round's total; the report lists it under the table", (t) => {
  const series = [
    { name: 'bridge.real.approvalToMint', label: 'mint', samplesMs: [1200, 1300, 1400] },
    { name: 'bridge.real.approvalToMint.overhead', label: 'overhead', samplesMs: [300, 400, 1500] },
    { name: 'bridge.real.burnToRelease.overhead', label: 'overhead', samplesMs: [900, 1000, 1100] },
    { name: 'fabric.submit', label: 'submit', samplesMs: [300] },
  ];
  const findings = bridgeOverheadFindings(series);
  t.deepEqual(findings, [
    "Bridge overhead above the ledgers' commits, bridge.real.approvalToMint: p50 400 ms of 1300 ms end to end; goal under 1000 ms at p50: met.",
    "Bridge overhead above the ledgers' commits, bridge.real.burnToRelease: p50 1000 ms; goal under 1000 ms at p50: NOT met.",
  ]);
  t.deepEqual(bridgeOverheadFindings(series.slice(0, 1)), []);
  const md = renderLatency({ title: 'Bridge latency', note: 'note', series, findings });
  t.regex(md, /\| submit \| 1 \| 300 ms \| 300 ms \| 300 ms \|\n\n- Bridge overhead above .*: met\.\n- Bridge overhead .*NOT met\.\n\n!\[p50/);
});

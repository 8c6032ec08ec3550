import '../testing/quiet-fabric-logs';
import test from 'ava';
import fc from 'fast-check';
import { fuzzBudget, replayHint, seedFor } from '@trestle/compliance/src/testing/fuzz-budget';
import { contracts } from '../index';
import { transactionsOf } from './contract-transactions';
import { fabricTxId, fuzzInput, runFuzzCase } from './fuzz-case';
import { fuzzWorld, type FuzzWorld } from './fuzz-world';

// Invariant 5 of the design, for every transaction a client can reach: any arguments, any caller,
// any transient map, at any instant, end in success or in a TrestleError of a known code with the
// ledger exactly as it was. The transactions come from the contracts' own metadata, so one added
// to `contracts` is fuzzed here without an edit.

const TRANSACTIONS = transactionsOf(contracts);
// 200 cases per transaction: over 9,000 in total on the eight first contracts, in seconds.
const budget = fuzzBudget(200);
const { seed, runs } = budget;
const totals = { cases: 0, resolved: 0 };
let world: Promise<FuzzWorld> | undefined;

test('every contract in the chaincode exposes transactions to fuzz', (t) => {
  const fuzzed = new Set(TRANSACTIONS.map((transaction) => transaction.contract));
  t.deepEqual([...fuzzed].sort(), contracts.map((contract) => new contract().getName()).sort());
});

for (const transaction of TRANSACTIONS) {
  const title = `${transaction.contract}.${transaction.name}(${transaction.parameters.join(', ')}) succeeds or refuses with a typed error and no write, whatever it is sent`;
  test(title, async (t) => {
    world ??= fuzzWorld();
    const shared = await world;
    const refusals = new Map<string, number>();
    let cases = 0;
    let resolved = 0;
    await fc.assert(
      fc.asyncProperty(fuzzInput(shared, transaction), async (input) => {
        cases += 1;
        const outcome = await runFuzzCase(shared, transaction, input, fabricTxId(`${title} #${cases}`));
        if (outcome.kind === 'resolved') resolved += 1;
        else refusals.set(outcome.code, (refusals.get(outcome.code) ?? 0) + 1);
      }),
      { seed: seedFor(seed, title), numRuns: runs, includeErrorInReport: true },
    ).catch((error: unknown) => {
      throw new Error(`${replayHint(budget)}: ${(error as Error).message}`, { cause: error });
    });
    totals.cases += cases;
    totals.resolved += resolved;
    const codes = [...refusals].sort((a, b) => b[1] - a[1]).map(([code, count]) => `${code} ${count}`);
    t.log(`${cases} cases (${transaction.kind}): ${resolved} resolved, ${cases - resolved} refused: ${codes.join(', ')}`);
    t.is(cases, runs);
  });
}

test.after.always('totals', (t) => {
  t.log(`${totals.cases} cases over ${TRANSACTIONS.length} transactions of ${contracts.length} contracts (${totals.resolved} resolved), seed ${seed}`);
});

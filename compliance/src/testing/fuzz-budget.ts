// How much the fuzz suites (chaincode transactions, bridge REST routes) do, from the environment,
// so a long soak or a replay needs no edit:
//   TRESTLE_FUZZ_SEED  base seed; fixed by default, so every run draws the same cases
//   TRESTLE_FUZZ_RUNS  cases per property (per transaction, per route); each suite has its default
const DEFAULT_SEED = 20_260_301;

/** A run's fuzz budget. */
export type FuzzBudget = { readonly seed: number; readonly runs: number };

/** The base seed and the cases per property of this run; `defaultRuns` when TRESTLE_FUZZ_RUNS is unset. */
export function fuzzBudget(defaultRuns: number, env: NodeJS.ProcessEnv = process.env): FuzzBudget {
  return { seed: integerFrom(env, 'TRESTLE_FUZZ_SEED', DEFAULT_SEED, -(2 ** 31), 2 ** 31 - 1), runs: integerFrom(env, 'TRESTLE_FUZZ_RUNS', defaultRuns, 1, 10_000_000) };
}

function integerFrom(env: NodeJS.ProcessEnv, name: string, fallback: number, min: number, max: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min || value > max) throw new RangeError(`${name} must be an integer from ${min} to ${max}, got "${raw}"`);
  return value;
}

/** A seed of its own for `label`, derived from the base seed, so each property draws different cases. */
export function seedFor(base: number, label: string): number {
  let hash = base | 0;
  for (const char of label) hash = (Math.imul(hash, 31) + (char.codePointAt(0) ?? 0)) | 0;
  return hash;
}

/** The line a failing fuzz property prefixes to fast-check's report: how to draw the same cases again. */
export function replayHint(budget: FuzzBudget): string {
  return `reproduce with TRESTLE_FUZZ_SEED=${budget.seed} TRESTLE_FUZZ_RUNS=${budget.runs}`;
}

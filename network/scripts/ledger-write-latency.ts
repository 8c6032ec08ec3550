import { randomBytes } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { investorDocument, investorPii } from '@trestle/chaincode/src/testing/ledger-documents';
import type { JsonObject } from '@trestle/compliance/src/json/json-value';
import { investorArgument, stageInvestorPii } from '@trestle/compliance/src/ledger-client/investor-arguments';
import { percentile } from '@trestle/test/src/bench-report';
import { quietFabricClient } from '../src/cli/client-noise';
import { parseActingIdentity } from '../src/cli/ledger/acting-identity';
import { fabricLedgerSessions } from '../src/cli/ledger/fabric-ledger-session';
import { stackFromEnv } from '../src/stack/stack-config';
import { ensurePeopleRoles } from '../test/support/ledger-people';

// Latency of one onboarding as the client sees it, on a running stack (`trestle network up`): the
// investor onboarded N times through the CLI's own session (fabric-network), each in its two
// ordered steps (the CLI's dry run before them, a query, is left out): StageInvestorPii (the PII into the bank's implicit collection, endorsed by the officer's
// bank's peer alone) then OnboardInvestor with its hash (the public record and an index entry,
// endorsed by that peer plus one other bank's). Each step is timed from submit until the client
// has the commit events it waits for (open-fabric-gateway.ts COMMIT_SCOPE), and the two together:
// the write an officer makes most. Each run onboards N fresh investors.
//
//   TRESTLE_HOME=… TRESTLE_PORT_BASE=… node --import tsx network/scripts/ledger-write-latency.ts [--count 50] [--warmup 3] [--as bankA/officer1]

const DEFAULTS = { count: 50, warmup: 3, as: 'bankA/officer1' } as const;
const TEN_YEARS_SECONDS = 10 * 365 * 86_400;

function positiveInteger(text: string | undefined, fallback: number, name: string, min: number): number {
  if (text === undefined) return fallback;
  const value = Number(text);
  if (!Number.isInteger(value) || value < min) throw new RangeError(`--${name} must be an integer of at least ${min}, got "${text}"`);
  return value;
}

/** One investor document and its PII for `investorId`, dated from the wall clock the peers stamp transactions with. */
function onboarding(investorId: string): { argument: string; pii: JsonObject } {
  const now = Date.now();
  const seconds = Math.floor(now / 1000);
  const document = investorDocument(investorId, { kycExpiresAt: seconds + TEN_YEARS_SECONDS, sanctions: { status: 'clear', listVersion: 'SDN 2026-11-01', screenedAt: seconds - 3_600 } });
  return { argument: investorArgument(document as JsonObject, now), pii: investorPii({ fullName: `Latency ${investorId}` }) as JsonObject };
}

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { count: { type: 'string' }, warmup: { type: 'string' }, as: { type: 'string' } } });
  const count = positiveInteger(values.count, DEFAULTS.count, 'count', 1);
  const warmup = positiveInteger(values.warmup, DEFAULTS.warmup, 'warmup', 0);
  const as = values.as ?? DEFAULTS.as;
  const stack = stackFromEnv();
  quietFabricClient(stack.home);

  // Idempotent: grants compliance-officer by the org's admin only when the person lacks it.
  await ensurePeopleRoles(stack, { [as]: ['compliance-officer'] });
  const session = await fabricLedgerSessions(stack)(parseActingIdentity(as));
  const samples = { stage: [] as number[], onboard: [] as number[], both: [] as number[] };
  const run = randomBytes(3).toString('hex').toUpperCase();
  try {
    const investors = session.contract('InvestorContract');
    for (let index = 0; index < warmup + count; index += 1) {
      const investorId = `LAT-${run}-${index}`;
      const { argument, pii } = onboarding(investorId);
      const started = performance.now();
      const piiHash = await stageInvestorPii(investors, investorId, pii);
      const staged = performance.now();
      await investors.submitTransaction('OnboardInvestor', argument, piiHash);
      const done = performance.now();
      if (index < warmup) continue;
      samples.stage.push(staged - started);
      samples.onboard.push(done - staged);
      samples.both.push(done - started);
    }
  } finally {
    await session.close();
  }

  const ms = (value: number) => `${value.toFixed(1)} ms`;
  const line = (label: string, values: number[]) => {
    const mean = values.reduce((sum, value) => sum + value, 0) / values.length;
    return `${label.padEnd(32)} p50 ${ms(percentile(values, 50))}  p95 ${ms(percentile(values, 95))}  mean ${ms(mean)}  min ${ms(Math.min(...values))}  max ${ms(Math.max(...values))}`;
  };
  console.log(`Onboarding as ${as} on ${stack.home} (${count} investors after ${warmup} warm-up, one after another)`);
  console.log(line('StageInvestorPii (own peer)', samples.stage));
  console.log(line('OnboardInvestor (two banks)', samples.onboard));
  console.log(line('both steps', samples.both));
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : String(error));
  process.exitCode = 1;
});

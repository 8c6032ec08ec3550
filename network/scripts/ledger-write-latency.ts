import { randomBytes } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { investorDocument, investorPii } from '@trestle/chaincode/src/testing/ledger-documents';
import type { JsonObject } from '@trestle/compliance/src/json/json-value';
import { investorArgument, piiTransient } from '@trestle/compliance/src/ledger-client/investor-arguments';
import { percentile } from '@trestle/test/src/bench-report';
import { quietFabricClient } from '../src/cli/client-noise';
import { parseActingIdentity } from '../src/cli/ledger/acting-identity';
import { fabricLedgerSessions } from '../src/cli/ledger/fabric-ledger-session';
import { stackFromEnv } from '../src/stack/stack-config';
import { ensurePeopleRoles } from '../test/support/ledger-people';

// Latency of one ledger write as the client sees it, on a running stack (`trestle network up`):
// OnboardInvestor submitted N times through the CLI's own session (fabric-network, the endorsement
// plan: the officer's bank's peer plus one other bank's), each timed from submit until the client
// has the commit events it waits for (open-fabric-gateway.ts COMMIT_SCOPE). It writes the public record, an index entry and PII in the
// bank's implicit collection: the write an officer makes most. Each run onboards N fresh investors.
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
function onboarding(investorId: string): { argument: string; transient: Record<string, Uint8Array> } {
  const now = Date.now();
  const seconds = Math.floor(now / 1000);
  const document = investorDocument(investorId, { kycExpiresAt: seconds + TEN_YEARS_SECONDS, sanctions: { status: 'clear', listVersion: 'SDN 2026-11-01', screenedAt: seconds - 3_600 } });
  return { argument: investorArgument(document as JsonObject, now), transient: piiTransient(investorPii({ fullName: `Latency ${investorId}` }) as JsonObject) };
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
  const samplesMs: number[] = [];
  const run = randomBytes(3).toString('hex').toUpperCase();
  try {
    const investors = session.contract('InvestorContract');
    for (let index = 0; index < warmup + count; index += 1) {
      const { argument, transient } = onboarding(`LAT-${run}-${index}`);
      const started = performance.now();
      await investors.createTransaction('OnboardInvestor').setTransient(transient).submit(argument);
      if (index >= warmup) samplesMs.push(performance.now() - started);
    }
  } finally {
    await session.close();
  }

  const ms = (value: number) => `${value.toFixed(1)} ms`;
  const mean = samplesMs.reduce((sum, value) => sum + value, 0) / samplesMs.length;
  console.log(`OnboardInvestor as ${as} on ${stack.home} (${count} writes after ${warmup} warm-up, one after another)`);
  console.log(`p50 ${ms(percentile(samplesMs, 50))}  p95 ${ms(percentile(samplesMs, 95))}  mean ${ms(mean)}  min ${ms(Math.min(...samplesMs))}  max ${ms(Math.max(...samplesMs))}`);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : String(error));
  process.exitCode = 1;
});

/**
 * The real-network bridge latency alone, on the stack TRESTLE_HOME / TRESTLE_PORT_BASE name (both
 * required): brings its Fabric consortium up (idempotent), starts its devnet, runs the round trips
 * and prints the table. Leaves Fabric up; stops the devnet it started.
 *
 *   node --import tsx test/bench/bridge/main.ts [--transfers <n>]
 */
import '@trestle/network/test/transfers/quiet-fabric-client';
import { parseArgs } from 'node:util';
import { compileAll } from '@trestle/bridge/src/compile/compile';
import { startDevnet, stopDevnet } from '@trestle/network/src/evm/devnet';
import { stackFromEnv } from '@trestle/network/src/stack/stack-config';
import { latencySummary, textTable } from '../../src/bench-report';
import { ensureFabricUp } from '../caliper/run-caliper';
import { runRealBridgeLatency } from './real-latency-workload';

async function main(argv: readonly string[]): Promise<number> {
  const { values } = parseArgs({ args: [...argv], options: { transfers: { type: 'string', default: '10' }, 'no-up': { type: 'boolean', default: false } }, strict: true });
  if (process.env.TRESTLE_HOME === undefined || process.env.TRESTLE_PORT_BASE === undefined) {
    console.error('TRESTLE_HOME and TRESTLE_PORT_BASE must name the stack to run on');
    return 2;
  }
  const stack = stackFromEnv(process.env);
  const log = (line: string) => console.log(`[bridge] ${line}`);
  // --no-up: the consortium is already up (skips the chaincode build check, which needs a tree that compiles).
  if (values['no-up'] !== true) await ensureFabricUp(stack, log);
  compileAll(log);
  await startDevnet(stack);
  try {
    const series = await runRealBridgeLatency(stack, Number(values.transfers), log);
    console.log(textTable(['latency', 'n', 'p50 ms', 'p95 ms'], series.map((entry) => {
      const { n, p50, p95 } = latencySummary(entry);
      return [entry.label, String(n), String(p50), String(p95)];
    })));
  } finally {
    await stopDevnet(stack);
  }
  return 0;
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);

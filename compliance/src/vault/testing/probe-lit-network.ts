/*
 * Run by the Lit network contract test before it registers its test (ava needs tests declared
 * synchronously, so the connection attempt runs in a child it waits for):
 *
 *     node --import tsx probe-lit-network.ts <network>
 *
 * Prints one JSON line on stdout: {"answered":true} or {"answered":false,"reason":"…"}.
 */
import { connectLitNetwork, isLitNetworkName } from '../backends/connect-lit-network';

async function probe(network: string): Promise<{ answered: boolean; reason?: string }> {
  if (!isLitNetworkName(network)) return { answered: false, reason: `${network} is not a Lit network name` };
  try {
    const client = await connectLitNetwork(network, 15_000);
    await client.disconnect();
    return { answered: true };
  } catch (error) {
    const details = (error as { details?: { reason?: unknown } }).details;
    return { answered: false, reason: typeof details?.reason === 'string' ? details.reason : String(error) };
  }
}

probe(process.argv[2] ?? '').then((result) => {
  process.stdout.write(`${JSON.stringify(result)}\n`);
  // The Lit client may leave sockets or timers behind; the answer is out, so end here.
  process.exit(0);
});

import path from 'node:path';
import { evmRpcUrl, type StackConfig } from '../stack/stack-config';
import { runningPid, startProcess, stopProcess, waitUntilReady } from '../process/managed-process';

export const DEVNET_PROCESS = 'evm-devnet';
const HARDHAT_CONFIG_DIR = path.resolve(__dirname, '..', '..', 'evm');

/** Chain id of the local devnet; the deployment file records it too. */
export const DEVNET_CHAIN_ID = 31337;

async function rpcChainId(url: string): Promise<number | undefined> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'eth_chainId', params: [] }),
    signal: AbortSignal.timeout(2000),
  });
  const body = (await response.json()) as { result?: string };
  return body.result === undefined ? undefined : Number(body.result);
}

/** Starts the Hardhat (EDR) JSON-RPC node on 127.0.0.1 unless it already answers. */
export async function startDevnet(stack: StackConfig, timeoutMs = 60_000): Promise<string> {
  const url = evmRpcUrl(stack);
  const port = new URL(url).port;
  startProcess(stack.home, {
    name: DEVNET_PROCESS,
    command: process.execPath,
    args: [require.resolve('hardhat/internal/cli/cli.js'), 'node', '--hostname', stack.host, '--port', port],
    cwd: HARDHAT_CONFIG_DIR,
    env: { HARDHAT_DISABLE_TELEMETRY_PROMPT: 'true' },
  });
  await waitUntilReady(stack.home, DEVNET_PROCESS, async () => (await rpcChainId(url)) === DEVNET_CHAIN_ID, timeoutMs);
  return url;
}

export async function stopDevnet(stack: StackConfig): Promise<boolean> {
  return stopProcess(stack.home, DEVNET_PROCESS);
}

/** Whether the devnet process runs and answers with the expected chain id. */
export async function devnetStatus(stack: StackConfig): Promise<{ pid?: number; answering: boolean; url: string }> {
  const url = evmRpcUrl(stack);
  const pid = runningPid(stack.home, DEVNET_PROCESS);
  const answering = (await rpcChainId(url).catch(() => undefined)) === DEVNET_CHAIN_ID;
  return { pid, answering, url };
}

import { Listr } from 'listr2';
import { deployAll, type DeploymentFile } from '@trestle/bridge/src/evm/deploy/deploy-all';
import { compileAll } from '@trestle/bridge/src/compile/compile';
import { localProvider } from '@trestle/bridge/src/evm/provider';
import { startDevnet } from '../evm/devnet';
import { ensureFabricBinaries, FabricBinariesUnavailableError } from '../fabric/fabric-binaries';
import { fabricUpSteps } from '../fabric/fabric-up';
import type { StackConfig } from '../stack/stack-config';
import { consolesUp, type ConsolesUpResult } from './consoles-up';
import { validatorsUp } from './validators-up';

/** What `up` found and did, for the closing summary. */
export interface StackUpResult {
  fabric: { ok: true; release: string } | { ok: false; reason: string };
  evmRpcUrl?: string;
  deployment?: DeploymentFile;
  deploymentFile?: string;
  /** The officers' consoles and their password file, once started. */
  consoles?: ConsolesUpResult;
}

/**
 * Brings the local stack up as a task list: Fabric binaries and consortium, the EVM devnet, the
 * contracts, the bridge validators and the officers' consoles. When the Fabric binaries cannot be built here the summary says why and the EVM side
 * still comes up; any other Fabric failure stops `up` with the process and log it names.
 */
export async function stackUp(stack: StackConfig): Promise<StackUpResult> {
  const result: StackUpResult = { fabric: { ok: false, reason: 'not attempted' } };
  const tasks = new Listr<StackUpResult>(
    [
      {
        title: 'Fabric consortium (3 banks, Raft, channel rwa, chaincode trestle)',
        task: (ctx, task) =>
          task.newListr(
            [
              {
                title: 'Fabric binaries (go build from the Go module proxy; reused when the pin matches)',
                task: (_sub, subtask) => {
                  try {
                    const pin = ensureFabricBinaries((line) => (subtask.output = line));
                    ctx.fabric = { ok: true, release: pin.release };
                  } catch (error) {
                    if (!(error instanceof FabricBinariesUnavailableError)) throw error;
                    ctx.fabric = { ok: false, reason: error.message };
                    subtask.skip('unavailable on this machine: see the summary');
                  }
                },
              },
              ...fabricUpSteps(stack).map((step) => ({
                title: step.title,
                enabled: () => ctx.fabric.ok,
                task: async (_sub: unknown, subtask: { output: string; title: string }) => {
                  const note = await step.run((line) => (subtask.output = line));
                  if (typeof note === 'string') subtask.title += ` (${note})`;
                },
              })),
            ],
            { exitOnError: true },
          ),
      },
      { title: 'Compile contracts (npm solc)', task: (_ctx, task) => compileAll((line) => (task.output = line)) },
      {
        title: 'EVM devnet (Hardhat node on 127.0.0.1)',
        task: async (ctx) => {
          ctx.evmRpcUrl = await startDevnet(stack);
        },
      },
      {
        title: 'Deploy gateway, ERC-3643 suite, NAV oracle, Morpho Blue market',
        task: async (ctx, task) => {
          const provider = localProvider(ctx.evmRpcUrl as string);
          const deployed = await deployAll(provider, stack, (line) => (task.output = line));
          ctx.deployment = deployed.deployment;
          ctx.deploymentFile = deployed.file;
          if (!deployed.changed) task.title += ' (already deployed)';
        },
      },
      {
        title: 'Bridge validators (ledger setup, one process per bank)',
        enabled: (ctx) => ctx.fabric.ok,
        task: async (ctx, task) => {
          task.title += ` (${await validatorsUp(stack, ctx.deployment as DeploymentFile, (line) => (task.output = line))})`;
        },
      },
      {
        title: 'Officer consoles (web console built, one officer service per bank and the regulator)',
        enabled: (ctx) => ctx.fabric.ok,
        task: async (ctx, task) => {
          const evm = ctx.evmRpcUrl === undefined || ctx.deployment === undefined ? undefined : { rpcUrl: ctx.evmRpcUrl, chainId: ctx.deployment.chainId };
          ctx.consoles = await consolesUp(stack, (line) => (task.output = line), evm);
          task.title += ` (${ctx.consoles.consoles.map((officerConsole) => officerConsole.url).join(', ')})`;
        },
      },
    ],
    { ctx: result, rendererOptions: { collapseSubtasks: false }, fallbackRendererCondition: () => !process.stdout.isTTY },
  );
  await tasks.run();
  return result;
}

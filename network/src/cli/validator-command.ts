import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { Command, InvalidArgumentError } from 'commander';
import { Wallet, type Signer } from 'ethers';
import { isTrestleError } from '@trestle/compliance/src/errors/trestle-error';
import { readDeployment } from '@trestle/bridge/src/evm/deploy/deploy-all';
import { localProvider } from '@trestle/bridge/src/evm/provider';
import { connectBankLedger } from '@trestle/bridge/src/node/bank-ledger-connection';
import { validatorStatusFile, ValidatorNode, type PassReport } from '@trestle/bridge/src/node/validator-node';
import { BridgeMetrics, FileCheckpoint, gatewayAt, KeystoreSigner } from '@trestle/bridge/src/plugin/public-api';
import { SendJournal } from '@trestle/bridge/src/relayer/send-journal';
import { FabricAttestationLedger } from '@trestle/bridge/src/validator/fabric-attestation-ledger';
import { FabricGatewayMessageLedger } from '@trestle/bridge/src/validator/gateway-message-ledger';
import { identityFactoryOf } from '@trestle/bridge/src/validator/kyc-claimant';
import { validatorsOnLedger } from '@trestle/bridge/src/validator/registration-check';
import { stackFromEnv } from '../stack/stack-config';
import { validatorStatusLines } from './validator-status-lines';

const MSP_ID = /^[A-Za-z0-9][A-Za-z0-9.-]{0,63}$/;

type StartOptions = {
  bank: string;
  keystore: string;
  passwordEnv: string;
  connectionProfile: string;
  wallet: string;
  identity: string;
  channel: string;
  chaincode: string;
  relayerKeystore?: string;
  relayerPasswordEnv?: string;
  interval: number;
  confirmations: number;
};

function positiveInteger(value: string): number {
  const number = Number(value);
  if (!Number.isSafeInteger(number) || number < 1) throw new InvalidArgumentError('a whole number of at least 1');
  return number;
}

function mspId(value: string): string {
  if (!MSP_ID.test(value)) throw new InvalidArgumentError('an MSP id such as BankAMSP');
  return value;
}

/**
 * Where a validator keeps its checkpoints and send journal: one folder per chain and gateway, so a
 * gateway redeployed on a restarted devnet starts from its own, empty state (a checkpoint of the
 * old gateway failed every pass with BRIDGE_CHECKPOINT_MISMATCH, seen on the real network).
 */
export function validatorStateDir(home: string, chainId: number | string, gateway: string): string {
  return path.join(home, 'run', 'bridge', `${chainId}-${gateway.toLowerCase()}`);
}

/** A refusal an operator fixes by changing how they call the command: one sentence, exit code 2. */
class UsageError extends Error {}

async function start(options: StartOptions): Promise<void> {
  const stack = stackFromEnv();
  const deployment = readDeployment(stack.home);
  if (deployment === undefined) throw new UsageError(`No deployment under ${stack.home}; run "npm start" (or "npm run trestle -- deploy") first.`);
  for (const [flag, file] of [['--keystore', options.keystore], ['--connection-profile', options.connectionProfile]] as const) {
    if (!existsSync(file)) throw new UsageError(`${flag} ${file}: no such file.`);
  }
  const signer = await KeystoreSigner.load(options.keystore, { env: options.passwordEnv });
  const provider = localProvider(deployment.rpcUrl);
  let relayer: { sender: Signer; journal: SendJournal } | undefined;
  if (options.relayerKeystore !== undefined) {
    const password = process.env[options.relayerPasswordEnv ?? ''] ?? '';
    const sender = (await Wallet.fromEncryptedJson(readFileSync(options.relayerKeystore, 'utf8'), password)).connect(provider);
    relayer = { sender, journal: new SendJournal(path.join(validatorStateDir(stack.home, deployment.chainId, deployment.contracts.gateway), `relayer-${options.bank}.json`)) };
  }
  const connection = await connectBankLedger({ connectionProfile: options.connectionProfile, walletPath: options.wallet, identity: options.identity, channel: options.channel, chaincode: options.chaincode });
  const chainId = BigInt(deployment.chainId);
  const gateway = gatewayAt(deployment.contracts.gateway, provider);
  // Identity mirroring: this bank vouches for its own investors with its validator key, a CLAIM key of the consortium ClaimIssuer.
  const identities = { claimIssuer: deployment.contracts.claimIssuer, idFactory: await identityFactoryOf(gateway), validatorOfBank: validatorsOnLedger(connection.bridge) };
  const node = new ValidatorNode({
    bank: options.bank,
    signer,
    provider,
    gateway,
    identities,
    ledger: new FabricAttestationLedger(connection.bridge, chainId),
    messages: new FabricGatewayMessageLedger(connection.messages, chainId),
    checkpoint: new FileCheckpoint(path.join(validatorStateDir(stack.home, deployment.chainId, deployment.contracts.gateway), `burns-${options.bank}.json`)),
    escrowMoves: {
      tokens: deployment.assets.map((asset) => asset.token),
      venues: [deployment.contracts.morpho],
      checkpoint: new FileCheckpoint(path.join(validatorStateDir(stack.home, deployment.chainId, deployment.contracts.gateway), `moves-${options.bank}.json`)),
    },
    confirmations: options.confirmations,
    startBlock: 0,
    ...(relayer === undefined ? {} : { relayer }),
    metrics: new BridgeMetrics(),
    log: (line) => console.log(line),
    statusFile: validatorStatusFile(stack.home, options.bank),
  });
  console.log(`validator of ${options.bank} (${signer.address}) on chain ${deployment.chainId}, a pass every ${options.interval} ms${relayer === undefined ? '' : ', relaying'}; Ctrl-C stops`);
  node.start(options.interval);
  await new Promise<void>((resolve) => {
    const stop = () => resolve();
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
  await node.stop();
  connection.close();
  provider.destroy();
}

/** Each bank's last pass, from the status files the running validators write, and whether enough of them pass for a mint. */
function status(options: { staleAfter: number }): void {
  const stack = stackFromEnv();
  const dir = path.join(stack.home, 'run');
  const files = existsSync(dir) ? readdirSync(dir).filter((name) => /^validator-.+\.json$/.test(name)) : [];
  if (files.length === 0) {
    console.log(`No validator has run under ${stack.home}. Start one per bank with "npm run trestle -- validator start"; each needs its bank's Fabric peer.`);
    process.exitCode = 1;
    return;
  }
  const reports = files.map((name) => JSON.parse(readFileSync(path.join(dir, name), 'utf8')) as PassReport);
  const threshold = readDeployment(stack.home)?.threshold;
  for (const line of validatorStatusLines(reports, { now: Date.now(), staleAfterMs: options.staleAfter * 1000, threshold })) console.log(line);
}

/** `trestle validator start|status`: one bank's bridge validator, and what every bank's did last. */
export function validatorCommand(): Command {
  const command = new Command('validator').description("a bank's bridge validator: signs, attests, mirrors, reconciles and relays");
  command
    .command('start')
    .description("run this bank's validator until Ctrl-C (needs the bank's Fabric peer and the EVM node)")
    .requiredOption('--bank <msp>', "the bank's MSP id", mspId)
    .requiredOption('--keystore <file>', "the validator key's encrypted keystore (JSON)")
    .requiredOption('--password-env <var>', 'the environment variable holding the keystore password')
    .requiredOption('--connection-profile <file>', "the bank's Fabric connection profile (JSON)")
    .requiredOption('--wallet <dir>', "the bank's fabric-network file-system wallet")
    .requiredOption('--identity <label>', "the validator's identity in the wallet (role validator)")
    .option('--channel <name>', 'the channel', 'rwa')
    .option('--chaincode <name>', 'the chaincode', 'trestle')
    .option('--relayer-keystore <file>', 'a funded account to relay from (encrypted keystore); without it this bank does not relay')
    .option('--relayer-password-env <var>', "the environment variable holding the relayer keystore's password")
    .option('--interval <ms>', 'milliseconds between passes', positiveInteger, 2_000)
    .option('--confirmations <n>', 'blocks before a burn is attested', positiveInteger, 12)
    .action(async (options: StartOptions) => {
      try {
        await start(options);
      } catch (error) {
        if (error instanceof UsageError || isTrestleError(error)) {
          console.error(`error: ${error.message}`);
          process.exitCode = 2;
          return;
        }
        throw error;
      }
    });
  command
    .command('status')
    .description("each bank's validator: its last pass and what each duty did, which are not passing, and whether enough pass for a mint")
    .option('--stale-after <seconds>', 'a validator whose last pass is older is reported as not passing', positiveInteger, 30)
    .action(status);
  return command;
}

import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { getAddress, parseEther, toBeHex, Wallet } from 'ethers';
import type { BridgeChainRecord } from '@trestle/compliance/src/bridge/bridge-chain';
import type { BridgeValidator } from '@trestle/compliance/src/bridge/bridge-validator';
import type { DeploymentFile } from '@trestle/bridge/src/evm/deploy/deploy-all';
import { localProvider } from '@trestle/bridge/src/evm/provider';
import { validatorStatusFile } from '@trestle/bridge/src/node/validator-node';
import { createKeystore } from '@trestle/bridge/src/plugin/public-api';
import { startProcess, stopProcess, waitUntilReady } from '../process/managed-process';
import { REPO_ROOT, type StackConfig } from '../stack/stack-config';
import { parseActingIdentity, type OrgHandle } from './ledger/acting-identity';
import { ensureRole } from './ensure-role';
import { fabricClientFiles } from './ledger/fabric-client-files';
import { fabricLedgerSessions } from './ledger/fabric-ledger-session';
import type { LedgerSession } from './ledger/ledger-session';

// `npm start`'s bridge validators on the local stack: the ledger side of the bridge set up (each
// bank's validator1 holds the validator role and its bank's devnet key is registered; the chain's
// configuration names the deployed gateway and tokens) and one detached `trestle validator start`
// per bank, BankA relaying. Every step is idempotent; the processes are restarted each time, so a
// redeployed devnet is never served by a validator still holding the old addresses (checkpoints
// and the ledger keep restarts exactly-once).

/** The banks, their wallet folders, and the devnet key of each (bridge/src/evm/deploy/deploy-all.ts writes evm/devnet-keys.json). */
const BANKS = [
  { org: 'bankA', msp: 'BankAMSP', key: 'BankA' },
  { org: 'bankB', msp: 'BankBMSP', key: 'BankB' },
  { org: 'bankC', msp: 'BankCMSP', key: 'BankC' },
] as const;
/** Who proposes the chain configuration, and who approves it (operators of two banks). */
const PROPOSER = 'bankA/operator1';
const APPROVER = 'bankB/operator1';
/** The devnet mines a block per transaction only: a burn's own block is final, or it would wait for unrelated traffic. */
const DEVNET_CONFIRMATIONS = 1;
const PASSWORD_ENV = 'TRESTLE_VALIDATOR_KEYSTORE_PASSWORD';
const READY_TIMEOUT_MS = 90_000;

/** A validator's process name (`trestle logs validator-bankA`). */
export const validatorProcessName = (org: string): string => `validator-${org}`;

/** Sets up the ledger side of the bridge and (re)starts one validator process per bank; returns a note for the task title. */
export async function validatorsUp(stack: StackConfig, deployment: DeploymentFile, say: (line: string) => void): Promise<string> {
  const keysFile = path.join(stack.home, 'evm', 'devnet-keys.json');
  if (!existsSync(keysFile)) return 'skipped: no devnet keys (deploy first)';
  const keys = JSON.parse(readFileSync(keysFile, 'utf8')) as { validators: Record<(typeof BANKS)[number]['key'], string> };
  const open = fabricLedgerSessions(stack);
  const withSession = async <T>(label: string, run: (session: LedgerSession) => Promise<T>): Promise<T> => {
    const session = await open(parseActingIdentity(label));
    try {
      return await run(session);
    } finally {
      await session.close();
    }
  };

  say('roles: validator for each bank\'s validator1, operator for the proposing and approving operators');
  for (const bank of BANKS) await withSession(`${bank.org}/admin`, (admin) => ensureRole(stack, admin, `${bank.org}/validator1`, 'validator'));
  for (const label of [PROPOSER, APPROVER]) await withSession(`${parseActingIdentity(label).org}/admin`, (admin) => ensureRole(stack, admin, label, 'operator'));

  say('each bank\'s validator address on the ledger');
  // Read by a validator (an admin holds no role that reads the list), registered by each bank's admin.
  const registered = await withSession(`${BANKS[0].org}/validator1`, async (validator) => JSON.parse(Buffer.from(await validator.contract('BridgeContract').evaluateTransaction('ListBridgeValidators')).toString('utf8')) as BridgeValidator[]);
  for (const bank of BANKS) {
    const address = new Wallet(keys.validators[bank.key]).address;
    if (registered.find((validator) => validator.bankMsp === bank.msp)?.address === address) continue;
    await withSession(`${bank.org}/admin`, (admin) => admin.contract('BridgeContract').submitTransaction('RegisterValidator', address));
  }

  // Only assets the ledger has: the validators' mirror reads each configured asset's record and fails on a missing one.
  const onLedger = await withSession(`${BANKS[0].org}/validator1`, async (validator) => {
    const found: string[] = [];
    for (const asset of deployment.assets) if (await assetExists(validator, asset.symbol)) found.push(asset.symbol);
    return found;
  });
  const bridged = deployment.assets.filter((asset) => onLedger.includes(asset.symbol)).sort((a, b) => (a.symbol < b.symbol ? -1 : 1));
  say(`chain ${deployment.chainId}: gateway ${deployment.contracts.gateway} in force, bridging ${bridged.length === 0 ? 'no asset yet' : bridged.map((asset) => asset.symbol).join(', ')}`);
  const config = {
    chainId: String(deployment.chainId),
    gateway: getAddress(deployment.contracts.gateway),
    threshold: deployment.threshold,
    confirmations: DEVNET_CONFIRMATIONS,
    // The devnet deploys the ledger's asset id as the token symbol.
    tokens: bridged.map((asset) => ({ assetId: asset.symbol, token: getAddress(asset.token) })),
    claimIssuer: getAddress(deployment.contracts.claimIssuer),
  };
  const inForce = await withSession(PROPOSER, async (operator) => {
    const record = await bridgeChainRecord(operator, config.chainId);
    if (record?.active != null && canonical(record.active) === canonical(config)) return true;
    await operator.contract('BridgeContract').submitTransaction('ProposeBridgeChain', JSON.stringify(config));
    return false;
  });
  if (!inForce) await withSession(APPROVER, (operator) => operator.contract('BridgeContract').submitTransaction('ApproveBridgeChain', JSON.stringify(config)));

  say('keystores and the relayer account');
  const folder = path.join(stack.home, 'validators');
  mkdirSync(folder, { recursive: true, mode: 0o700 });
  const password = secretFile(path.join(folder, 'keystore-password'), () => randomBytes(24).toString('hex'));
  for (const bank of BANKS) await keystoreFile(path.join(folder, `${bank.org}.json`), password, keys.validators[bank.key]);
  const relayerKey = secretFile(path.join(folder, 'relayer-key'), () => Wallet.createRandom().privateKey);
  const relayerKeystore = await keystoreFile(path.join(folder, 'relayer.json'), password, relayerKey);
  const provider = localProvider(deployment.rpcUrl);
  try {
    // The devnet forgets balances when it restarts: top the relayer up each time.
    await provider.send('hardhat_setBalance', [new Wallet(relayerKey).address, toBeHex(parseEther('1000'))]);
  } finally {
    provider.destroy();
  }

  const startedAt = Date.now();
  for (const [index, bank] of BANKS.entries()) {
    const name = validatorProcessName(bank.org);
    say(`starting ${name}`);
    await stopProcess(stack.home, name);
    const relaying = index === 0 ? { keystore: relayerKeystore, passwordEnv: PASSWORD_ENV } : undefined;
    const args = validatorStartArgs(stack, { org: bank.org, msp: bank.msp, keystore: path.join(folder, `${bank.org}.json`), passwordEnv: PASSWORD_ENV, confirmations: DEVNET_CONFIRMATIONS, relayer: relaying });
    startProcess(stack.home, { name, command: process.execPath, args, cwd: REPO_ROOT, env: { TRESTLE_HOME: stack.home, TRESTLE_PORT_BASE: String(stack.portBase), [PASSWORD_ENV]: password } });
  }
  for (const bank of BANKS) {
    // Ready once it has written the report of a pass it started after this (re)start.
    await waitUntilReady(stack.home, validatorProcessName(bank.org), async () => passedSince(validatorStatusFile(stack.home, bank.msp), startedAt), READY_TIMEOUT_MS);
  }
  const missing = deployment.assets.filter((asset) => !onLedger.includes(asset.symbol)).map((asset) => asset.symbol);
  return `${BANKS.length} validators passing, BankA relaying${missing.length === 0 ? '' : `; ${missing.join(', ')} not on the ledger yet, not bridged (run up again once tokenized)`}`;
}

/** What one bank's `trestle validator start` is given: its keystore, its bank's Fabric client files and validator1, and a relayer account if it relays. */
export interface ValidatorStart {
  readonly org: OrgHandle;
  readonly msp: string;
  readonly keystore: string;
  readonly passwordEnv: string;
  readonly confirmations: number;
  readonly relayer: { readonly keystore: string; readonly passwordEnv: string } | undefined;
}

/** The node arguments (after the executable) of one bank's `trestle validator start`; `preload` modules are imported after tsx. */
export function validatorStartArgs(stack: StackConfig, start: ValidatorStart, preload: readonly string[] = []): string[] {
  const files = fabricClientFiles(stack, start.org);
  // prettier-ignore
  return ['--import', 'tsx', ...preload.flatMap((module) => ['--import', module]), path.join(REPO_ROOT, 'network', 'src', 'cli', 'main.ts'), 'validator', 'start',
    '--bank', start.msp, '--keystore', start.keystore, '--password-env', start.passwordEnv,
    '--connection-profile', files.connectionProfile, '--wallet', files.wallet, '--identity', 'validator1',
    '--confirmations', String(start.confirmations), ...(start.relayer === undefined ? [] : ['--relayer-keystore', start.relayer.keystore, '--relayer-password-env', start.relayer.passwordEnv])];
}

/** Stops every bank's validator process; the names of those that ran. */
export async function stopValidators(home: string): Promise<string[]> {
  const stopped: string[] = [];
  for (const bank of BANKS) if (await stopProcess(home, validatorProcessName(bank.org))) stopped.push(validatorProcessName(bank.org));
  return stopped;
}

/** The chain's bridge configuration record, or undefined on a ledger where no bank has proposed one yet (a fresh consortium). */
export async function bridgeChainRecord(session: LedgerSession, chainId: string): Promise<BridgeChainRecord | undefined> {
  try {
    return JSON.parse(Buffer.from(await session.contract('BridgeContract').evaluateTransaction('GetBridgeChain', chainId)).toString('utf8')) as BridgeChainRecord;
  } catch (error) {
    if (error instanceof Error && error.message.includes('[BRIDGE_CHAIN_UNKNOWN]')) return undefined;
    throw error;
  }
}

/** Whether the ledger has an asset with this id. */
async function assetExists(session: LedgerSession, assetId: string): Promise<boolean> {
  try {
    await session.contract('AssetContract').evaluateTransaction('GetAsset', assetId);
    return true;
  } catch (error) {
    if (error instanceof Error && error.message.includes('[ASSET_NOT_FOUND]')) return false;
    throw error;
  }
}

/** JSON with object keys sorted, so two configurations compare by content. */
function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, item: unknown) =>
    item !== null && typeof item === 'object' && !Array.isArray(item) ? Object.fromEntries(Object.entries(item as Record<string, unknown>).sort(([a], [b]) => a.localeCompare(b))) : item,
  );
}

/** The secret kept in `file` (mode 0600), made by `make` the first time. */
function secretFile(file: string, make: () => string): string {
  if (!existsSync(file)) writeFileSync(file, make(), { mode: 0o600 });
  return readFileSync(file, 'utf8').trim();
}

/** An encrypted keystore of `privateKey` at `file`, written the first time; its path. */
async function keystoreFile(file: string, password: string, privateKey: string): Promise<string> {
  if (existsSync(file) && (JSON.parse(readFileSync(file, 'utf8')) as { address?: string }).address?.toLowerCase() === new Wallet(privateKey).address.slice(2).toLowerCase()) return file;
  if (existsSync(file)) throw new Error(`${file} holds another key than the stack's devnet keys; move it away and run up again.`);
  await createKeystore(file, password, { privateKey });
  return file;
}

async function passedSince(statusFile: string, since: number): Promise<boolean> {
  if (!existsSync(statusFile)) return false;
  const report = JSON.parse(readFileSync(statusFile, 'utf8')) as { at: string };
  return Date.parse(report.at) >= since;
}

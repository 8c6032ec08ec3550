import { spawn, type ChildProcess } from 'node:child_process';
import { closeSync, existsSync, mkdirSync, openSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { Wallet } from 'ethers';
import type { DeploymentFile } from '@trestle/bridge/src/evm/deploy/deploy-all';
import { validatorStatusFile, type PassReport } from '@trestle/bridge/src/node/validator-node';
import { createKeystore } from '@trestle/bridge/src/plugin/public-api';
import { tempDir, TEST_SCRYPT } from '@trestle/bridge/test/validator/validator-keys';
import { validatorStartArgs } from '../../src/cli/validators-up';
import { REPO_ROOT, type StackConfig } from '../../src/stack/stack-config';
import type { BridgeEscrow } from '@trestle/compliance/src/bridge/bridge-escrow';
import type { BridgeOutRecord } from '@trestle/compliance/src/bridge/bridge-out';
import type { HoldingRecord } from '@trestle/compliance/src/ledger/holding';
import { BRIDGE_BANKS, BRIDGE_DESK, realBridge, type RealBridge } from './bridge-world';
import type { CrashMarker, CrashPoint } from './crash-point';
import { pollUntil } from './fabric-poll';
import { sessionOf } from './ledger-people';

// Each bank's bridge validator as a real child process (`trestle validator start`, the command
// npm start runs, with the arguments validators-up.ts gives it) on the real Fabric network, for the
// crash and quorum suites. The processes get a state folder of their own (TRESTLE_HOME) whose
// deployment file names the suite's gateway and token (realBridge's fresh market, not the stack's
// npm start deployment), with the validator keys of that gateway in keystores; they reach the
// stack's peers through its connection profiles. A process can be told to SIGKILL itself at a crash
// point (crash-point.ts, preloaded).

const PASSWORD_ENV = 'TRESTLE_TEST_VALIDATOR_PASSWORD';
const PASSWORD = 'crash-test-password';
const CRASH_PRELOAD = path.join(__dirname, 'crash-point.ts');
/** Fast passes: the suites wait on the validators, and the ledger, not the timer, is the bottleneck. */
const PASS_INTERVAL_MS = 500;
/** Start-up (tsx, fabric-network, a first pass on three loaded Fabric peers) on two busy cores. */
const FIRST_PASS_DEADLINE_MS = 90_000;
const STOP_GRACE_MS = 10_000;

/** Where a suite's validator processes keep their state, and what they were given. */
export interface ValidatorHome {
  readonly stack: StackConfig;
  /** TRESTLE_HOME of the processes: evm/deployment.json, run/ (status files; checkpoints and the relayer journal under run/bridge/<chain>-<gateway>/), logs. */
  readonly dir: string;
  /** Each bank's validator keystore, in BRIDGE_BANKS order. */
  readonly keystores: readonly string[];
  readonly relayerKeystore: string;
  /** Blocks a burn waits before the processes attest it (`--confirmations`). */
  readonly confirmations: number;
}

/**
 * A state folder for `s`'s validators: the deployment file of its market (chain, gateway,
 * ClaimIssuer, Morpho, the asset's token under the ledger's asset id) and cheap-scrypt keystores of
 * the gateway's validator keys and of `s`'s funded relayer account.
 */
export async function validatorHome(stack: StackConfig, s: RealBridge, confirmations: number): Promise<ValidatorHome> {
  const dir = await tempDir('validator-processes');
  const { m } = s;
  const deployment: DeploymentFile = {
    chainId: Number(m.chainId),
    rpcUrl: m.provider._getConnection().url,
    deployedAt: new Date().toISOString(),
    abis: { ours: '', trex: '', onchainId: '' },
    validators: m.validators.map((wallet) => wallet.address),
    threshold: 2,
    superThreshold: 3,
    contracts: {
      gateway: await m.gateway.getAddress(),
      idFactory: m.infra.idFactory,
      implementationAuthority: m.infra.implementationAuthority,
      claimIssuer: m.infra.claimIssuer,
      morpho: await m.morpho.getAddress(),
      stablecoin: await m.stablecoin.getAddress(),
      irm: await m.irm.getAddress(),
      quorumOwner: '',
      modules: m.modules,
    },
    assets: [{ name: s.asset.assetId, symbol: s.asset.assetId, token: m.suite.token, identityRegistry: m.suite.identityRegistry, compliance: m.suite.compliance, oracle: await m.oracle.getAddress(), marketId: m.market.id, marketParams: { ...m.market.params, lltv: m.market.params.lltv.toString() } }],
  };
  mkdirSync(path.join(dir, 'evm'), { recursive: true });
  writeFileSync(path.join(dir, 'evm', 'deployment.json'), JSON.stringify(deployment, null, 2));
  const keystores: string[] = [];
  for (const [index, wallet] of m.validators.entries()) {
    const file = path.join(dir, `${BRIDGE_BANKS[index]!.org}.json`);
    await createKeystore(file, PASSWORD, { privateKey: wallet.privateKey, scrypt: TEST_SCRYPT });
    keystores.push(file);
  }
  const relayerKeystore = path.join(dir, 'relayer.json');
  await createKeystore(relayerKeystore, PASSWORD, { privateKey: (s.relayerAccount as Wallet).privateKey, scrypt: TEST_SCRYPT });
  return { stack, dir, keystores, relayerKeystore, confirmations };
}

/** How one process is started: which bank, whether it relays, and where (if anywhere) it kills itself. */
export interface ValidatorProcessOptions {
  /** Index into BRIDGE_BANKS. */
  readonly bank: number;
  readonly relays?: boolean;
  readonly crashAt?: CrashPoint;
}

/** How a process ended. */
export interface ProcessExit {
  readonly code: number | null;
  readonly signal: NodeJS.Signals | null;
}

/** One bank's `trestle validator start` running as a child of the test process. */
export class ValidatorProcess {
  readonly exited: Promise<ProcessExit>;
  readonly startedAt = Date.now();
  #exit: ProcessExit | undefined;

  private constructor(
    readonly home: ValidatorHome,
    readonly options: ValidatorProcessOptions,
    readonly child: ChildProcess,
    readonly logFile: string,
  ) {
    this.exited = new Promise((resolve) => {
      child.once('exit', (code, signal) => {
        this.#exit = { code, signal };
        resolve(this.#exit);
      });
    });
  }

  /** Starts the process; its stdout and stderr go to <home>/logs/validator-<org>-<n>.log. */
  static start(home: ValidatorHome, options: ValidatorProcessOptions): ValidatorProcess {
    const bank = BRIDGE_BANKS[options.bank]!;
    const logs = path.join(home.dir, 'logs');
    mkdirSync(logs, { recursive: true });
    let serial = 1;
    while (existsSync(path.join(logs, `validator-${bank.org}-${serial}.log`))) serial++;
    const logFile = path.join(logs, `validator-${bank.org}-${serial}.log`);
    const relayer = options.relays === true ? { keystore: home.relayerKeystore, passwordEnv: PASSWORD_ENV } : undefined;
    const args = [
      ...validatorStartArgs(home.stack, { org: bank.org, msp: bank.msp, keystore: home.keystores[options.bank]!, passwordEnv: PASSWORD_ENV, confirmations: home.confirmations, relayer }, options.crashAt === undefined ? [] : [CRASH_PRELOAD]),
      '--interval',
      String(PASS_INTERVAL_MS),
    ];
    const crash = options.crashAt === undefined ? {} : { TRESTLE_CRASH_AT: options.crashAt, TRESTLE_CRASH_MARKER: crashMarkerFile(home, options.bank) };
    const out = openSync(logFile, 'a');
    try {
      const child = spawn(process.execPath, args, {
        cwd: REPO_ROOT,
        env: { ...process.env, TRESTLE_HOME: home.dir, TRESTLE_PORT_BASE: String(home.stack.portBase), [PASSWORD_ENV]: PASSWORD, ...crash },
        stdio: ['ignore', out, out],
      });
      return new ValidatorProcess(home, options, child, logFile);
    } finally {
      closeSync(out);
    }
  }

  /** The bank's MSP id. */
  get bankMsp(): string {
    return BRIDGE_BANKS[this.options.bank]!.msp;
  }

  /** How the process ended, undefined while it runs. */
  get exit(): ProcessExit | undefined {
    return this.#exit;
  }

  /** Waits for a pass report written after this process started (its first whole pass), or fails with the log's tail. */
  async firstPass(): Promise<PassReport> {
    return pollUntil(`${this.bankMsp}'s validator process finishes a pass`, FIRST_PASS_DEADLINE_MS, async () => {
      if (this.#exit !== undefined) throw new Error(`${this.bankMsp}'s validator exited (${JSON.stringify(this.#exit)}): ${this.logTail()}`);
      return passSince(this.home, this.options.bank, this.startedAt);
    }, 100);
  }

  /** Waits for a whole pass that began after `since` (ms since the epoch): the one after the first pass to end after it. */
  async passAfter(since: number, deadlineMs = FIRST_PASS_DEADLINE_MS): Promise<PassReport> {
    const what = `${this.bankMsp}'s validator passes after ${new Date(since).toISOString()}`;
    const ended = await pollUntil(what, deadlineMs, async () => passSince(this.home, this.options.bank, since), 100);
    return pollUntil(what, deadlineMs, async () => passSince(this.home, this.options.bank, Date.parse(ended.at) + 1), 100);
  }

  /** SIGTERM (the command stops after its pass), SIGKILL past the grace; resolves once it is gone. */
  async stop(): Promise<ProcessExit> {
    if (this.#exit !== undefined) return this.#exit;
    this.child.kill('SIGTERM');
    const timer = setTimeout(() => this.child.kill('SIGKILL'), STOP_GRACE_MS);
    try {
      return await this.exited;
    } finally {
      clearTimeout(timer);
    }
  }

  /** The last lines of the process's log, for failure messages. */
  logTail(lines = 15): string {
    return existsSync(this.logFile) ? readFileSync(this.logFile, 'utf8').trimEnd().split('\n').slice(-lines).join('\n') : '(no log)';
  }
}

/** The marker file a crashed process of bank `bank` writes (crash-point.ts). */
export function crashMarkerFile(home: ValidatorHome, bank: number): string {
  return path.join(home.dir, `crash-${BRIDGE_BANKS[bank]!.org}.json`);
}

/** What the crashed process of bank `bank` was about to record. */
export function crashMarker(home: ValidatorHome, bank: number): CrashMarker {
  return JSON.parse(readFileSync(crashMarkerFile(home, bank), 'utf8')) as CrashMarker;
}

/** The bank's last pass report if that pass ended after `since`. */
function passSince(home: ValidatorHome, bank: number, since: number): PassReport | undefined {
  const file = validatorStatusFile(home.dir, BRIDGE_BANKS[bank]!.msp);
  if (!existsSync(file)) return undefined;
  const report = JSON.parse(readFileSync(file, 'utf8')) as PassReport;
  return Date.parse(report.at) >= since ? report : undefined;
}

/** Stops every process still running (for test.after.always). */
export async function stopAll(processes: readonly ValidatorProcess[]): Promise<void> {
  await Promise.all(processes.map((running) => running.stop()));
}

/** A suite's bridge with its validators as processes: realBridge, their state folder, a reader on the ledger, and the reads every crash test makes. */
export interface ProcessBridge {
  readonly s: RealBridge;
  readonly home: ValidatorHome;
  /** Every process started through `start`, for test.after.always. */
  readonly processes: ValidatorProcess[];
  start(options: ValidatorProcessOptions): ValidatorProcess;
  /**
   * The bank's running process started with these options (relaying or not, no crash point), or a
   * new one once it has passed; another running process of the bank is stopped first. Tests share
   * the processes a previous test left running, as a long-lived validator would be: starting one
   * costs tens of seconds on the loaded machine.
   */
  ensure(options: { readonly bank: number; readonly relays?: boolean }): Promise<ValidatorProcess>;
  /** Stops the bank's processes. */
  stopBank(bank: number): Promise<void>;
  /** A bridge-out of `amount` units of the BankA investor's to the bound wallet, requested and approved (escrowed, with its Mint nonce). */
  approvedBridgeOut(amount: bigint): Promise<BridgeOutRecord>;
  bridgeOut(id: string): Promise<BridgeOutRecord>;
  /** The gateway's Minted events for a nonce (one per mint that happened). */
  mintedEvents(nonce: bigint): Promise<{ readonly txHash: string; readonly amount: bigint }[]>;
  totalSupply(): Promise<bigint>;
  /** The BankA investor's holding of the asset on the ledger. */
  holding(): Promise<HoldingRecord>;
  escrowed(): Promise<bigint>;
  /** Every "<duty> failed" line the processes logged so far (log file: line), for the tests to show. */
  dutyFailures(): string[];
  /** Stops the processes and closes the reader and the CLI. */
  close(): Promise<void>;
}

/** Sets up `processBridge`: a fresh tokenized asset and market (realBridge) and the processes' state folder; nothing runs yet. */
export async function processBridge(stack: StackConfig, confirmations: number): Promise<ProcessBridge> {
  const s = await realBridge(stack);
  const home = await validatorHome(stack, s, confirmations);
  const reader = await sessionOf(stack, BRIDGE_DESK.approver);
  const processes: ValidatorProcess[] = [];
  const contract = () => reader.contract('BridgeContract');
  const json = <T>(bytes: Uint8Array) => JSON.parse(Buffer.from(bytes).toString('utf8')) as T;
  const { m, asset, holder, chainId } = s;
  const start = (options: ValidatorProcessOptions): ValidatorProcess => {
    const started = ValidatorProcess.start(home, options);
    processes.push(started);
    return started;
  };
  return {
    s,
    home,
    processes,
    start,
    async ensure(options) {
      const live = processes.filter((candidate) => candidate.options.bank === options.bank && candidate.exit === undefined);
      const same = live.find((candidate) => (candidate.options.relays ?? false) === (options.relays ?? false) && candidate.options.crashAt === undefined);
      if (same !== undefined) return same;
      await stopAll(live);
      const started = start(options);
      await started.firstPass();
      return started;
    },
    async stopBank(bank) {
      await stopAll(processes.filter((candidate) => candidate.options.bank === bank));
    },
    async approvedBridgeOut(amount) {
      const requested = await s.cli.json<BridgeOutRecord>('bridge', 'out', asset.assetId, asset.investors.a1, '--chain', chainId, '--wallet', holder.address, '--amount', amount.toString(), '--as', BRIDGE_DESK.requester);
      return s.cli.json<BridgeOutRecord>('bridge', 'approve', requested.bridgeOutId, '--as', BRIDGE_DESK.approver);
    },
    async bridgeOut(id) {
      return json<BridgeOutRecord>(await contract().evaluateTransaction('GetBridgeOut', id));
    },
    async mintedEvents(nonce) {
      const logs = await m.gateway.queryFilter(m.gateway.getEvent('Minted')(m.suite.token, null, null, nonce), 0, 'latest');
      return logs.map((log) => ({ txHash: log.transactionHash, amount: m.gateway.interface.parseLog(log)!.args.getValue('amount') as bigint }));
    },
    async holding() {
      return json<HoldingRecord>(await reader.contract('AssetContract').evaluateTransaction('GetHolding', asset.assetId, asset.investors.a1));
    },
    async totalSupply() {
      return (await m.token.totalSupply()) as bigint;
    },
    async escrowed() {
      return BigInt(json<BridgeEscrow>(await contract().evaluateTransaction('GetEscrow', asset.assetId, chainId)).escrowed);
    },
    dutyFailures() {
      return processes.flatMap((running) =>
        existsSync(running.logFile)
          ? readFileSync(running.logFile, 'utf8')
              .split('\n')
              .filter((line) => / failed: /.test(line))
              .map((line) => `${path.basename(running.logFile)}: ${line}`)
          : [],
      );
    },
    async close() {
      await stopAll(processes);
      await reader.close();
      s.cli.dispose();
      rmSync(home.dir, { recursive: true, force: true });
    },
  };
}

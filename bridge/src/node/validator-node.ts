import { mkdirSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { JsonRpcProvider, Signer } from 'ethers';
import type { DeployedContract } from '../evm/deploy-contract';
import { Reconciler, type EscrowLedger } from '../reconciler/reconciler';
import { GatewayMessageRelayer } from '../relayer/gateway-message-relayer';
import { nonceManaged } from '../relayer/nonce-managed';
import { Relayer } from '../relayer/relayer';
import type { SendJournal } from '../relayer/send-journal';
import type { AttestationLedger } from '../validator/attestation-ledger';
import { BurnWatcher } from '../validator/burn-watcher';
import { EscrowMoveWatcher, type EscrowMoveLedger } from '../validator/escrow-move-watcher';
import type { FileCheckpoint } from '../validator/checkpoint';
import { GatewayMessageSigning } from '../validator/gateway-message-signing';
import type { GatewayMessageLedger } from '../validator/gateway-message-ledger';
import { KycClaimant } from '../validator/kyc-claimant';
import { LedgerMirror } from '../validator/ledger-mirror';
import type { BridgeMetrics } from '../validator/metrics';
import { MintSigning } from '../validator/mint-signing';
import type { ValidatorSigner } from '../validator/signer/validator-signer';

/** The duties of one pass, in the order a pass runs them. */
export const DUTIES = ['sign-mints', 'watch-moves', 'watch-burns', 'mirror-ledger', 'sign-messages', 'reconcile', 'relay-mints', 'relay-messages'] as const;
export type Duty = (typeof DUTIES)[number];

export interface ValidatorNodeOptions {
  /** The bank's MSP id, for logs and status. */
  readonly bank: string;
  readonly signer: ValidatorSigner;
  readonly provider: JsonRpcProvider;
  readonly gateway: DeployedContract;
  /** The bank's view of BridgeContract (its validator identity). */
  readonly ledger: AttestationLedger & EscrowLedger & EscrowMoveLedger;
  /** The bank's view of GatewayMessageContract. */
  readonly messages: GatewayMessageLedger;
  readonly checkpoint: FileCheckpoint;
  readonly confirmations: number;
  /** Where burns are first looked for without a checkpoint: the gateway's deployment block. */
  readonly startBlock: number;
  /**
   * The bridged tokens and lending venues whose transfers move escrow between beneficial owners,
   * with the watcher's own checkpoint file; without it this bank states no moves (others may).
   */
  readonly escrowMoves?: { readonly tokens: readonly string[]; readonly venues: readonly string[]; readonly checkpoint: FileCheckpoint };
  /**
   * Identity mirroring: the consortium ClaimIssuer (this validator's key is one of its CLAIM keys),
   * the gateway's IdFactory and each bank's validator address on the ledger. With it the mirror
   * proposes registrations of this bank's investors' bound wallets with this bank's KYC claim, and
   * RegisterIdentity messages are signed only after checking them against the EVM; without it the
   * node proposes and signs revocations only (kyc-claimant.ts, registration-check.ts).
   */
  readonly identities?: { readonly claimIssuer: string; readonly idFactory: DeployedContract; readonly validatorOfBank: (bankMsp: string) => Promise<string | undefined> };
  /** A funded account to relay from; a bank without one signs and attests but leaves relaying to others. */
  readonly relayer?: { readonly sender: Signer; readonly journal?: SendJournal };
  readonly metrics?: BridgeMetrics;
  readonly log?: (line: string) => void;
  /** Where each pass's report is written (JSON, replaced atomically) for `trestle validator status`. */
  readonly statusFile?: string;
}

/** What one pass did: per duty, how many items it handled, or the error that stopped that duty. */
export type PassReport = {
  readonly bank: string;
  readonly validator: string;
  readonly at: string;
  readonly duties: Readonly<Record<Duty, { readonly handled: number } | { readonly error: string }>>;
};

/**
 * One bank's validator as a process runs it (`trestle validator start`): every pass signs the
 * bridge-outs waiting for its signature, states final transfers that moved bridged units to another
 * owner, attests final burns, proposes what the ledger holds and the EVM side lacks, co-signs the
 * automatic gateway messages, reconciles escrow against supply, and, when it has a relayer account,
 * relays mints and messages. Each duty is isolated: one that fails (the ledger or the node
 * unreachable) is reported and tried again next pass, the others go on. Every step is idempotent on both ledgers, so passes may overlap other banks' in any order.
 */
export class ValidatorNode {
  readonly #watcher: BurnWatcher;
  readonly #moves: EscrowMoveWatcher | undefined;
  readonly #mintSigning: MintSigning;
  readonly #mirror: LedgerMirror;
  readonly #messageSigning: GatewayMessageSigning;
  readonly #reconciler: Reconciler;
  readonly #relayer: Relayer | undefined;
  readonly #messageRelayer: GatewayMessageRelayer | undefined;
  #timer: NodeJS.Timeout | undefined;
  #running: Promise<PassReport> | undefined;
  #last: PassReport | undefined;

  constructor(readonly options: ValidatorNodeOptions) {
    const { signer, provider, gateway, ledger, messages, metrics } = options;
    this.#mintSigning = new MintSigning({ signer, gateway, ledger, metrics });
    this.#watcher = new BurnWatcher({ provider, gateway, ledger, checkpoint: options.checkpoint, validator: signer.address, confirmations: options.confirmations, startBlock: options.startBlock, metrics });
    if (options.escrowMoves !== undefined) {
      const { tokens, venues, checkpoint } = options.escrowMoves;
      this.#moves = new EscrowMoveWatcher({ provider, ledger, checkpoint, gateway: gateway.target as string, tokens, venues, confirmations: options.confirmations, startBlock: options.startBlock, metrics, log: options.log });
    }
    const identities = options.identities;
    const claimant = identities === undefined ? undefined : new KycClaimant({ signer, bankMsp: options.bank, gateway, claimIssuer: identities.claimIssuer });
    this.#mirror = new LedgerMirror(messages, claimant);
    const registrations = identities === undefined ? {} : { registrations: { idFactory: identities.idFactory, validatorOfBank: identities.validatorOfBank } };
    this.#messageSigning = new GatewayMessageSigning({ signer, ledger: messages, metrics, ...registrations });
    this.#reconciler = new Reconciler({ provider, ledger, messages, metrics });
    const address = gateway.target as string;
    if (options.relayer !== undefined) {
      // One nonce count for the account both relayers pay from.
      const sender = nonceManaged(options.relayer.sender);
      this.#relayer = new Relayer({ ledger, gateway: address, sender, journal: options.relayer.journal, metrics });
      this.#messageRelayer = new GatewayMessageRelayer({ ledger: messages, gateway: address, sender, metrics });
    }
  }

  /** Runs every duty once and reports what each did. */
  async pass(): Promise<PassReport> {
    const duties = {} as Record<Duty, { handled: number } | { error: string }>;
    const run: Record<Duty, () => Promise<number>> = {
      'sign-mints': async () => (await this.#mintSigning.signPending()).length,
      // Before burns: a burn released after the moves that brought the burner its units finds them attributed.
      'watch-moves': async () => (this.#moves === undefined ? 0 : (await this.#moves.poll()).attested.length),
      'watch-burns': async () => (await this.#watcher.poll()).attested.length,
      'mirror-ledger': async () => (await this.#mirror.pass()).length,
      'sign-messages': async () => (await this.#messageSigning.signOpen()).length,
      reconcile: async () => ((await this.#reconciler.reconcile()).pauseProposed ? 1 : 0),
      'relay-mints': async () => (this.#relayer === undefined ? 0 : (await this.#relayer.relayPending()).filter((outcome) => outcome.kind === 'minted').length),
      'relay-messages': async () => (this.#messageRelayer === undefined ? 0 : (await this.#messageRelayer.relayOpen()).filter((outcome) => outcome.kind === 'relayed').length),
    };
    for (const duty of DUTIES) {
      try {
        duties[duty] = { handled: await run[duty]() };
      } catch (error) {
        // The message only: an error's other fields may hold request bodies, never logged.
        const message = error instanceof Error ? error.message : String(error);
        duties[duty] = { error: message };
        this.options.metrics?.increment('errors', duty);
        this.options.log?.(`[${this.options.bank}] ${duty} failed: ${message}`);
      }
    }
    const report: PassReport = { bank: this.options.bank, validator: this.options.signer.address, at: new Date().toISOString(), duties };
    this.#last = report;
    if (this.options.statusFile !== undefined) writeStatus(this.options.statusFile, report);
    return report;
  }

  /** Runs a pass every `intervalMs` until `stop`; a pass never overlaps the previous one. */
  start(intervalMs: number): void {
    if (this.#timer !== undefined) return;
    this.#timer = setInterval(() => {
      if (this.#running !== undefined) return;
      this.#running = this.pass().finally(() => (this.#running = undefined));
    }, intervalMs);
  }

  /** Stops the passes and waits for one in progress. */
  async stop(): Promise<void> {
    clearInterval(this.#timer);
    this.#timer = undefined;
    await this.#running;
  }

  /** The last pass's report, undefined before the first. */
  get lastPass(): PassReport | undefined {
    return this.#last;
  }
}

// Written beside and renamed over, so a reader never sees half a report.
function writeStatus(file: string, report: PassReport): void {
  mkdirSync(path.dirname(file), { recursive: true });
  const partial = `${file}.${process.pid}.tmp`;
  writeFileSync(partial, `${JSON.stringify(report, null, 2)}\n`);
  renameSync(partial, file);
}

/** The status file of a bank's validator under a stack's state folder. */
export function validatorStatusFile(home: string, bank: string): string {
  return path.join(home, 'run', `validator-${bank}.json`);
}

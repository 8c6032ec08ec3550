import type { BridgeOutRecord } from '@trestle/compliance/src/bridge/bridge-out';
import type { BurnRecord } from '@trestle/compliance/src/bridge/burn-attestation';
import type { TransferRecord } from '@trestle/compliance/src/transfers/transfer-record';
import { redeemUnits } from '@trestle/bridge/src/liquidation/redeem-units';
import type { StackConfig } from '../../src/stack/stack-config';
import { uniqueSuffix } from '../support/ledger-people';
import { ChaosActor } from './chaos-actor';
import { BRIDGE_OUT_UNITS, BURN_UNITS, TRANSFER_UNITS } from './chaos-settings';
import type { ChaosWorld } from './chaos-world';

// The mixed load the faults land on. Each item has its id fixed before its first try, and every
// step is chosen from what the ledger holds now (no record: request; pending without this bank's
// approval: approve; …), so a try whose answer was lost to a fault is never repeated blindly and a
// retry can neither lose nor duplicate anything. Transfers move units a2 (BankA) → b2 (BankB),
// request by BankA's operator, approved by an officer of each bank; bridge-outs take a1's units to
// her bound wallet (request by BankA's operator, approval by BankA's officer), minted by the real
// validator processes; burns bring half of each home through the gateway.

/** What the load did, for the assertions. */
export interface LoadRecord {
  readonly transfers: string[];
  readonly bridgeOuts: string[];
  /** Gateway burn numbers of the burns sent. */
  readonly burns: bigint[];
  /** Calls that failed and were tried again, by step. */
  readonly retries: Record<string, number>;
  /** Steps that failed with something other than a fault (a refusal the load does not expect). */
  readonly fatal: string[];
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
/** Pause between tries of a failed step: the fault is a process that comes back within seconds. */
const RETRY_PAUSE_MS = 1_000;
/**
 * An item still failing this long after the faults are over (or after it started, if later) is
 * recorded as fatal instead of tried forever; the convergence bound is checked apart. While faults
 * are still injected an item may take longer: a transaction a killed Raft leader accepted is lost
 * and its submit waits out the 60 s commit timeout, and in the full form one item met two such
 * losses and the read conflicts of three transfer drivers on one holding, for more than 150 s.
 */
const ITEM_DEADLINE_MS = 150_000;

/** The people the load acts as. */
export interface ChaosDesk {
  readonly requester: ChaosActor;
  readonly officerA: ChaosActor;
  readonly officerB: ChaosActor;
  /** Reads records: BankA's second officer (reads transfers, holdings, bridge-outs and burns). */
  readonly reader: ChaosActor;
}

export function chaosDesk(stack: StackConfig): ChaosDesk {
  return {
    requester: new ChaosActor(stack, 'bankA/operator1'),
    officerA: new ChaosActor(stack, 'bankA/officer1'),
    officerB: new ChaosActor(stack, 'bankB/officer1'),
    reader: new ChaosActor(stack, 'bankA/officer2'),
  };
}

export async function closeDesk(desk: ChaosDesk): Promise<void> {
  for (const actor of Object.values(desk)) await actor.close();
}

/** Refusals that mean the load itself is wrong, not that a process was down: no retry helps. */
const FATAL = /\[(TRANSFER_REFUSED|BRIDGE_OUT_REFUSED|TRANSFER_SELF_APPROVAL|CALLER_[A-Z_]+|ROLE_[A-Z_]+|HOLDING_[A-Z_]+|BRIDGE_WALLET_MISMATCH|REDEEM_AMOUNT_INVALID|REDEEM_REFUSED)\]/;

export class ChaosLoad {
  readonly record: LoadRecord = { transfers: [], bridgeOuts: [], burns: [], retries: {}, fatal: [] };
  #stopping = false;
  /** When the last killed process served again; items get their deadline from then. */
  #faultsOverAt: number | undefined;
  readonly #workers: Promise<void>[] = [];

  constructor(
    readonly world: ChaosWorld,
    readonly desk: ChaosDesk,
    /** Told each failure the load retries (once per distinct message and step), for the run's log. */
    readonly onRetry: (line: string) => void = () => {},
  ) {}
  readonly #told = new Set<string>();

  /** Starts the drivers; they run until `stop`. */
  start(workers: { readonly transfers: number; readonly bridgeOuts: number }): void {
    for (let i = 0; i < workers.transfers; i++) this.#workers.push(this.#loop(() => this.transferOnce()));
    for (let i = 0; i < workers.bridgeOuts; i++) this.#workers.push(this.#loop(() => this.bridgeOutOnce()));
    this.#workers.push(this.#loop(() => this.burnOnce()));
  }

  /** Marks the end of the faults: from now on an item failing for ITEM_DEADLINE_MS is fatal. */
  faultsOver(): void {
    this.#faultsOverAt = Date.now();
  }

  /** Stops issuing new items once each driver's item in hand is through; resolves when they are. */
  async stop(): Promise<void> {
    this.#stopping = true;
    await Promise.all(this.#workers);
  }

  async #loop(item: () => Promise<void>): Promise<void> {
    while (!this.#stopping && this.record.fatal.length === 0) await item();
  }

  /** Runs `step` until it succeeds; a fatal refusal is recorded and ends the item (false). */
  async #untilDone(name: string, step: () => Promise<'done' | 'again'>): Promise<boolean> {
    const started = Date.now();
    for (let lastError = ''; ; ) {
      if (this.#faultsOverAt !== undefined && Date.now() > Math.max(started, this.#faultsOverAt) + ITEM_DEADLINE_MS) {
        this.record.fatal.push(`${name}: still failing ${ITEM_DEADLINE_MS / 1000} s after the faults were over (started ${Math.round((Date.now() - started) / 1000)} s ago): ${lastError}`);
        return false;
      }
      try {
        if ((await step()) === 'done') return true;
      } catch (error) {
        const message = error instanceof Error ? error.message : String(error);
        if (FATAL.test(message)) {
          this.record.fatal.push(`${name}: ${message.split('\n')[0]}`);
          return false;
        }
        this.record.retries[name] = (this.record.retries[name] ?? 0) + 1;
        lastError = message.split('\n')[0] ?? '';
        if (!this.#told.has(`${name}: ${lastError}`)) {
          this.#told.add(`${name}: ${lastError}`);
          this.onRetry(`retrying ${name}: ${lastError}`);
        }
      }
      await sleep(RETRY_PAUSE_MS);
    }
  }

  /** One transfer a2 → b2 taken to its approvals (SETTLED follows on the second). */
  async transferOnce(): Promise<void> {
    const { asset } = this.world;
    const transferId = `T-CHAOS-${uniqueSuffix()}`;
    const document = JSON.stringify({ transferId, assetId: asset.assetId, fromInvestorId: asset.investors.a2, toInvestorId: asset.investors.b2, amount: TRANSFER_UNITS.toString() });
    this.record.transfers.push(transferId);
    await this.#untilDone('transfer', async () => {
      const transfer = await this.desk.reader.read<TransferRecord>('TransferContract', 'GetTransfer', [transferId], 'TRANSFER_NOT_FOUND');
      if (transfer === undefined) {
        await this.desk.requester.use((s) => s.contract('TransferContract').submitTransaction('RequestTransfer', document));
        return 'again';
      }
      if (transfer.status === 'SETTLED') return 'done';
      if (transfer.status !== 'PENDING') throw new Error(`[TRANSFER_REFUSED] ${transferId} is ${transfer.status}`);
      const officer = transfer.approvals.some((approval) => approval.officerMsp === 'BankAMSP') ? this.desk.officerB : this.desk.officerA;
      await officer.use((s) => s.contract('TransferContract').submitTransaction('ApproveTransfer', transferId, ''));
      return 'again';
    });
  }

  /** One bridge-out of a1's units to her wallet, requested and approved; the validators take it from there. */
  async bridgeOutOnce(): Promise<void> {
    const { asset, chainId, holder } = this.world;
    const bridgeOutId = `bo-chaos-${uniqueSuffix()}`;
    const document = JSON.stringify({ bridgeOutId, assetId: asset.assetId, investorId: asset.investors.a1, chainId, wallet: holder.address, amount: BRIDGE_OUT_UNITS.toString() });
    this.record.bridgeOuts.push(bridgeOutId);
    await this.#untilDone('bridge-out', async () => {
      const bridgeOut = await this.desk.reader.read<BridgeOutRecord>('BridgeContract', 'GetBridgeOut', [bridgeOutId], 'BRIDGE_OUT_NOT_FOUND');
      if (bridgeOut === undefined) {
        await this.desk.requester.use((s) => s.contract('BridgeContract').submitTransaction('RequestBridgeOut', document));
        return 'again';
      }
      if (bridgeOut.status === 'PENDING') {
        await this.desk.officerA.use((s) => s.contract('BridgeContract').submitTransaction('ApproveBridgeOut', bridgeOutId, ''));
        return 'again';
      }
      if (['APPROVED', 'SIGNED', 'MINTED'].includes(bridgeOut.status)) return 'done';
      throw new Error(`[BRIDGE_OUT_REFUSED] ${bridgeOutId} is ${bridgeOut.status}`);
    });
    // Approved: the next one follows while the validators sign and relay this one.
  }

  /** Burns BURN_UNITS from the holder's wallet once that many minted units wait there. */
  async burnOnce(): Promise<void> {
    const { contracts, holder, asset } = this.world;
    const balance = (await contracts.collateral.balanceOf(holder.address)) as bigint;
    if (balance < BURN_UNITS) {
      await sleep(RETRY_PAUSE_MS);
      return;
    }
    // The devnet is not among the faults: a burn is sent once and its number kept.
    const burned = await redeemUnits(contracts, holder.address, BURN_UNITS, asset.investors.a1).catch((error: unknown) => {
      this.record.fatal.push(`burn: ${error instanceof Error ? error.message : String(error)}`);
      return undefined;
    });
    if (burned !== undefined) this.record.burns.push(burned.burnNonce);
  }

  /** Burns every unit left in the holder's wallet (after the load), so the token ends empty. */
  async burnTheRest(): Promise<bigint> {
    const { contracts, holder, asset } = this.world;
    const balance = (await contracts.collateral.balanceOf(holder.address)) as bigint;
    if (balance === 0n) return 0n;
    const burned = await redeemUnits(contracts, holder.address, balance, asset.investors.a1);
    this.record.burns.push(burned.burnNonce);
    return balance;
  }

  /** The ledger's record of every item (reads retried through faults): what the assertions check. */
  async transferRecords(): Promise<TransferRecord[]> {
    return Promise.all(this.record.transfers.map((id) => this.#readRetried(() => this.desk.reader.read<TransferRecord>('TransferContract', 'GetTransfer', [id], 'TRANSFER_NOT_FOUND'))));
  }

  async bridgeOutRecords(): Promise<BridgeOutRecord[]> {
    return Promise.all(this.record.bridgeOuts.map((id) => this.#readRetried(() => this.desk.reader.read<BridgeOutRecord>('BridgeContract', 'GetBridgeOut', [id], 'BRIDGE_OUT_NOT_FOUND'))));
  }

  /** Each burn's record, or undefined while no bank has attested it yet. */
  async burnRecords(): Promise<Array<BurnRecord | undefined>> {
    return Promise.all(this.record.burns.map((nonce) => this.desk.reader.read<BurnRecord>('BridgeContract', 'GetBurn', [this.world.chainId, nonce.toString()], 'BRIDGE_MINT_UNKNOWN')));
  }

  async #readRetried<T>(read: () => Promise<T | undefined>): Promise<T> {
    let found: T | undefined;
    await this.#untilDone('read', async () => {
      found = await read();
      if (found === undefined) throw new Error('[HOLDING_NOT_FOUND] a record the load created is not on the ledger');
      return 'done';
    });
    if (found === undefined) throw new Error(this.record.fatal.at(-1));
    return found;
  }
}

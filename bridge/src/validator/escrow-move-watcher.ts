import { getAddress, Interface, ZeroAddress, type JsonRpcProvider, type Log, type TransactionReceipt } from 'ethers';
import type { EscrowMoveEvent } from '@trestle/compliance/src/bridge/escrow-move';
import { MORPHO_EVENTS } from '../liquidation/market-positions';
import type { FileCheckpoint } from './checkpoint';
import { scanFinalBlocks } from './final-block-scan';
import type { BridgeMetrics } from './metrics';

const ERC20 = new Interface(['event Transfer(address indexed from, address indexed to, uint256 value)']);
// Morpho's flash loan hands the token out and takes it back in one transaction: nobody's units.
const FLASH_LOAN = new Interface(['event FlashLoan(address indexed caller, address indexed token, uint256 assets)']);

/** Where the watcher states moves: the chaincode's BridgeContract.AttestEscrowMove. */
export interface EscrowMoveLedger {
  recordEscrowMove(move: EscrowMoveEvent): Promise<void>;
}

export interface EscrowMoveWatcherOptions {
  readonly provider: JsonRpcProvider;
  readonly ledger: EscrowMoveLedger;
  readonly checkpoint: FileCheckpoint;
  /** The gateway whose assets' tokens are watched; it names the checkpoint. */
  readonly gateway: string;
  /** The bridged assets' ERC-3643 tokens. */
  readonly tokens: readonly string[];
  /** Lending venues (Morpho Blue) whose transfers are resolved to the borrower they acted for. */
  readonly venues: readonly string[];
  readonly confirmations: number;
  readonly startBlock: number;
  readonly maxBlockRange?: number;
  readonly metrics?: BridgeMetrics;
  readonly log?: (line: string) => void;
}

/** What one pass did: the moves stated, and the venue transfers no venue event explained (left as they were, and logged). */
export interface EscrowMoveWatcherPass {
  readonly fromBlock: number;
  readonly toBlock: number;
  readonly attested: readonly EscrowMoveEvent[];
  readonly unexplained: number;
}

type Transfer = { readonly log: Log; readonly from: string; readonly to: string; readonly amount: bigint };

/**
 * Follows the bridged tokens' Transfer events in final blocks and states, for each that changes a
 * beneficial owner, a move on the ledger so the escrow follows its owner. Mints and burns are the
 * bridge's own and are skipped. A transfer into or out of a lending venue is explained by the
 * venue's event in the same transaction: collateral supplied for oneself, or withdrawn to oneself,
 * changes no owner; supplied on another's behalf moves it to them; withdrawn to another wallet, or
 * seized by a liquidator, moves it from the borrower. A flash loan moves nothing.
 */
export class EscrowMoveWatcher {
  readonly #seen = new Set<string>();
  readonly #tokens: ReadonlySet<string>;
  readonly #venues: ReadonlySet<string>;

  constructor(readonly options: EscrowMoveWatcherOptions) {
    if (!Number.isInteger(options.confirmations) || options.confirmations < 1) throw new RangeError('confirmations must be an integer of at least 1');
    this.#tokens = new Set(options.tokens.map((token) => getAddress(token)));
    this.#venues = new Set(options.venues.map((venue) => getAddress(venue)));
  }

  async poll(): Promise<EscrowMoveWatcherPass> {
    const { provider, checkpoint, confirmations, startBlock, maxBlockRange, metrics } = this.options;
    const attested: EscrowMoveEvent[] = [];
    let unexplained = 0;
    const transfer = ERC20.getEvent('Transfer');
    if (transfer === null) throw new Error('no Transfer fragment');
    const span = await scanFinalBlocks({ provider, checkpoint, contract: getAddress(this.options.gateway), confirmations, startBlock, maxBlockRange, metrics, name: 'escrow-move-watcher' }, async (from, to, chainId) => {
      if (this.#tokens.size === 0) return;
      const logs = await provider.getLogs({ address: [...this.#tokens], topics: [transfer.topicHash], fromBlock: from, toBlock: to });
      for (const log of logs.sort((a, b) => a.blockNumber - b.blockNumber || a.index - b.index)) {
        const outcome = await this.#handle(log, chainId);
        if (outcome === 'unexplained') unexplained += 1;
        else if (outcome !== undefined) attested.push(outcome);
      }
    });
    return { ...span, attested, unexplained };
  }

  async #handle(log: Log, chainId: bigint): Promise<EscrowMoveEvent | 'unexplained' | undefined> {
    const key = `${chainId}:${log.transactionHash.toLowerCase()}:${log.index}`;
    if (this.#seen.has(key)) return undefined;
    const parsed = ERC20.parseLog(log);
    if (parsed === null) return undefined;
    const transfer: Transfer = { log, from: getAddress(parsed.args.getValue('from') as string), to: getAddress(parsed.args.getValue('to') as string), amount: parsed.args.getValue('value') as bigint };
    const beneficial = await this.#beneficial(transfer);
    if (beneficial === 'unexplained') {
      this.options.log?.(`escrow move: a venue transfer in ${log.transactionHash} (log ${log.index}) has no venue event that explains it; its escrow stays attributed as it was`);
      this.options.metrics?.increment('errors', 'escrow-move-unexplained');
      this.#seen.add(key);
      return 'unexplained';
    }
    this.#seen.add(key);
    if (beneficial === undefined || beneficial.from === beneficial.to) return undefined;
    const move: EscrowMoveEvent = {
      chainId: chainId.toString(),
      txHash: log.transactionHash.toLowerCase(),
      logIndex: log.index,
      blockNumber: log.blockNumber,
      blockHash: log.blockHash.toLowerCase(),
      token: getAddress(log.address),
      from: beneficial.from,
      to: beneficial.to,
      amount: transfer.amount.toString(),
      venue: beneficial.venue,
    };
    await this.options.ledger.recordEscrowMove(move);
    return move;
  }

  /** The beneficial owners on both sides; undefined for a bridge mint or burn, which the gateway's own records carry. */
  async #beneficial(transfer: Transfer): Promise<{ from: string; to: string; venue: string | null } | 'unexplained' | undefined> {
    if (transfer.from === ZeroAddress || transfer.to === ZeroAddress || transfer.amount === 0n) return undefined;
    const intoVenue = this.#venues.has(transfer.to);
    const outOfVenue = this.#venues.has(transfer.from);
    if (!intoVenue && !outOfVenue) return { from: transfer.from, to: transfer.to, venue: null };
    if (intoVenue && outOfVenue) return undefined;
    const venue = intoVenue ? transfer.to : transfer.from;
    const receipt = await this.options.provider.getTransactionReceipt(transfer.log.transactionHash);
    if (receipt === null) return 'unexplained';
    const action = venueActionOf(receipt, venue, transfer);
    if (action === undefined) return 'unexplained';
    // A flash loan's payout and its repayment: the units are back in the venue when the transaction ends.
    if (action.name === 'FlashLoan') return undefined;
    return intoVenue ? { from: transfer.from, to: action.onBehalf, venue } : { from: action.onBehalf, to: transfer.to, venue };
  }
}

/** A venue's action on the watched token in one shape: who acted, for whom, who received the units (null when the venue did), how much. */
type VenueEvent = { readonly name: 'SupplyCollateral' | 'WithdrawCollateral' | 'Liquidate' | 'FlashLoan'; readonly caller: string; readonly onBehalf: string; readonly receiver: string | null; readonly assets: bigint };

/** The venue log as a collateral or flash-loan action of `token`, or undefined for any other log. */
function venueEventOf(log: Log, token: string): VenueEvent | undefined {
  const flashLoan = FLASH_LOAN.parseLog(log);
  if (flashLoan !== null) {
    const caller = getAddress(flashLoan.args.getValue('caller') as string);
    // The borrower receives the loan and repays it itself.
    return getAddress(flashLoan.args.getValue('token') as string) === token ? { name: 'FlashLoan', caller, onBehalf: caller, receiver: caller, assets: flashLoan.args.getValue('assets') as bigint } : undefined;
  }
  const parsed = MORPHO_EVENTS.parseLog(log);
  const value = (name: string) => parsed?.args.getValue(name) as unknown;
  const address = (name: string) => getAddress(value(name) as string);
  switch (parsed?.name) {
    case 'SupplyCollateral':
      return { name: 'SupplyCollateral', caller: address('caller'), onBehalf: address('onBehalf'), receiver: null, assets: value('assets') as bigint };
    case 'WithdrawCollateral':
      return { name: 'WithdrawCollateral', caller: address('caller'), onBehalf: address('onBehalf'), receiver: address('receiver'), assets: value('assets') as bigint };
    // The liquidator (caller) receives the seized collateral; the borrower is whose it was.
    case 'Liquidate':
      return { name: 'Liquidate', caller: address('caller'), onBehalf: address('borrower'), receiver: address('caller'), assets: value('seizedAssets') as bigint };
    default:
      return undefined;
  }
}

/**
 * The venue action that explains `transfer`, found by its place in the transaction rather than by
 * size alone: sizes repeat (a flash loan of the very amount a withdrawal or supply in the same
 * transaction moves), and matching by size let a flash loan hide them. Morpho Blue emits an
 * action's event and then moves the token: a payout (withdrawal, liquidation, flash loan) is the
 * token's next transfer out of the venue after its event, while a pull (collateral supply,
 * flash-loan repayment) follows a callback in which other actions may nest, so it closes the
 * innermost open supply or flash loan of its sender and size. SupplyCollateral names a market, not
 * a token: one for another market's collateral stays open and is taken only by an equal pull from
 * the same caller, as before.
 */
function venueActionOf(receipt: TransactionReceipt, venue: string, transfer: Transfer): VenueEvent | undefined {
  const token = getAddress(transfer.log.address);
  // The venue's latest payout event, paid by its next transfer out; supplies and flash loans awaiting their pull, innermost last.
  let payout: VenueEvent | undefined;
  const open: VenueEvent[] = [];
  for (const log of [...receipt.logs].sort((a, b) => a.index - b.index)) {
    const address = getAddress(log.address);
    if (address === venue) {
      const event = venueEventOf(log, token);
      payout = event?.name === 'SupplyCollateral' ? undefined : event;
      if (event?.name === 'SupplyCollateral' || event?.name === 'FlashLoan') open.push(event);
      continue;
    }
    const parsed = address === token ? ERC20.parseLog(log) : null;
    if (parsed === null) continue;
    const [from, to, amount] = [getAddress(parsed.args.getValue('from') as string), getAddress(parsed.args.getValue('to') as string), parsed.args.getValue('value') as bigint];
    let action: VenueEvent | undefined;
    if (from === venue) {
      action = payout !== undefined && payout.receiver === to && payout.assets === amount ? payout : undefined;
      payout = undefined;
    } else if (to === venue) {
      let at = open.length - 1;
      while (at >= 0 && !(open[at]!.caller === from && open[at]!.assets === amount)) at -= 1;
      action = at < 0 ? undefined : open.splice(at, 1)[0];
    }
    if (log.index === transfer.log.index) return action;
  }
  return undefined;
}

import { Contract, type Provider } from 'ethers';
import type { BridgeChainRecord } from '@trestle/compliance/src/bridge/bridge-chain';
import type { BridgeEscrow } from '@trestle/compliance/src/bridge/bridge-escrow';
import type { MintRecord } from '../validator/attestation-ledger';
import type { GatewayMessageLedger } from '../validator/gateway-message-ledger';
import type { BridgeMetrics } from '../validator/metrics';

/** What the reconciler reads from the ledger: the chain's tokens, each asset's escrow, the mints in flight. */
export interface EscrowLedger {
  chain(): Promise<BridgeChainRecord>;
  escrow(assetId: string): Promise<BridgeEscrow>;
  pendingMints(): Promise<MintRecord[]>;
}

export interface ReconcilerOptions {
  readonly provider: Provider;
  readonly ledger: EscrowLedger;
  readonly messages: GatewayMessageLedger;
  readonly metrics?: BridgeMetrics;
  /** Consecutive passes that must see a divergence before a pause is proposed (default 2), so a read racing a mint cannot pause the bridge. */
  readonly confirmPasses?: number;
}

/** One asset's balance sheet across the two ledgers. */
export interface Reconciliation {
  readonly assetId: string;
  readonly token: string;
  /** Fabric escrow for this chain (what backs the token). */
  readonly escrowed: bigint;
  readonly suspense: bigint;
  readonly evmSupply: bigint;
  /** Escrowed units whose mint is not recorded yet (APPROVED or SIGNED). */
  readonly inFlight: bigint;
  /**
   * escrowed − supply − in flight: units escrowed and neither minted nor on their way, which is
   * normal for a moment (a delayed mint waiting in the gateway's queue, a burn not yet released)
   * and reported, not alarmed on.
   */
  readonly unexplained: bigint;
  /** The EVM supply exceeds the escrow: tokens exist that no Fabric unit backs (DESIGN.md §9, invariant 2). */
  readonly diverged: boolean;
}

export interface ReconcilerPass {
  readonly assets: readonly Reconciliation[];
  /** True when this pass asked the ledger for a gateway pause. */
  readonly pauseProposed: boolean;
}

const TOTAL_SUPPLY = ['function totalSupply() view returns (uint256)'];

/**
 * Compares, per bridged asset, the Fabric escrow with the token's EVM supply and the mints in
 * flight. When the supply exceeds the escrow on `confirmPasses` passes in a row, it proposes a
 * gateway pause on the ledger (one message however many banks raise it), which the validators sign
 * and any relayer submits; metrics carry the figures and the alarm.
 */
export class Reconciler {
  #divergentPasses = 0;

  constructor(readonly options: ReconcilerOptions) {}

  async reconcile(): Promise<ReconcilerPass> {
    const { ledger, provider, metrics } = this.options;
    const [chain, pending] = await Promise.all([ledger.chain(), ledger.pendingMints()]);
    const assets: Reconciliation[] = [];
    for (const { assetId, token } of chain.active?.tokens ?? []) {
      // Supply first, escrow second: escrow only grows before a mint, so this order cannot see a mint without its escrow.
      const evmSupply = (await new Contract(token, TOTAL_SUPPLY, provider).getFunction('totalSupply')()) as bigint;
      const escrow = await ledger.escrow(assetId);
      const inFlight = pending.filter((mint) => mint.token.toLowerCase() === token.toLowerCase() && mint.status !== 'MINTED').reduce((sum, mint) => sum + mint.amount, 0n);
      const escrowed = BigInt(escrow.escrowed);
      const entry: Reconciliation = { assetId, token, escrowed, suspense: BigInt(escrow.suspense), evmSupply, inFlight, unexplained: escrowed - evmSupply - inFlight, diverged: evmSupply > escrowed };
      metrics?.setReconciliation(assetId, entry);
      assets.push(entry);
    }
    const divergent = assets.filter((entry) => entry.diverged);
    this.#divergentPasses = divergent.length === 0 ? 0 : this.#divergentPasses + 1;
    if (this.#divergentPasses < (this.options.confirmPasses ?? 2)) return { assets, pauseProposed: false };
    const reason = divergent.map((entry) => `${entry.assetId}: EVM supply ${entry.evmSupply} above Fabric escrow ${entry.escrowed}`).join('; ');
    await this.options.messages.propose('Pause', undefined, `Reconciler: ${reason}`.slice(0, 500));
    metrics?.increment('pausesProposed');
    return { assets, pauseProposed: true };
  }
}

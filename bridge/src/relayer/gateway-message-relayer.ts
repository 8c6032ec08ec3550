import { getAddress, NonceManager, verifyTypedData, type Signer } from 'ethers';
import type { GatewayMessageRecord } from '@trestle/compliance/src/bridge/gateway-message';
import { typeHashOf } from '../evm/deploy/gateway-quorum';
import type { DeployedContract } from '../evm/deploy-contract';
import { BridgeError } from '../validator/errors';
import { gatewayAt, gatewayMessageTypedData } from '../validator/gateway';
import type { GatewayMessageLedger } from '../validator/gateway-message-ledger';
import type { BridgeMetrics } from '../validator/metrics';

export interface GatewayMessageRelayerOptions {
  readonly ledger: GatewayMessageLedger;
  readonly gateway: string;
  readonly sender: Signer;
  readonly metrics?: BridgeMetrics;
}

/** What happened to one open message. */
export type GatewayMessageOutcome =
  | { readonly kind: 'relayed'; readonly type: string; readonly nonce: bigint; readonly txHash: string }
  | { readonly kind: 'quorum-not-met'; readonly type: string; readonly nonce: bigint; readonly have: number; readonly need: number }
  | { readonly kind: 'nonce-used'; readonly type: string; readonly nonce: bigint };

/**
 * Submits the ledger's signed gateway messages (pause, unpause, legal state) to the gateway and
 * records the transaction on the ledger. An unpause waits for the gateway's super threshold, the
 * others for its threshold; signatures go in ascending signer order, only those that recover to a
 * current validator. A nonce the gateway already spent is reported, not sent again.
 */
export class GatewayMessageRelayer {
  readonly #gateway: DeployedContract;

  constructor(readonly options: GatewayMessageRelayerOptions) {
    this.#gateway = gatewayAt(options.gateway, new NonceManager(options.sender));
  }

  async relayOpen(): Promise<GatewayMessageOutcome[]> {
    const outcomes: GatewayMessageOutcome[] = [];
    for (const message of await this.options.ledger.openMessages()) outcomes.push(await this.relay(message));
    return outcomes;
  }

  async relay(message: GatewayMessageRecord): Promise<GatewayMessageOutcome> {
    const nonce = BigInt(message.nonce);
    const { type } = message;
    if ((await this.#gateway.isNonceUsed(typeHashOf(type), nonce)) as boolean) return { kind: 'nonce-used', type, nonce };
    const [threshold, superThreshold, validators] = await Promise.all([
      this.#gateway.threshold() as Promise<bigint>,
      this.#gateway.superThreshold() as Promise<bigint>,
      this.#gateway.validators() as Promise<string[]>,
    ]);
    const need = Number(type === 'Unpause' ? superThreshold : threshold);
    const bundle = this.#validBundle(message, validators);
    if (bundle.length < need) return { kind: 'quorum-not-met', type, nonce, have: bundle.length, need };
    const signatures = bundle.slice(0, need);
    const sent =
      type === 'Pause'
        ? await this.#gateway.pause(nonce, signatures)
        : type === 'Unpause'
          ? await this.#gateway.unpause(nonce, signatures)
          : await this.#gateway.setLegalState(message.fields.token, message.fields.state, nonce, signatures);
    const receipt = await (sent as { wait(): Promise<{ hash: string; status: number | null } | null> }).wait();
    if (receipt?.status !== 1) {
      throw new BridgeError('BRIDGE_MINT_SUBMIT_FAILED', `The gateway did not carry the ${type} message; it stays open.`, { nonce: message.nonce, type });
    }
    await this.options.ledger.recordRelayed(type, nonce, receipt.hash);
    this.options.metrics?.increment('gatewayMessagesRelayed');
    return { kind: 'relayed', type, nonce, txHash: receipt.hash };
  }

  #validBundle(message: GatewayMessageRecord, validators: readonly string[]): string[] {
    const current = new Set(validators.map((v) => getAddress(v)));
    const { domain, types, value } = gatewayMessageTypedData(this.options.gateway, message);
    const bySigner = new Map<string, string>();
    for (const { validator, signature } of message.signatures) {
      let signer: string;
      try {
        signer = verifyTypedData(domain, types, value, signature);
      } catch {
        continue;
      }
      if (signer === getAddress(validator) && current.has(signer)) bySigner.set(signer, signature);
    }
    return [...bySigner].sort(([a], [b]) => (BigInt(a) < BigInt(b) ? -1 : 1)).map(([, signature]) => signature);
  }
}

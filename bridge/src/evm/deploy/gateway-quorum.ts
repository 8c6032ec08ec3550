import { id, type ContractTransactionReceipt, type ContractTransactionResponse, type Wallet } from 'ethers';
import type { DeployedContract } from '../deploy-contract';
import { GATEWAY_TYPES, gatewayDomain, typesFor, type GatewayMessage } from '../messages';
import { byAddress, signQuorum } from '../quorum-signer';
import { mined } from './steps';

/**
 * Where this tool's identity registrations and revocations (venues, liquidators, fixtures) start
 * numbering: the ledger numbers the same message types from 1 (identity mirroring), and the gateway
 * keeps one nonce space per type, so the two must never take each other's nonces. Only unordered
 * types: for a state-setting one a high nonce here would make every later ledger nonce stale.
 */
export const LEDGER_FREE_NONCE_BASE = 1n << 255n;
const LEDGER_NUMBERED_UNORDERED: readonly GatewayMessage[] = ['RegisterIdentity', 'RevokeIdentity'];

/** A signed gateway message: the nonce it was signed with and the ordered signature bundle. */
export interface SignedMessage {
  readonly nonce: bigint;
  readonly signatures: string[];
}

/**
 * Holds validator keys and signs gateway messages with fresh nonces. Devnet and tests only: in a
 * consortium each bank's validator signs with its own key (the bridge's signer interface).
 */
export class GatewayQuorum {
  readonly #validators: readonly Wallet[];
  readonly #nextNonce = new Map<GatewayMessage, bigint>();

  constructor(
    readonly gateway: DeployedContract,
    validators: readonly Wallet[],
    readonly chainId: bigint,
  ) {
    this.#validators = byAddress(validators);
  }

  /**
   * The first `signers` validators (ascending address) sign `message` under the next unused nonce;
   * by default as many as the gateway's current threshold.
   */
  async sign(message: GatewayMessage, value: Record<string, unknown>, signers?: number): Promise<SignedMessage> {
    const count = signers ?? Number(await this.gateway.threshold());
    const nonce = await this.#unusedNonce(message);
    const domain = gatewayDomain(this.chainId, await this.gateway.getAddress());
    const signatures = await signQuorum(this.#validators.slice(0, count), domain, typesFor(GATEWAY_TYPES, message), { ...value, nonce });
    return { nonce, signatures };
  }

  /** Signs `message` with the gateway's threshold, submits it through `call` and waits for it. */
  async send(
    message: GatewayMessage,
    value: Record<string, unknown>,
    call: (nonce: bigint, signatures: string[]) => Promise<ContractTransactionResponse>,
  ): Promise<ContractTransactionReceipt> {
    const { nonce, signatures } = await this.sign(message, value);
    return mined(`gateway ${message}`, call(nonce, signatures));
  }

  /** Nonces start at 1 (identities: at LEDGER_FREE_NONCE_BASE) and skip any already used on-chain, so a re-run never replays one. */
  async #unusedNonce(message: GatewayMessage): Promise<bigint> {
    const typeHash = typeHashOf(message);
    let nonce = this.#nextNonce.get(message) ?? (LEDGER_NUMBERED_UNORDERED.includes(message) ? LEDGER_FREE_NONCE_BASE : 1n);
    while (await this.gateway.isNonceUsed(typeHash, nonce)) nonce += 1n;
    this.#nextNonce.set(message, nonce + 1n);
    return nonce;
  }
}

/** keccak256 of the EIP-712 type string, as GatewayTypeHashes.sol computes it. */
export function typeHashOf(message: GatewayMessage): string {
  const fields = GATEWAY_TYPES[message].map((f) => `${f.type} ${f.name}`).join(',');
  return id(`${message}(${fields})`);
}

import { id, type ContractTransactionReceipt, type ContractTransactionResponse, type Wallet } from 'ethers';
import type { DeployedContract } from '../deploy-contract';
import { GATEWAY_TYPES, gatewayDomain, typesFor, type GatewayMessage } from '../messages';
import { byAddress, signQuorum } from '../quorum-signer';
import { nonceSequenceOf } from '@trestle/compliance/src/bridge/gateway-message';
import { isOrderedGatewayMessage, messageSubject } from '../message-subject';
import { mined } from './steps';

/**
 * Where this tool's identity registrations and revocations (venues, liquidators, fixtures) start
 * numbering: the ledger numbers the same message types from 1 (identity mirroring), and the gateway
 * keeps one nonce space per type, so the two must never take each other's nonces. The gateway
 * orders a wallet's identity messages, so a wallet this tool registered is this tool's: a ledger
 * message for it would be older (MessageNonceStale). The tool registers venues and liquidators,
 * which are no investor's bound wallets, and test fixtures. For the other state-setting types a
 * high nonce here would make every later ledger nonce stale, so they start at 1.
 */
export const LEDGER_FREE_NONCE_BASE = 1n << 255n;
const LEDGER_NUMBERED: readonly GatewayMessage[] = ['RegisterIdentity', 'RevokeIdentity'];

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
  /** Per nonce sequence (a registration and a revocation share one, as a pause and an unpause do). */
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
    const nonce = await this.#unusedNonce(message, value);
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

  /**
   * Nonces start at 1 (identities: at LEDGER_FREE_NONCE_BASE) and skip any already used on-chain, so
   * a re-run never replays one; for a message the gateway orders, above the one in force for its
   * subject too (a pause's unpause, a registration's revocation share that order).
   */
  async #unusedNonce(message: GatewayMessage, value: Record<string, unknown>): Promise<bigint> {
    const typeHash = typeHashOf(message);
    const sequence = nonceSequenceOf(message);
    let nonce = this.#nextNonce.get(sequence) ?? (LEDGER_NUMBERED.includes(message) ? LEDGER_FREE_NONCE_BASE : 1n);
    if (isOrderedGatewayMessage(message)) {
      const latest = (await this.gateway.latestNonce(typeHash, messageSubject(message, value as { token?: string; wallet?: string }))) as bigint;
      if (nonce <= latest) nonce = latest + 1n;
    }
    while (await this.gateway.isNonceUsed(typeHash, nonce)) nonce += 1n;
    this.#nextNonce.set(sequence, nonce + 1n);
    return nonce;
  }
}

/** keccak256 of the EIP-712 type string, as GatewayTypeHashes.sol computes it. */
export function typeHashOf(message: GatewayMessage): string {
  const fields = GATEWAY_TYPES[message].map((f) => `${f.type} ${f.name}`).join(',');
  return id(`${message}(${fields})`);
}

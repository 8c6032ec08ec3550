import { getAddress, verifyTypedData, type NonceManager, type Signer } from 'ethers';
import { nonceManaged } from './nonce-managed';
import { isOracleMessage, type GatewayMessageRecord } from '@trestle/compliance/src/bridge/gateway-message';
import { ourArtifact } from '../evm/artifacts';
import { attach } from '../evm/deploy/steps';
import { typeHashOf } from '../evm/deploy/gateway-quorum';
import type { DeployedContract } from '../evm/deploy-contract';
import { BridgeError } from '../validator/errors';
import { gatewayAt, gatewayMessageTypedData } from '../validator/gateway';
import type { GatewayMessageLedger } from '../validator/gateway-message-ledger';
import type { BridgeMetrics } from '../validator/metrics';
import { isOrderedGatewayMessage, messageSubject } from '../evm/message-subject';

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
 * Submits the ledger's signed messages (pause, unpause, legal state, KYC phase, validator set and
 * identity registrations and revocations to the gateway; NAV and write-off to the asset's NavOracle, whose validator set is the gateway's) and
 * records the transaction on the ledger. An unpause, and a NAV beyond the oracle's per-update
 * bound, wait for the super threshold, the others
 * (a validator set too: the current set's threshold authorises it) for the threshold; signatures go
 * in ascending signer order, only those that recover to a current validator (the ledger hands out
 * only those of banks in force). A nonce already spent is reported, not sent again.
 */
export class GatewayMessageRelayer {
  readonly #sender: NonceManager;
  readonly #gateway: DeployedContract;

  constructor(readonly options: GatewayMessageRelayerOptions) {
    this.#sender = nonceManaged(options.sender);
    this.#gateway = gatewayAt(options.gateway, this.#sender);
  }

  async relayOpen(): Promise<GatewayMessageOutcome[]> {
    const outcomes: GatewayMessageOutcome[] = [];
    for (const message of await this.options.ledger.openMessages()) outcomes.push(await this.relay(message));
    return outcomes;
  }

  async relay(message: GatewayMessageRecord): Promise<GatewayMessageOutcome> {
    const nonce = BigInt(message.nonce);
    const { type } = message;
    if (await this.#spent(message)) return { kind: 'nonce-used', type, nonce };
    const [threshold, superThreshold, validators] = await Promise.all([
      this.#gateway.threshold() as Promise<bigint>,
      this.#gateway.superThreshold() as Promise<bigint>,
      this.#gateway.validators() as Promise<string[]>,
    ]);
    const need = Number(type === 'Unpause' || (type === 'Nav' && (await this.#navOutOfBound(message))) ? superThreshold : threshold);
    const bundle = this.#validBundle(message, validators);
    if (bundle.length < need) return { kind: 'quorum-not-met', type, nonce, have: bundle.length, need };
    // A NAV outside the oracle's per-update bound needs the super threshold: send what there is, up to it.
    const signatures = bundle.slice(0, type === 'Nav' ? Number(superThreshold) : need);
    const receipt = await this.#sent(message, signatures);
    if (receipt?.status !== 1) {
      throw new BridgeError('BRIDGE_MINT_SUBMIT_FAILED', `The ${type} message was not carried; it stays open.`, { nonce: message.nonce, type });
    }
    await this.options.ledger.recordRelayed(message, receipt.hash);
    this.options.metrics?.increment('gatewayMessagesRelayed');
    return { kind: 'relayed', type, nonce, txHash: receipt.hash };
  }

  /** Whether the message's target already spent its nonce (for a Nav: holds this valuation or a later one; for a state-setting message: holds it or a later one of the same order and subject). */
  async #spent(message: GatewayMessageRecord): Promise<boolean> {
    // A state-setting message at or below the nonce in force for its subject is spent or superseded: the gateway refuses it (MessageNonceStale).
    if (isOrderedGatewayMessage(message.type)) {
      const latest = (await this.#gateway.latestNonce(typeHashOf(message.type), messageSubject(message.type, message.fields))) as bigint;
      return BigInt(message.nonce) <= latest;
    }
    if (!isOracleMessage(message.type)) return (await this.#gateway.isNonceUsed(typeHashOf(message.type), BigInt(message.nonce))) as boolean;
    const latest = (await this.#oracle(message).latestNav()) as { valuationSeq: bigint; writtenOff: boolean };
    return message.type === 'WriteOff' ? latest.writtenOff : latest.valuationSeq >= BigInt(message.nonce);
  }

  /** Sends and waits; a send that fails (a revert at estimation, say) must not leave the nonce count ahead of the chain. */
  async #sent(message: GatewayMessageRecord, signatures: string[]): Promise<{ hash: string; status: number | null } | null> {
    try {
      return await (await this.#send(message, signatures)).wait();
    } catch (error) {
      this.#sender.reset();
      throw error;
    }
  }

  #send(message: GatewayMessageRecord, signatures: string[]): Promise<{ wait(): Promise<{ hash: string; status: number | null } | null> }> {
    const { fields } = message;
    const nonce = BigInt(message.nonce);
    switch (message.type) {
      case 'Pause':
        return this.#gateway.pause(nonce, signatures);
      case 'Unpause':
        return this.#gateway.unpause(nonce, signatures);
      case 'SetLegalState':
        return this.#gateway.setLegalState(fields.token, fields.state, nonce, signatures);
      case 'SetKycPhase':
        return this.#gateway.setKycPhase(fields.token, fields.wallet, fields.phase, nonce, signatures);
      case 'SetValidators':
        return this.#gateway.setValidators(fields.validators, fields.threshold, fields.superThreshold, nonce, signatures);
      case 'Nav':
        return this.#oracle(message).updateNav(BigInt(fields.navPerUnit ?? '0'), fields.valuationSeq, fields.validUntil, signatures);
      case 'WriteOff':
        return this.#oracle(message).writeOff(nonce, signatures);
      case 'RegisterIdentity': {
        // The stored claims, in the order their hash was signed: the gateway recomputes claimsHash from them.
        const claims = (fields.claims ?? []).map((claim) => ({ topic: BigInt(claim.topic), issuer: claim.issuer, signature: claim.signature, data: claim.data }));
        return this.#gateway.registerIdentity(fields.token, fields.wallet, fields.investorRef, fields.country, claims, nonce, signatures);
      }
      case 'RevokeIdentity':
        return this.#gateway.revokeIdentity(fields.token, fields.wallet, nonce, signatures);
    }
  }

  /**
   * Whether the oracle takes this NAV only with the super threshold: it moves further from the NAV
   * in force than the oracle's per-update bound (NavOracle._withinBound, compared the same way).
   * Seen on the real network, where the banks' validators sign in their own passes: a relayer that
   * sent a far NAV as soon as the threshold had signed had it reverted (NavOracleChangeOutOfBounds)
   * and its duty failed until the last bank signed; now it waits for that bank like for an unpause.
   */
  async #navOutOfBound(message: GatewayMessageRecord): Promise<boolean> {
    const oracle = this.#oracle(message);
    const [latest, maxChangeBps] = await Promise.all([oracle.latestNav() as Promise<{ navPerUnit: bigint; updatedAt: bigint }>, oracle.maxChangeBps() as Promise<bigint>]);
    if (latest.updatedAt === 0n) return false;
    const next = BigInt(message.fields.navPerUnit ?? '0');
    const move = next > latest.navPerUnit ? next - latest.navPerUnit : latest.navPerUnit - next;
    return move * 10_000n > latest.navPerUnit * maxChangeBps;
  }

  #oracle(message: GatewayMessageRecord): DeployedContract {
    return attach(ourArtifact('NavOracle'), message.verifyingContract, this.#sender);
  }

  #validBundle(message: GatewayMessageRecord, validators: readonly string[]): string[] {
    const current = new Set(validators.map((v) => getAddress(v)));
    const { domain, types, value } = gatewayMessageTypedData(message);
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

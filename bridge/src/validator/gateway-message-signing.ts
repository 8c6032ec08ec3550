import { getAddress } from 'ethers';
import type { GatewayMessageRecord, LedgerGatewayMessage } from '@trestle/compliance/src/bridge/gateway-message';
import { isTrestleError } from '@trestle/compliance/src/errors/trestle-error';
import type { BridgeMetrics } from './metrics';
import { gatewayMessageTypedData } from './gateway';
import type { GatewayMessageLedger } from './gateway-message-ledger';
import { registrationRefusal, type RegistrationCheckOptions } from './registration-check';
import type { ValidatorSigner } from './signer/validator-signer';

/**
 * Messages a validator co-signs on its own: a pause only stops the bridge (failing closed is safe
 * whoever raised it), and a legal state, KYC phase, NAV or write-off is the ledger's own, derived by the
 * chaincode from its records. So is a validator set: the banks in force (a membership change needs
 * every member's consent), their registered addresses and the chain configuration's threshold; only
 * the super threshold is the proposer's, and the chaincode bounds it. Signing it promptly is what
 * takes a removed bank's key out of the gateway. A revocation is the ledger's own too (a REVOKED,
 * erased or sanctioned investor); a registration carries the proposing bank's claim, which the
 * ledger cannot check against the EVM, so it is signed only with `registrations` configured and
 * after registration-check.ts passes. An unpause re-opens the bridge after an alarm, so people
 * decide it: pass it in `types` explicitly.
 */
export const AUTOMATIC_MESSAGES: readonly LedgerGatewayMessage[] = ['Pause', 'SetLegalState', 'SetKycPhase', 'SetValidators', 'Nav', 'WriteOff', 'RegisterIdentity', 'RevokeIdentity'];

export interface GatewayMessageSigningOptions {
  readonly signer: ValidatorSigner;
  readonly ledger: GatewayMessageLedger;
  readonly metrics?: BridgeMetrics;
  /** How to check a RegisterIdentity against the EVM; without it registrations are left unsigned. */
  readonly registrations?: RegistrationCheckOptions;
  /** Told why a registration was left unsigned. */
  readonly log?: (line: string) => void;
}

/** Signs the open gateway messages this bank's validator has not signed yet and records the signatures. */
export class GatewayMessageSigning {
  constructor(readonly options: GatewayMessageSigningOptions) {}

  /** Signs every open message of `types` still lacking this validator's signature; returns those it signed. */
  async signOpen(types: readonly LedgerGatewayMessage[] = AUTOMATIC_MESSAGES): Promise<GatewayMessageRecord[]> {
    const { signer, ledger, metrics } = this.options;
    const me = getAddress(signer.address);
    const signed: GatewayMessageRecord[] = [];
    for (const message of await ledger.openMessages()) {
      if (!types.includes(message.type) || message.signatures.some((entry) => getAddress(entry.validator) === me)) continue;
      if (message.type === 'RegisterIdentity' && !(await this.#mayRegister(message))) continue;
      const { domain, types: fields, value } = gatewayMessageTypedData(message);
      try {
        await ledger.recordSignature(message, await signer.signTypedData(domain, fields, value));
      } catch (error) {
        if (isTrestleError(error, 'BRIDGE_OUT_STATE_CONFLICT') && !(await this.#stillOpen(message))) continue;
        throw error;
      }
      metrics?.increment('gatewayMessagesSigned');
      signed.push(message);
    }
    return signed;
  }

  /**
   * Whether the ledger still lists `message` as open. On the real network the banks' passes overlap:
   * the two other banks' signatures can reach the threshold and their relayer carry the message
   * between this bank's listing and its signature's arrival, which the ledger then refuses
   * (BRIDGE_OUT_STATE_CONFLICT, already RELAYED). A message carried meanwhile needs nothing more.
   */
  async #stillOpen(message: GatewayMessageRecord): Promise<boolean> {
    const same = (other: GatewayMessageRecord) => other.type === message.type && other.nonce === message.nonce && getAddress(other.verifyingContract) === getAddress(message.verifyingContract);
    return (await this.options.ledger.openMessages()).some(same);
  }

  async #mayRegister(message: GatewayMessageRecord): Promise<boolean> {
    const { registrations, log } = this.options;
    if (registrations === undefined) return false;
    const refusal = await registrationRefusal(message, registrations);
    if (refusal !== undefined) log?.(`not signing RegisterIdentity ${message.nonce} for ${message.fields.wallet ?? '?'}: ${refusal}`);
    return refusal === undefined;
  }
}

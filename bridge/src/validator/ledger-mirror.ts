import type { GatewayMessageLedger, MirrorDrift } from './gateway-message-ledger';
import type { KycClaimant } from './kyc-claimant';

/** Most characters of a proposal's reason (the chaincode's MAX_GATEWAY_REASON_CHARS). */
const MAX_REASON = 500;

/**
 * Carries what the ledger holds to the EVM side (DESIGN.md §8): each pass asks the ledger which
 * legal states, wallets' KYC phases, identities, NAVs and write-offs the gateway or an asset's
 * oracle lacks, and proposes a message for each. The chaincode derives every field from its own
 * records (the state from the asset, the NAV from the valuation in force), so a proposal cannot
 * misstate it, and several banks' mirrors proposing at once make one message. An identity
 * registration is the exception: it carries the investor's bank's KYC claim, so only that bank's
 * mirror, holding a `claimant`, proposes it; any bank's proposes a revocation. Validators sign
 * these automatically; any relayer submits.
 */
export class LedgerMirror {
  constructor(
    readonly ledger: GatewayMessageLedger,
    readonly claimant?: KycClaimant,
  ) {}

  /** Proposes a message for every drift this bank can act on; returns what it found. */
  async pass(): Promise<MirrorDrift[]> {
    const drift = await this.ledger.mirrorDrift();
    for (const entry of drift) {
      const subject = entry.wallet === undefined ? entry.assetId : `${entry.assetId}, wallet ${entry.wallet}`;
      const reason = `The ledger holds ${entry.why} for ${subject}; the EVM side does not yet.`.slice(0, MAX_REASON);
      if (entry.type === 'RegisterIdentity') {
        // Another bank's investor: its own bank signs the claim.
        if (this.claimant === undefined || entry.bank !== this.claimant.bankMsp || entry.wallet === undefined) continue;
        await this.ledger.proposeIdentityRegistration(entry.token, entry.wallet, await this.claimant.claimsFor(entry.wallet), reason);
      } else if (entry.type === 'RevokeIdentity') {
        await this.ledger.proposeIdentityRevocation(entry.token, entry.wallet ?? '', reason);
      } else {
        await this.ledger.propose(entry.type, entry.token, reason, entry.wallet);
      }
    }
    return drift;
  }
}

import type { GatewayMessageLedger, MirrorDrift } from './gateway-message-ledger';

/**
 * Carries what the ledger holds to the EVM side (DESIGN.md §8): each pass asks the ledger which
 * legal states, wallets' KYC phases, NAVs and write-offs the gateway or an asset's oracle lacks, and proposes a message
 * for each. The chaincode derives every field from its own records (the state from the asset, the
 * NAV from the valuation in force), so a proposal cannot misstate it, and several banks' mirrors
 * proposing at once make one message. Validators sign these automatically; any relayer submits.
 */
export class LedgerMirror {
  constructor(readonly ledger: GatewayMessageLedger) {}

  /** Proposes a message for every drift found; returns what it found. */
  async pass(): Promise<MirrorDrift[]> {
    const drift = await this.ledger.mirrorDrift();
    for (const entry of drift) {
      const subject = entry.wallet === undefined ? entry.assetId : `${entry.assetId}, wallet ${entry.wallet}`;
      await this.ledger.propose(entry.type, entry.token, `The ledger holds ${entry.why} for ${subject}; the EVM side does not yet.`.slice(0, 500), entry.wallet);
    }
    return drift;
  }
}

import type { GatewayMessageLedger, LegalStateDrift } from './gateway-message-ledger';

/**
 * Carries legal states from the ledger to the gateway (DESIGN.md §8): each pass asks the ledger
 * which bridged assets' state the gateway does not hold yet and proposes a SetLegalState for each;
 * the chaincode fills in the state from the asset record, so the proposal cannot misstate it, and
 * several banks' mirrors proposing at once make one message. Validators sign it automatically and
 * any relayer submits it.
 */
export class LegalStateMirror {
  constructor(readonly ledger: GatewayMessageLedger) {}

  /** Proposes a message for every drifting asset; returns what it found. */
  async pass(): Promise<LegalStateDrift[]> {
    const drift = await this.ledger.legalStateDrift();
    for (const entry of drift) {
      await this.ledger.propose('SetLegalState', entry.token, `The asset ${entry.assetId} is ${entry.ledgerState} on the ledger; the gateway holds legal state ${entry.gatewayState}.`);
    }
    return drift;
  }
}

import type { GatewayMessageRecord, LedgerGatewayMessage } from '@trestle/compliance/src/bridge/gateway-message';
import { evaluateJson, submitLedger, type LedgerContract } from './ledger-call';

/** The ledger's quorum path for gateway messages other than Mint, as validators and relayers use it. */
export interface GatewayMessageLedger {
  readonly chainId: bigint;
  /** Messages not yet relayed, by type then nonce. */
  openMessages(): Promise<GatewayMessageRecord[]>;
  /** Proposes a message; an open one of the same type and fields makes this a no-op. */
  propose(type: LedgerGatewayMessage, token: string | undefined, reason: string): Promise<void>;
  recordSignature(type: LedgerGatewayMessage, nonce: bigint, signature: string): Promise<void>;
  recordRelayed(type: LedgerGatewayMessage, nonce: bigint, evmTxHash: string): Promise<void>;
  /** Bridged assets whose ledger legal state the gateway does not hold yet, with none on its way. */
  legalStateDrift(): Promise<LegalStateDrift[]>;
}

/** One asset whose legal state should cross: the ledger's state and the gateway's (0 Normal, 1 Remediation). */
export type LegalStateDrift = { readonly assetId: string; readonly token: string; readonly ledgerState: string; readonly gatewayState: number; readonly wantedState: number };

/** GatewayMessageLedger over the chaincode's GatewayMessageContract, through one bank's Fabric identity. */
export class FabricGatewayMessageLedger implements GatewayMessageLedger {
  constructor(
    private readonly contract: LedgerContract,
    readonly chainId: bigint,
  ) {}

  async openMessages(): Promise<GatewayMessageRecord[]> {
    return (await evaluateJson(this.contract, 'ListOpenGatewayMessages', this.chainId.toString())) as GatewayMessageRecord[];
  }

  async propose(type: LedgerGatewayMessage, token: string | undefined, reason: string): Promise<void> {
    await submitLedger(this.contract, 'ProposeGatewayMessage', this.chainId.toString(), type, token ?? '', reason);
  }

  async recordSignature(type: LedgerGatewayMessage, nonce: bigint, signature: string): Promise<void> {
    await submitLedger(this.contract, 'RecordGatewaySignature', this.chainId.toString(), type, nonce.toString(), signature);
  }

  async recordRelayed(type: LedgerGatewayMessage, nonce: bigint, evmTxHash: string): Promise<void> {
    await submitLedger(this.contract, 'RecordGatewayRelayed', this.chainId.toString(), type, nonce.toString(), evmTxHash.toLowerCase());
  }

  async legalStateDrift(): Promise<LegalStateDrift[]> {
    return (await evaluateJson(this.contract, 'ListLegalStateDrift', this.chainId.toString())) as LegalStateDrift[];
  }
}

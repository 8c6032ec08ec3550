import type { GatewayMessageRecord, LedgerGatewayMessage } from '@trestle/compliance/src/bridge/gateway-message';
import type { IdentityClaimsDocument } from '@trestle/compliance/src/bridge/identity-claims';
import { evaluateJson, submitLedger, type LedgerContract } from './ledger-call';

/** Which message: its type, domain contract and nonce (the chain is the ledger's). */
export type MessageRef = Pick<GatewayMessageRecord, 'type' | 'verifyingContract' | 'nonce'>;

/** One thing the ledger holds that the EVM side does not yet: a legal state, a KYC phase, an identity, a NAV or a write-off; `bank` is the bank whose validator alone can propose an identity registration. */
export type MirrorDrift = { readonly type: LedgerGatewayMessage; readonly assetId: string; readonly token: string; readonly wallet?: string; readonly bank?: string; readonly why: string };

/** The ledger's quorum path for messages other than Mint, as validators and relayers use it. */
export interface GatewayMessageLedger {
  readonly chainId: bigint;
  /** Messages not yet relayed, with only the signatures of banks in force now (the ledger leaves a removed bank's out). */
  openMessages(): Promise<GatewayMessageRecord[]>;
  /** Proposes a message (`token` names the asset, except for Pause and Unpause; `wallet` the holder for SetKycPhase); one already waiting, or already carried, makes this a no-op. */
  propose(type: LedgerGatewayMessage, token: string | undefined, reason: string, wallet?: string): Promise<void>;
  /** Proposes carrying the validators of the banks in force to the gateway, with the chain's threshold and `superThreshold` (after a membership change). */
  proposeValidatorSet(superThreshold: number, reason: string): Promise<void>;
  /** Proposes registering `wallet` on `token`'s identity registry with this bank's KYC claim for its identity (only for this bank's investors). */
  proposeIdentityRegistration(token: string, wallet: string, claims: IdentityClaimsDocument, reason: string): Promise<void>;
  /** Proposes removing `wallet` from `token`'s identity registry (its investor is revoked, erased or a sanctions hit). */
  proposeIdentityRevocation(token: string, wallet: string, reason: string): Promise<void>;
  recordSignature(message: MessageRef, signature: string): Promise<void>;
  recordRelayed(message: MessageRef, evmTxHash: string): Promise<void>;
  /** What the ledger holds that the gateway or an oracle does not yet, with nothing on its way. */
  mirrorDrift(): Promise<MirrorDrift[]>;
}

/** GatewayMessageLedger over the chaincode's GatewayMessageContract, through one bank's Fabric identity. */
export class FabricGatewayMessageLedger implements GatewayMessageLedger {
  constructor(
    private readonly contract: LedgerContract,
    readonly chainId: bigint,
  ) {}

  async openMessages(): Promise<GatewayMessageRecord[]> {
    return (await evaluateJson(this.contract, 'ListOpenGatewayMessages', this.chainId.toString())) as GatewayMessageRecord[];
  }

  async propose(type: LedgerGatewayMessage, token: string | undefined, reason: string, wallet?: string): Promise<void> {
    if (type === 'SetKycPhase') await submitLedger(this.contract, 'ProposeKycPhase', this.chainId.toString(), token ?? '', wallet ?? '', reason);
    else await submitLedger(this.contract, 'ProposeGatewayMessage', this.chainId.toString(), type, token ?? '', reason);
  }

  async proposeValidatorSet(superThreshold: number, reason: string): Promise<void> {
    await submitLedger(this.contract, 'ProposeValidatorSet', this.chainId.toString(), superThreshold.toString(), reason);
  }

  async proposeIdentityRegistration(token: string, wallet: string, claims: IdentityClaimsDocument, reason: string): Promise<void> {
    await submitLedger(this.contract, 'ProposeIdentityRegistration', this.chainId.toString(), token, wallet, JSON.stringify(claims), reason);
  }

  async proposeIdentityRevocation(token: string, wallet: string, reason: string): Promise<void> {
    await submitLedger(this.contract, 'ProposeIdentityRevocation', this.chainId.toString(), token, wallet, reason);
  }

  async recordSignature(message: MessageRef, signature: string): Promise<void> {
    await submitLedger(this.contract, 'RecordGatewaySignature', this.chainId.toString(), message.type, message.verifyingContract, message.nonce, signature);
  }

  async recordRelayed(message: MessageRef, evmTxHash: string): Promise<void> {
    await submitLedger(this.contract, 'RecordGatewayRelayed', this.chainId.toString(), message.type, message.verifyingContract, message.nonce, evmTxHash.toLowerCase());
  }

  async mirrorDrift(): Promise<MirrorDrift[]> {
    return (await evaluateJson(this.contract, 'ListMirrorDrift', this.chainId.toString())) as MirrorDrift[];
  }
}

import type { AdoptionRequest } from '../ledger/adoption-request';
import type { BridgeChainRecord } from '../bridge/bridge-chain';
import type { BridgeEscrow } from '../bridge/bridge-escrow';
import type { BridgeOutRecord } from '../bridge/bridge-out';
import type { BridgeValidator } from '../bridge/bridge-validator';
import type { EscrowMoveRecord } from '../bridge/escrow-move';
import type { BurnRecord } from '../bridge/burn-attestation';
import type { GatewayMessageRecord } from '../bridge/gateway-message';
import type { ConsortiumRecord } from '../consortium/consortium';
import type { Asset } from '../ledger/asset';
import type { EvidenceAccessRecord } from '../ledger/evidence-access';
import type { EvidenceFileRecord } from '../ledger/evidence-file';
import type { HoldingRecord } from '../ledger/holding';
import type { InvestorRecord } from '../ledger/investor';
import type { LegalProposal } from '../ledger/legal-proposal';
import type { PolicyChangeProposal } from '../ledger/policy-change-proposal';
import type { ScreeningDocument } from '../ledger/screening-document';
import type { LegalTransition } from '../ledger/legal-transition';
import type { Spv } from '../ledger/spv';
import type { Valuation } from '../ledger/valuation';
import type { WalletBinding } from '../ledger/wallet-binding';
import type { RoleGrant, RoleRevocation } from '../roles/role-grant';
import type { AssetPause, ForcedTransfer, FreezeChange } from '../controls/control-records';
import type { TransferRecord } from '../transfers/transfer-record';
import type { MembershipChange } from '../consortium/membership-change';

/**
 * The chaincode event of a transaction. Fabric keeps only the last `setEvent` of a transaction, so
 * each transaction emits exactly one, named after its `type`, with this envelope as its JSON payload.
 * Payloads are public ledger records: never personal data.
 */
export type LedgerEvent =
  | { readonly type: 'RoleGranted'; readonly payload: RoleGrant }
  | { readonly type: 'RoleRevoked'; readonly payload: RoleRevocation }
  | { readonly type: 'ConsortiumConfirmed' | 'ConsortiumActivated'; readonly payload: ConsortiumRecord }
  | { readonly type: 'MembershipChangeProposed' | 'MembershipChangeConfirmed' | 'MembershipChangeWithdrawn'; readonly payload: MembershipChange }
  | { readonly type: 'MembershipChanged'; readonly payload: { readonly change: MembershipChange; readonly consortium: ConsortiumRecord } }
  | { readonly type: 'SpvRegistered' | 'SpvUpdated'; readonly payload: Spv }
  | { readonly type: 'AssetCreated' | 'AssetDocumented' | 'AssetApproved'; readonly payload: Asset }
  | { readonly type: 'ValuationRecorded'; readonly payload: { readonly asset: Asset; readonly valuation: Valuation } }
  | { readonly type: 'AssetTokenized'; readonly payload: { readonly asset: Asset; readonly holdings: readonly HoldingRecord[] } }
  | {
      readonly type: 'InvestorOnboarded' | 'InvestorUpdated' | 'InvestorSuspended' | 'InvestorReinstated' | 'InvestorRevoked' | 'InvestorPiiErased';
      readonly payload: InvestorRecord;
    }
  | {
      readonly type: 'InvestorScreened';
      readonly payload: {
        readonly investor: InvestorRecord;
        readonly screening: ScreeningDocument;
        /** The requests the screening's hit blocked (empty unless it was a new hit). */
        readonly blocked: { readonly transferIds: readonly string[]; readonly bridgeOutIds: readonly string[] };
      };
    }
  | { readonly type: 'InvestorAdoptionRequested'; readonly payload: AdoptionRequest }
  | { readonly type: 'InvestorAdoptionRejected'; readonly payload: { readonly request: AdoptionRequest; readonly rejectedBy: string; readonly reason: string } }
  | {
      readonly type: 'InvestorAdopted';
      readonly payload: {
        /** The record as the adopting bank left it: its bankMsp, its `adoptedFrom` trail. */
        readonly investor: InvestorRecord;
        readonly fromBankMsp: string;
        readonly toBankMsp: string;
        /** The requests a sanctions hit in the adopting bank's screening blocked (empty unless a hit). */
        readonly blocked: { readonly transferIds: readonly string[]; readonly bridgeOutIds: readonly string[] };
        /** The investor's holdings, now under the adopting bank (units, lots, frozen and escrowed unchanged). */
        readonly holdings: readonly HoldingRecord[];
        /** The pending requests handed from the leaving bank's lists to the adopting bank's. */
        readonly rerouted: { readonly transferIds: readonly string[]; readonly bridgeOutIds: readonly string[] };
      };
    }
  | { readonly type: 'PolicyChangeProposed' | 'PolicyChangeRejected'; readonly payload: PolicyChangeProposal }
  | { readonly type: 'PolicyChanged'; readonly payload: { readonly asset: Asset; readonly proposal: PolicyChangeProposal } }
  | { readonly type: 'WalletBound'; readonly payload: WalletBinding }
  | {
      readonly type: 'TransferRequested' | 'TransferApproved' | 'TransferRejected' | 'TransferCancelled' | 'TransferExpired' | 'TransferFailedAtSettlement';
      readonly payload: TransferRecord;
    }
  | { readonly type: 'TransferSettled'; readonly payload: { readonly transfer: TransferRecord; readonly holdings: readonly HoldingRecord[] } }
  | { readonly type: 'InvestorFrozen' | 'InvestorUnfrozen'; readonly payload: FreezeChange }
  | { readonly type: 'ForcedTransferExecuted'; readonly payload: { readonly order: ForcedTransfer; readonly holdings: readonly HoldingRecord[] } }
  | { readonly type: 'AssetPaused' | 'AssetUnpaused'; readonly payload: AssetPause }
  | { readonly type: 'LegalActionProposed' | 'LegalActionApproved' | 'LegalActionRejected' | 'LegalActionWithdrawn'; readonly payload: LegalProposal }
  | { readonly type: 'AssetRemediationStarted' | 'AssetCured' | 'AssetWrittenOff' | 'AssetRedeemed'; readonly payload: { readonly asset: Asset; readonly transition: LegalTransition } }
  | { readonly type: 'BridgeChainProposed' | 'BridgeChainApproved'; readonly payload: BridgeChainRecord }
  | { readonly type: 'BridgeValidatorRegistered'; readonly payload: BridgeValidator }
  | {
      readonly type:
        | 'BridgeOutRequested'
        | 'BridgeOutApproved'
        | 'BridgeOutRejected'
        | 'BridgeOutCancelled'
        | 'BridgeOutExpired'
        | 'BridgeOutFailedAtApproval'
        | 'MintSignatureRecorded'
        | 'MintRecorded';
      readonly payload: BridgeOutRecord;
    }
  | { readonly type: 'BridgeOutEscrowed'; readonly payload: { readonly bridgeOut: BridgeOutRecord; readonly holdings: readonly HoldingRecord[]; readonly escrow: BridgeEscrow } }
  | { readonly type: 'GatewayMessageProposed' | 'GatewayMessageSigned' | 'GatewayMessageRelayed'; readonly payload: GatewayMessageRecord }
  | { readonly type: 'BurnAttested'; readonly payload: BurnRecord }
  | { readonly type: 'EscrowMoveAttested'; readonly payload: EscrowMoveRecord }
  | { readonly type: 'EscrowMoved'; readonly payload: { readonly move: EscrowMoveRecord; readonly holdings: readonly HoldingRecord[] } }
  | { readonly type: 'EvidenceAccessRecorded'; readonly payload: EvidenceAccessRecord }
  | { readonly type: 'EvidenceRegistered'; readonly payload: EvidenceFileRecord }
  | { readonly type: 'BurnReleased'; readonly payload: { readonly burn: BurnRecord; readonly holdings: readonly HoldingRecord[]; readonly escrow: BridgeEscrow } };

export type LedgerEventType = LedgerEvent['type'];

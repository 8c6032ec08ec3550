import { AssetContract } from './assets/asset-contract';
import { AuditContract } from './audit/audit-contract';
import { BridgeContract } from './bridge/bridge-contract';
import { ConsortiumContract } from './consortium/consortium-contract';
import { GatewayMessageContract } from './bridge/gateway-message-contract';
import { ControlContract } from './controls/control-contract';
import { EvidenceContract } from './evidence/evidence-contract';
import { InvestorContract } from './investors/investor-contract';
import { LegalContract } from './legal/legal-contract';
import { RoleContract } from './roles/role-contract';
import { SpvContract } from './spv/spv-contract';
import { TransferContract } from './transfers/transfer-contract';
import { WalletContract } from './wallets/wallet-contract';

export { AssetContract } from './assets/asset-contract';
export { AuditContract } from './audit/audit-contract';
export { BridgeContract } from './bridge/bridge-contract';
export { ConsortiumContract } from './consortium/consortium-contract';
export { GatewayMessageContract } from './bridge/gateway-message-contract';
export { ControlContract } from './controls/control-contract';
export { EvidenceContract } from './evidence/evidence-contract';
export { InvestorContract } from './investors/investor-contract';
export { LegalContract } from './legal/legal-contract';
export { RoleContract } from './roles/role-contract';
export { SpvContract } from './spv/spv-contract';
export { TransferContract } from './transfers/transfer-contract';
export { WalletContract } from './wallets/wallet-contract';
export { requireRole } from './roles/require-role';

/** The contracts fabric-chaincode-node serves (its convention); the first is the default. */
export const contracts = [RoleContract, ConsortiumContract, SpvContract, AssetContract, InvestorContract, WalletContract, TransferContract, ControlContract, LegalContract, AuditContract, BridgeContract, GatewayMessageContract, EvidenceContract];

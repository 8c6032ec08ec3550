import type { Contract } from 'fabric-contract-api';
import { AssetContract } from '@trestle/chaincode/src/assets/asset-contract';
import { AuditContract } from '@trestle/chaincode/src/audit/audit-contract';
import { BridgeContract } from '@trestle/chaincode/src/bridge/bridge-contract';
import { ConsortiumContract } from '@trestle/chaincode/src/consortium/consortium-contract';
import { ControlContract } from '@trestle/chaincode/src/controls/control-contract';
import { EvidenceContract } from '@trestle/chaincode/src/evidence/evidence-contract';
import { InvestorContract } from '@trestle/chaincode/src/investors/investor-contract';
import { LegalContract } from '@trestle/chaincode/src/legal/legal-contract';
import { InProcessContract } from '@trestle/chaincode/src/testing/in-process-contract';
import type { TestIdentity, WorldState } from '@trestle/chaincode/src/testing/stub-context';
import { TransferContract } from '@trestle/chaincode/src/transfers/transfer-contract';
import type { LedgerConnector, OfficerContractName } from '../ledger/ledger-contract';

const CONTRACTS: Readonly<Record<OfficerContractName, Contract>> = {
  TransferContract: new TransferContract(),
  BridgeContract: new BridgeContract(),
  InvestorContract: new InvestorContract(),
  ControlContract: new ControlContract(),
  AssetContract: new AssetContract(),
  AuditContract: new AuditContract(),
  EvidenceContract: new EvidenceContract(),
  LegalContract: new LegalContract(),
  ConsortiumContract: new ConsortiumContract(),
};

/**
 * UNIT-TEST STUB, never for production: stands in for `fabricGatewayConnector`. Each account's
 * calls run the real chaincode contracts in process on the stubbed context
 * (`@trestle/chaincode/src/testing/in-process-contract`), as the test identity its wallet label
 * names, at `now()`. No peer, endorsement, MVCC or private-data dissemination is involved.
 */
export function inProcessLedger(worldState: WorldState, identities: Readonly<Record<string, TestIdentity>>, now: () => Date): LedgerConnector {
  return {
    async ledgerFor(account) {
      const identity = identities[account.walletLabel];
      if (identity === undefined) throw new Error(`test wallet has no identity ${account.walletLabel}`);
      return { contract: (name) => new InProcessContract(CONTRACTS[name], worldState, identity, now) };
    },
    async close() {},
  };
}

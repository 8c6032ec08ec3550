import '@trestle/chaincode/src/testing/quiet-fabric-logs';
import { BridgeContract } from '@trestle/chaincode/src/bridge/bridge-contract';
import { BRIDGE_DESK } from '@trestle/chaincode/src/testing/bridge-story';
import { InProcessContract } from '@trestle/chaincode/src/testing/in-process-contract';
import { AFTER_LOCKUP } from '@trestle/chaincode/src/testing/transfer-story';
import { chaincodeBridge, type ChaincodeBridge } from './chaincode-ledgers';
import { assetFixture } from './fixtures';

// Like chaincode-ledgers.ts, for identity mirroring: the chain configuration names the devnet's
// ClaimIssuer, and anna's wallet is bound on the ledger (the in-process stub) but NOT registered on
// the token, so the ledger's path is the only way it becomes verified.

export interface IdentityBridge extends ChaincodeBridge {
  readonly claimIssuer: string;
  /** BankA's view of the ledger's BridgeContract (for the validators list). */
  readonly bridgeContract: InProcessContract;
}

/** A devnet asset and the ledger story bridged to it with a ClaimIssuer; anna's wallet bound, not registered. */
export async function identityBridge(): Promise<IdentityBridge> {
  const s = await chaincodeBridge(assetFixture, { registerHolder: false, claimIssuer: true });
  const bridgeContract = new InProcessContract(new BridgeContract(), s.worldState, BRIDGE_DESK.validatorA, () => AFTER_LOCKUP);
  return { ...s, claimIssuer: s.a.infra.claimIssuer, bridgeContract };
}

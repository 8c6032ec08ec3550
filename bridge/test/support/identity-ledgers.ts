import '@trestle/chaincode/src/testing/quiet-fabric-logs';
import { BridgeContract } from '@trestle/chaincode/src/bridge/bridge-contract';
import { GatewayMessageContract } from '@trestle/chaincode/src/bridge/gateway-message-contract';
import { BRIDGE_DESK, ledgerForBridge } from '@trestle/chaincode/src/testing/bridge-story';
import { InProcessContract } from '@trestle/chaincode/src/testing/in-process-contract';
import { ASSET_ID } from '@trestle/chaincode/src/testing/ledger-documents';
import { AFTER_LOCKUP } from '@trestle/chaincode/src/testing/transfer-story';
import { fundedWallet } from '../../src/evm/provider';
import { FabricAttestationLedger } from '../../src/validator/fabric-attestation-ledger';
import { FabricGatewayMessageLedger } from '../../src/validator/gateway-message-ledger';
import { keystoreSigners } from '../validator/validator-keys';
import { CONFIRMATIONS, type ChaincodeBridge } from './chaincode-ledgers';
import { assetFixture, type AssetFixture } from './fixtures';

// Like chaincode-ledgers.ts, for identity mirroring: the chain configuration names the devnet's
// ClaimIssuer, and anna's wallet is bound on the ledger (the in-process stub) but NOT registered on
// the token, so the ledger's path is the only way it becomes verified.

const BANKS = [BRIDGE_DESK.validatorA, BRIDGE_DESK.validatorB, BRIDGE_DESK.validatorC] as const;

export interface IdentityBridge extends ChaincodeBridge {
  readonly claimIssuer: string;
  /** BankA's view of the ledger's BridgeContract (for the validators list). */
  readonly bridgeContract: InProcessContract;
}

/** A devnet asset and the ledger story bridged to it with a ClaimIssuer; anna's wallet bound, not registered. */
export async function identityBridge(): Promise<IdentityBridge> {
  const a: AssetFixture = await assetFixture();
  const holder = await fundedWallet(a.provider);
  const gateway = await a.gateway.getAddress();
  const claimIssuer = a.infra.claimIssuer;
  const chain = { chainId: a.chainId.toString(), gateway, threshold: 2, confirmations: CONFIRMATIONS, tokens: [{ assetId: ASSET_ID, token: a.suite.token }], claimIssuer };
  const [first = '', second = '', third = ''] = a.validators.map((wallet) => wallet.address);
  const worldState = await ledgerForBridge({ chain, validators: [first, second, third], annaWallet: holder });
  let clock = AFTER_LOCKUP.getTime();
  const now = () => new Date((clock += 1_000));
  const setLedgerTime = (instant: Date) => {
    clock = instant.getTime();
  };
  const ledgers = BANKS.map((identity) => new FabricAttestationLedger(new InProcessContract(new BridgeContract(), worldState, identity, now), a.chainId));
  const messages = BANKS.map((identity) => new FabricGatewayMessageLedger(new InProcessContract(new GatewayMessageContract(), worldState, identity, now), a.chainId));
  const bridgeContract = new InProcessContract(new BridgeContract(), worldState, BRIDGE_DESK.validatorA, now);
  return { a, holder, worldState, ledgers, messages, signers: await keystoreSigners(a.validators), gateway, relayerAccount: await fundedWallet(a.provider), setLedgerTime, claimIssuer, bridgeContract };
}

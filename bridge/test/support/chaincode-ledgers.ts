import '@trestle/chaincode/src/testing/quiet-fabric-logs';
import type { Wallet } from 'ethers';
import { BridgeContract } from '@trestle/chaincode/src/bridge/bridge-contract';
import { GatewayMessageContract } from '@trestle/chaincode/src/bridge/gateway-message-contract';
import { approveBridgeOut, BRIDGE_DESK, bridgeOutRequest, ledgerForBridge, requestBridgeOut } from '@trestle/chaincode/src/testing/bridge-story';
import { InProcessContract } from '@trestle/chaincode/src/testing/in-process-contract';
import { ASSET_ID } from '@trestle/chaincode/src/testing/ledger-documents';
import type { WorldState } from '@trestle/chaincode/src/testing/stub-context';
import { AFTER_LOCKUP, DESK } from '@trestle/chaincode/src/testing/transfer-story';
import type { DeployedContract } from '../../src/evm/deploy-contract';
import { fundedWallet } from '../../src/evm/provider';
import { MintSigning, Relayer, type KeystoreSigner } from '../../src/plugin/public-api';
import { FabricAttestationLedger } from '../../src/validator/fabric-attestation-ledger';
import { FabricGatewayMessageLedger } from '../../src/validator/gateway-message-ledger';
import { keystoreSigners } from '../validator/validator-keys';
import { assetFixture, type AssetFixture } from './fixtures';

// The EVM half of the bridge against the chaincode's bridge contracts run in process on the
// stubbed context (InProcessContract, a test stub), which is fast enough to cover every message kind: these
// tests prove the two halves agree on every message; network/test/bridge runs the bridge on the
// real peers.

/** Blocks a burn waits before validators attest it. */
export const CONFIRMATIONS = 3;
const BANKS = [BRIDGE_DESK.validatorA, BRIDGE_DESK.validatorB, BRIDGE_DESK.validatorC] as const;

export interface ChaincodeBridge<F extends AssetFixture = AssetFixture> {
  readonly a: F;
  /** anna's wallet: registered on the token, bound to her on the ledger. */
  readonly holder: Wallet;
  readonly worldState: WorldState;
  /** Banks A, B and C, each through its own validator identity. */
  readonly ledgers: readonly FabricAttestationLedger[];
  readonly messages: readonly FabricGatewayMessageLedger[];
  readonly signers: readonly KeystoreSigner[];
  readonly gateway: string;
  /** A funded EVM account the relayers send from. */
  readonly relayerAccount: Wallet;
  /** Moves the ledger's clock (the transaction time of the banks' calls) to `instant`; it then runs on a second per call. */
  setLedgerTime(instant: Date): void;
}

/** How a test wants the story set up: anna's wallet registered on the token by the fixture (default), and whether the chain configuration names the ClaimIssuer (identity mirroring). */
export type ChaincodeBridgeOptions = { readonly registerHolder?: boolean; readonly claimIssuer?: boolean };

/** A devnet asset (from `build`), the ledger story bridged to it (chain in force, validators registered, anna's wallet bound). */
export async function chaincodeBridge<F extends AssetFixture = AssetFixture>(build: () => Promise<F> = assetFixture as () => Promise<F>, options: ChaincodeBridgeOptions = {}): Promise<ChaincodeBridge<F>> {
  const a = await build();
  const holder = await fundedWallet(a.provider);
  if (options.registerHolder !== false) await a.register(holder.address);
  const gateway = await a.gateway.getAddress();
  // A market fixture's NavOracle quotes the loan token, a dollar with cents.
  const oracle = 'oracle' in a ? { oracle: { address: await (a.oracle as DeployedContract).getAddress(), currency: 'USD' as const, currencyDecimals: 2 } } : {};
  const chain = { chainId: a.chainId.toString(), gateway, threshold: 2, confirmations: CONFIRMATIONS, tokens: [{ assetId: ASSET_ID, token: a.suite.token, ...oracle }], ...(options.claimIssuer === true ? { claimIssuer: a.infra.claimIssuer } : {}) };
  const [first = '', second = '', third = ''] = a.validators.map((wallet) => wallet.address);
  const worldState = await ledgerForBridge({ chain, validators: [first, second, third], annaWallet: holder });
  // The ledger's clock runs past the lockup, a second per transaction, unless a test moves it.
  let clock = AFTER_LOCKUP.getTime();
  const now = () => new Date((clock += 1_000));
  const setLedgerTime = (instant: Date) => {
    clock = instant.getTime();
  };
  const ledgers = BANKS.map((identity) => new FabricAttestationLedger(new InProcessContract(new BridgeContract(), worldState, identity, now), a.chainId));
  const messages = BANKS.map((identity) => new FabricGatewayMessageLedger(new InProcessContract(new GatewayMessageContract(), worldState, identity, now), a.chainId));
  return { a, holder, worldState, ledgers, messages, signers: await keystoreSigners(a.validators), gateway, relayerAccount: await fundedWallet(a.provider), setLedgerTime };
}

/** anna bridges `amount` out: requested, approved, signed by banks A and C, relayed by bank B. */
export async function bridgeOutAndMint(s: ChaincodeBridge, bridgeOutId: string, amount: bigint): Promise<void> {
  await requestBridgeOut(s.worldState, bridgeOutRequest(bridgeOutId, amount, { chainId: s.a.chainId.toString(), wallet: s.holder.address }));
  await approveBridgeOut(s.worldState, DESK.officerA, bridgeOutId);
  for (const index of [0, 2]) await new MintSigning({ signer: s.signers[index]!, gateway: s.a.gateway, ledger: s.ledgers[index]! }).signPending();
  await relayer(s, 1).relayPending();
}

/** Bank `index`'s relayer, with a funded account. */
export function relayer(s: ChaincodeBridge, index: number): Relayer {
  return new Relayer({ ledger: s.ledgers[index]!, gateway: s.gateway, sender: s.relayerAccount, retry: { attempts: 3, baseDelayMs: 10, maxDelayMs: 50 } });
}

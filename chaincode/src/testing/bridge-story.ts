import './quiet-fabric-logs';
import { keccak256, toUtf8Bytes, Wallet } from 'ethers';
import type { BridgeChainConfig } from '@trestle/compliance/src/bridge/bridge-chain';
import type { BridgeEscrow } from '@trestle/compliance/src/bridge/bridge-escrow';
import type { BridgeOutRecord } from '@trestle/compliance/src/bridge/bridge-out';
import type { EscrowMoveEvent } from '@trestle/compliance/src/bridge/escrow-move';
import type { BurnEvent, BurnRecord } from '@trestle/compliance/src/bridge/burn-attestation';
import { GATEWAY_TYPES, gatewayDomain } from '@trestle/compliance/src/bridge/gateway-types';
import { investorRef } from '@trestle/compliance/src/bridge/investor-ref';
import { BridgeContract } from '../bridge/bridge-contract';
import { RoleContract } from '../roles/role-contract';
import { WalletContract } from '../wallets/wallet-contract';
import { tx, type TxOptions } from './ledger-cast';
import { ASSET_ID, json } from './ledger-documents';
import { INVESTORS } from './ledger-story';
import { identityIdOf, type TestIdentity, type WorldState } from './stub-context';
import { BANK_A_ADMIN, BANK_B_ADMIN, BANK_C_ADMIN } from './test-identities';
import { CHAIN_ID, signBinding, WALLET_ONE, WALLET_TWO } from './test-wallets';
import { AFTER_LOCKUP, DESK, ledgerForTransfers } from './transfer-story';

// The bridge tests' world: the transfer story's tokenized asset, one validator per bank (the
// banks' admins, holding the validator role and registering their EVM keys), the devnet chain
// configured by BankA's operator and approved by BankB's, and anna's and chloe's wallets bound.

/** The validators' EVM keys, derived from fixed seeds: test keys only. */
export const VALIDATOR_KEYS = {
  A: new Wallet(keccak256(toUtf8Bytes('trestle test validator A'))),
  B: new Wallet(keccak256(toUtf8Bytes('trestle test validator B'))),
  C: new Wallet(keccak256(toUtf8Bytes('trestle test validator C'))),
} as const;

/** Who acts on the bridge. */
export const BRIDGE_DESK = {
  ...DESK,
  validatorA: BANK_A_ADMIN,
  validatorB: BANK_B_ADMIN,
  validatorC: BANK_C_ADMIN,
  /** Operators (BankA's requester, BankB's officer) who configure chains. */
  operatorA: DESK.requesterA,
  operatorB: DESK.officerB,
} as const;

export const GATEWAY = '0x5FbDB2315678afecb367f032d93F642f64180aa3';
export const TOKEN = '0xe7f1725E7734CE288F8367e1Bb143E90bb3F0512';
export const ORACLE = '0x9fE46736679d2D9a65F0992F2272dE9f3c7fa6e0';

/** The devnet chain's configuration: 2 of 3 banks; the asset's NAV quoted in CHF cents like its valuations. */
export const CHAIN_CONFIG: BridgeChainConfig = {
  chainId: CHAIN_ID.toString(),
  gateway: GATEWAY,
  threshold: 2,
  confirmations: 2,
  tokens: [{ assetId: ASSET_ID, token: TOKEN, oracle: { address: ORACLE, currency: 'CHF', currencyDecimals: 2 } }],
};

/** anna's (BankA) and chloe's (BankB) bound wallets. */
export const WALLETS = { anna: WALLET_ONE, chloe: WALLET_TWO } as const;

const bridge = new BridgeContract();
const at = (options: TxOptions = {}): TxOptions => ({ at: AFTER_LOCKUP, ...options });

/** What a bridge test may put in place of the defaults: a real devnet's gateway, token, validator keys and wallet. */
export type BridgeStoryOptions = {
  readonly chain?: BridgeChainConfig;
  /** The validator addresses of BankA, BankB and BankC. */
  readonly validators?: readonly [string, string, string];
  /** anna's wallet (it signs the binding). */
  readonly annaWallet?: Pick<Wallet, 'address' | 'signTypedData'>;
};

/** The tokenized story with validators registered, the chain in force and anna's and chloe's wallets bound. */
export async function ledgerForBridge(options: BridgeStoryOptions = {}): Promise<WorldState> {
  const worldState = await ledgerForTransfers();
  const roles = new RoleContract();
  const chain = options.chain ?? CHAIN_CONFIG;
  const addresses = options.validators ?? [VALIDATOR_KEYS.A.address, VALIDATOR_KEYS.B.address, VALIDATOR_KEYS.C.address];
  const admins = [BRIDGE_DESK.validatorA, BRIDGE_DESK.validatorB, BRIDGE_DESK.validatorC];
  for (const [index, admin] of admins.entries()) {
    await roles.GrantRole(tx(admin, worldState).ctx, identityIdOf(admin), 'validator');
    await bridge.RegisterValidator(tx(admin, worldState).ctx, addresses[index] ?? '');
  }
  await bridge.ProposeBridgeChain(tx(BRIDGE_DESK.operatorA, worldState).ctx, json(chain));
  await bridge.ApproveBridgeChain(tx(BRIDGE_DESK.operatorB, worldState).ctx, json(chain));
  const wallets = new WalletContract();
  const bindings = [
    [DESK.requesterA, INVESTORS.annaA, 'BankAMSP', options.annaWallet ?? WALLETS.anna],
    [DESK.officerB, INVESTORS.chloeB, 'BankBMSP', WALLETS.chloe],
  ] as const;
  const chainId = BigInt(chain.chainId);
  for (const [operator, investorId, bank, wallet] of bindings) {
    const signature = await signBinding(wallet, { investorId, bank, chainId });
    await wallets.BindWallet(tx(operator, worldState).ctx, investorId, wallet.address, chain.chainId, '1', signature);
  }
  return worldState;
}

/** A bridge-out request document: anna's units to her wallet by default. */
export function bridgeOutRequest(bridgeOutId: string, amount: bigint, overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return { bridgeOutId, assetId: ASSET_ID, investorId: INVESTORS.annaA, chainId: CHAIN_ID.toString(), wallet: WALLETS.anna.address, amount: amount.toString(), ...overrides };
}

/** Requests a bridge-out as BankA's requester, after the lockup. */
export async function requestBridgeOut(worldState: WorldState, document: Record<string, unknown>, identity: TestIdentity = DESK.requesterA): Promise<void> {
  await bridge.RequestBridgeOut(tx(identity, worldState, at()).ctx, json(document));
}

/** Approves as `officer`, after the lockup. */
export async function approveBridgeOut(worldState: WorldState, officer: TestIdentity, bridgeOutId: string, options: TxOptions = {}): Promise<void> {
  await bridge.ApproveBridgeOut(tx(officer, worldState, at(options)).ctx, bridgeOutId, '');
}

/** A bridge-out requested and approved by BankA's officer: APPROVED, units in escrow. */
export async function escrowedBridgeOut(worldState: WorldState, bridgeOutId: string, amount: bigint): Promise<BridgeOutRecord> {
  await requestBridgeOut(worldState, bridgeOutRequest(bridgeOutId, amount));
  await approveBridgeOut(worldState, DESK.officerA, bridgeOutId);
  return bridgeOutOf(worldState, bridgeOutId);
}

/** The bridge-out as the regulator reads it. */
export async function bridgeOutOf(worldState: WorldState, bridgeOutId: string): Promise<BridgeOutRecord> {
  return JSON.parse(await bridge.GetBridgeOut(tx(DESK.regulator, worldState).ctx, bridgeOutId)) as BridgeOutRecord;
}

/** The asset's escrow for the devnet chain. */
export async function escrowOf(worldState: WorldState): Promise<BridgeEscrow> {
  return JSON.parse(await bridge.GetEscrow(tx(DESK.regulator, worldState).ctx, ASSET_ID, CHAIN_ID.toString())) as BridgeEscrow;
}

/** The burn's record. */
export async function burnOf(worldState: WorldState, burnNonce: bigint): Promise<BurnRecord> {
  return JSON.parse(await bridge.GetBurn(tx(DESK.regulator, worldState).ctx, CHAIN_ID.toString(), burnNonce.toString())) as BurnRecord;
}

/** `key`'s EIP-712 signature of the bridge-out's Mint in `domain` (the devnet gateway's by default). */
export async function signMint(key: Pick<Wallet, 'signTypedData'>, record: BridgeOutRecord, domain = gatewayDomain(CHAIN_ID, GATEWAY)): Promise<string> {
  const message = { token: record.token, to: record.wallet, amount: BigInt(record.amount), nonce: BigInt(record.nonce ?? '0'), fabricTxId: record.fabricTxId ?? `0x${'0'.repeat(64)}` };
  return key.signTypedData(domain, { Mint: GATEWAY_TYPES.Mint.map((field) => ({ ...field })) }, message);
}

/** A BurnedForRedeem event as validators attest it: anna's wallet burning `amount`, naming anna. */
export function burnEvent(burnNonce: bigint, amount: bigint, overrides: Partial<BurnEvent> = {}): BurnEvent {
  return {
    chainId: CHAIN_ID.toString(),
    burnNonce: burnNonce.toString(),
    txHash: keccak256(toUtf8Bytes(`burn tx ${burnNonce}`)),
    logIndex: 3,
    blockNumber: 120 + Number(burnNonce),
    blockHash: keccak256(toUtf8Bytes(`block ${burnNonce}`)),
    token: TOKEN,
    from: WALLETS.anna.address,
    amount: amount.toString(),
    fabricInvestorRef: investorRef(INVESTORS.annaA),
    ...overrides,
  };
}

/** anna's wallet sending `amount` to chloe's on the EVM chain, in the transaction numbered `n`: an escrow move as validators state it. */
export function escrowMoveEvent(n: number, amount: bigint, overrides: Partial<EscrowMoveEvent> = {}): EscrowMoveEvent {
  return {
    chainId: CHAIN_ID.toString(),
    txHash: keccak256(toUtf8Bytes(`transfer tx ${n}`)),
    logIndex: 1,
    blockNumber: 200 + n,
    blockHash: keccak256(toUtf8Bytes(`block ${200 + n}`)),
    token: TOKEN,
    from: WALLETS.anna.address,
    to: WALLETS.chloe.address,
    amount: amount.toString(),
    venue: null,
    ...overrides,
  };
}

/** Attests `event` as `validator`. */
export async function attest(worldState: WorldState, validator: TestIdentity, event: BurnEvent): Promise<void> {
  await bridge.AttestBurn(tx(validator, worldState, at()).ctx, json(event));
}

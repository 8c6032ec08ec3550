import path from 'node:path';
import type { Wallet } from 'ethers';
import { bindingMessage, signWalletBinding } from '../../src/cli/ledger/wallet-binding-signature';
import { fabricClientFiles } from '../../src/cli/ledger/fabric-client-files';
import { FABRIC_CLI_DEFAULTS } from '../../src/cli/ledger/fabric-ledger-session';
import type { StackConfig } from '../../src/stack/stack-config';
import { connectBankLedger, type BankLedgerConnection } from '@trestle/bridge/src/node/bank-ledger-connection';
import { DOLLARS, marketFixture, type MarketFixture } from '@trestle/bridge/test/support/fixtures';
import { keystoreSigners } from '@trestle/bridge/test/validator/validator-keys';
import type { KeystoreSigner } from '@trestle/bridge/src/plugin/public-api';
import { fundedWallet } from '@trestle/bridge/src/evm/provider';
import { ValidatorNode } from '@trestle/bridge/src/node/validator-node';
import { BridgeMetrics, FileCheckpoint } from '@trestle/bridge/src/plugin/public-api';
import { Reconciler } from '@trestle/bridge/src/reconciler/reconciler';
import { FabricAttestationLedger } from '@trestle/bridge/src/validator/fabric-attestation-ledger';
import { FabricGatewayMessageLedger } from '@trestle/bridge/src/validator/gateway-message-ledger';
import { ensurePeopleRoles } from './ledger-people';
import { expectOk, ledgerCli, tokenizedAsset, type LedgerCli, type TokenizedAsset } from './tokenized-asset';

// The two halves of the bridge set up for one suite: a fresh tokenized asset on the real Fabric
// network (ledger side through the CLI) and, on the stack's devnet, a fresh consortium gateway with
// a Morpho market for the asset's token. Each bank's validator1 gets the validator role and its
// bank's fresh key registered on the ledger; the chain's configuration in force names this gateway.

/** The banks in the order their validator keys are assigned (the fixture's validators, ascending by address). */
export const BRIDGE_BANKS = [
  { org: 'bankA', msp: 'BankAMSP' },
  { org: 'bankB', msp: 'BankBMSP' },
  { org: 'bankC', msp: 'BankCMSP' },
] as const;

/** Blocks a burn waits on the devnet before validators attest it. */
export const BRIDGE_CONFIRMATIONS = 3;

/** Who does what on the ledger side of the bridge (`org/label`). */
export const BRIDGE_DESK = { requester: 'bankA/operator1', approver: 'bankA/officer1', proposer: 'bankA/operator1', chainApprover: 'bankB/operator1' } as const;

/** What `realBridge` set up. */
export interface RealBridge {
  readonly cli: LedgerCli;
  readonly asset: TokenizedAsset;
  readonly m: MarketFixture;
  readonly chainId: string;
  /** The BankA investor's wallet: KYC-registered on the token, bound to them on the ledger, with stablecoin and Morpho approvals. */
  readonly holder: Wallet;
  /** Each bank's validator key as a keystore signer, in BRIDGE_BANKS order. */
  readonly signers: readonly KeystoreSigner[];
  /** A funded EVM account the relaying bank sends from. */
  readonly relayerAccount: Wallet;
}

/**
 * Sets the bridge up: roles (validator1 of every bank gets `validator`), a tokenized asset without
 * lockup (its units may leave at once), a devnet market for a 6-decimal token, the banks' validator
 * keys registered, the chain configuration proposed by BankA's operator and approved by BankB's,
 * and the BankA investor's wallet bound with the wallet's own signature.
 */
export async function realBridge(stack: StackConfig): Promise<RealBridge> {
  await ensurePeopleRoles(stack);
  await ensurePeopleRoles(stack, Object.fromEntries(BRIDGE_BANKS.map((bank) => [`${bank.org}/validator1`, ['validator'] as const])));
  const cli = ledgerCli(stack);
  // Side by side: the asset's life on the ledger and the EVM deployment share nothing (npm test's
  // budget: every bridge and lending scenario starts here). The token carries the ledger asset's
  // decimals (tokenizedAsset tokenizes with 6).
  const [asset, m] = await Promise.all([tokenizedAsset(cli, { tag: 'BRG', policy: { lockupSeconds: 0 } }), marketFixture({ decimals: 6 })]);
  const chainId = m.chainId.toString();

  for (const [index, bank] of BRIDGE_BANKS.entries()) {
    await expectOk(cli, 'bridge', 'validator', 'register', m.validators[index]!.address, '--as', `${bank.org}/admin`);
  }
  const config = { chainId, gateway: await m.gateway.getAddress(), threshold: 2, confirmations: BRIDGE_CONFIRMATIONS, tokens: [{ assetId: asset.assetId, token: m.suite.token }] };
  const configFile = cli.file(`chain-${asset.assetId}.json`, config);
  await expectOk(cli, 'bridge', 'chain', 'propose', configFile, '--as', BRIDGE_DESK.proposer);
  await expectOk(cli, 'bridge', 'chain', 'approve', configFile, '--as', BRIDGE_DESK.chainApprover);

  const holder = await m.fundedAccount({ dollars: DOLLARS(1n) });
  const investor = asset.investors.a1;
  const message = bindingMessage({ investorId: investor, address: holder.address, chainId, nonce: '1', bank: BRIDGE_BANKS[0].msp });
  const signature = await signWalletBinding(holder, message);
  await expectOk(cli, 'investor', 'bind-wallet', investor, '--address', holder.address, '--chain-id', chainId, '--nonce', '1', '--signature', signature, '--as', BRIDGE_DESK.approver);

  return { cli, asset, m, chainId, holder, signers: await keystoreSigners(m.validators), relayerAccount: await fundedWallet(m.provider) };
}

/** Each bank's validator1 connected to the real peers through fabric-network (bank-ledger-connection.ts), in BRIDGE_BANKS order. */
export async function connectValidators(stack: StackConfig): Promise<BankLedgerConnection[]> {
  const connections: BankLedgerConnection[] = [];
  try {
    for (const bank of BRIDGE_BANKS) {
      const files = fabricClientFiles(stack, bank.org);
      connections.push(
        await connectBankLedger({ connectionProfile: files.connectionProfile, walletPath: files.wallet, identity: 'validator1', channel: FABRIC_CLI_DEFAULTS.channel, chaincode: FABRIC_CLI_DEFAULTS.chaincode }),
      );
    }
    return connections;
  } catch (error) {
    for (const connection of connections) connection.close();
    throw error;
  }
}

/** A file under `dir` for bank `index`'s checkpoint of kind `kind`. */
export function checkpointFile(dir: string, kind: string, index: number): string {
  return path.join(dir, `${kind}-${BRIDGE_BANKS[index]!.org}.json`);
}

/**
 * The three banks' ValidatorNodes on the real peers, one per connection, BankC relaying, each
 * with its checkpoints and status file under `dir`, and the reconciler reading through BankB's.
 */
export function validatorNodesOnRealPeers(s: RealBridge, connections: readonly BankLedgerConnection[], options: { dir: string; startBlock: number; venues: string[]; log: (line: string) => void }): { nodes: ValidatorNode[]; reconciler: Reconciler } {
  const { m } = s;
  const nodes = connections.map(
    (connection, index) =>
      new ValidatorNode({
        bank: BRIDGE_BANKS[index]!.msp,
        signer: s.signers[index]!,
        provider: m.provider,
        gateway: m.gateway,
        ledger: new FabricAttestationLedger(connection.bridge, m.chainId),
        messages: new FabricGatewayMessageLedger(connection.messages, m.chainId),
        checkpoint: new FileCheckpoint(checkpointFile(options.dir, 'burns', index)),
        escrowMoves: { tokens: [m.suite.token], venues: options.venues, checkpoint: new FileCheckpoint(checkpointFile(options.dir, 'moves', index)) },
        confirmations: BRIDGE_CONFIRMATIONS,
        startBlock: options.startBlock,
        // Only BankC relays here; any bank may.
        ...(index === 2 ? { relayer: { sender: s.relayerAccount } } : {}),
        metrics: new BridgeMetrics(),
        log: (line) => options.log(`${new Date().toISOString()} ${line}`),
        statusFile: path.join(options.dir, `status-${index}.json`),
      }),
  );
  const reconciler = new Reconciler({ provider: m.provider, ledger: new FabricAttestationLedger(connections[1]!.bridge, m.chainId), messages: new FabricGatewayMessageLedger(connections[1]!.messages, m.chainId) });
  return { nodes, reconciler };
}

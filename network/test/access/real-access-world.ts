import { randomInt } from 'node:crypto';
import { Wallet } from 'ethers';
import { bridgeOutRequest, CHAIN_CONFIG } from '@trestle/chaincode/src/testing/bridge-story';
import { evidenceFileDocument } from '@trestle/chaincode/src/testing/evidence-story';
import { json, policyChange } from '@trestle/chaincode/src/testing/ledger-documents';
import { legalAction } from '@trestle/chaincode/src/testing/legal-story';
import { signBinding } from '@trestle/chaincode/src/testing/test-wallets';
import { transferRequest } from '@trestle/chaincode/src/testing/transfer-story';
import type { StackConfig } from '../../src/stack/stack-config';
import type { LedgerSession } from '../../src/cli/ledger/ledger-session';
import { ensurePeopleRoles, sessionOf, uniqueSuffix } from '../support/ledger-people';
import { ledgerCli, tokenizedAsset, type AssetInvestors } from '../support/tokenized-asset';
import { translateArguments, type RecordIds } from './stub-id-translation';

// The records of BankA the matrix's calls act on, made on the real network by the people of
// ledger-people.ts: a tokenized asset of a BankA SPV with investors at BankA and BankB, and the
// open items the stub world's chapters hold (a pending transfer, a policy change, a legal
// proposal, a registered KYC file, a bridge chain with anna's wallet bound and her bridge-out
// pending, and a second chain only proposed), each requested by BankA. So a caller
// of the wrong bank meets a record of BankA and is refused for that, not for a missing record.
// Every id is fresh: the shared network keeps every earlier suite's records.

/** What the world made: the real ids the stub world's ids translate to. */
export type RealAccessWorld = RecordIds & {
  readonly investors: AssetInvestors;
  /** The configuration of a chain BankA's operator proposed and no other bank approved yet. */
  readonly proposedChain: string;
};

/** A chain id no other suite configures (the devnet's is 31337). */
const freshChainId = () => String(4_200_000 + randomInt(1_000_000));

type ContractName = Parameters<LedgerSession['contract']>[0];

/** Submits `name(args)` to `contract` as `org/label` and closes the session. */
async function submitAs(stack: StackConfig, label: string, contract: ContractName, name: string, args: readonly string[]): Promise<void> {
  const session = await sessionOf(stack, label);
  try {
    await session.contract(contract).submitTransaction(name, ...args);
  } finally {
    await session.close();
  }
}

/** Builds the world on `stack`'s network (about 15 transactions). */
export async function realAccessWorld(stack: StackConfig): Promise<RealAccessWorld> {
  await ensurePeopleRoles(stack);
  const cli = ledgerCli(stack);
  try {
    // Lockup 0, so the pending transfer is requested without a rules refusal.
    const asset = await tokenizedAsset(cli, { tag: 'ACM', policy: { lockupSeconds: 0 } });
    const suffix = uniqueSuffix();
    const anna = Wallet.createRandom();
    const ids: RecordIds = {
      spvId: asset.spvId,
      assetId: asset.assetId,
      annaA: asset.investors.a1,
      benA: asset.investors.a2,
      chloeB: asset.investors.b1,
      transferId: `T-ACM-${suffix}`,
      proposalId: `L-ACM-${suffix}`,
      fileId: `KYC-ACM-${suffix}`,
      // Fresh addresses too: another suite's chain may use the stub's devnet addresses.
      chainId: freshChainId(),
      gateway: Wallet.createRandom().address,
      token: Wallet.createRandom().address,
      annaWallet: anna.address,
      bridgeOutId: `B-ACM-${suffix}`,
    };
    const translate = (args: readonly string[]) => translateArguments(args, ids);
    await submitAs(stack, 'bankA/operator1', 'TransferContract', 'RequestTransfer', translate([json(transferRequest(ids.transferId, 5_000n))]));
    // Proposed by officer2: the matrix's BankA officer is a colleague of the proposer, never the proposer.
    await submitAs(stack, 'bankA/officer2', 'AssetContract', 'ProposePolicyChange', translate([ids.assetId, json(policyChange(2, { lockupSeconds: 60 }))]));
    await submitAs(stack, 'bankA/spvadmin1', 'LegalContract', 'ProposeLegalAction', translate([json(legalAction(ids.proposalId, 'start-remediation'))]));
    await submitAs(stack, 'bankA/officer1', 'EvidenceContract', 'RegisterEvidence', translate([json(evidenceFileDocument({ fileId: ids.fileId }))]));
    const chain = translate([json(CHAIN_CONFIG)]);
    await submitAs(stack, 'bankA/operator1', 'BridgeContract', 'ProposeBridgeChain', chain);
    await submitAs(stack, 'bankB/operator1', 'BridgeContract', 'ApproveBridgeChain', chain);
    const binding = await signBinding(anna, { investorId: ids.annaA, bank: 'BankAMSP', chainId: BigInt(ids.chainId) });
    await submitAs(stack, 'bankA/operator1', 'WalletContract', 'BindWallet', [ids.annaA, anna.address, ids.chainId, '1', binding]);
    await submitAs(stack, 'bankA/operator1', 'BridgeContract', 'RequestBridgeOut', translate([json(bridgeOutRequest(ids.bridgeOutId, 1_000n))]));
    const proposedChain = JSON.stringify({ ...(JSON.parse(chain[0] as string) as object), chainId: freshChainId(), gateway: Wallet.createRandom().address });
    await submitAs(stack, 'bankA/operator1', 'BridgeContract', 'ProposeBridgeChain', [proposedChain]);
    return { ...ids, investors: asset.investors, proposedChain };
  } finally {
    cli.dispose();
  }
}

import { bridgeOutRequest } from '@trestle/chaincode/src/testing/bridge-story';
import { json } from '@trestle/chaincode/src/testing/ledger-documents';
import { legalAction } from '@trestle/chaincode/src/testing/legal-story';
import { transferRequest } from '@trestle/chaincode/src/testing/transfer-story';
import type { StackConfig } from '../../src/stack/stack-config';
import { sessionOf, uniqueSuffix } from '../support/ledger-people';
import { ledgerCli, onboardInvestor } from '../support/tokenized-asset';
import { realAccessWorld, type RealAccessWorld } from './real-access-world';
import { translateArguments } from './stub-id-translation';

// The records the officer service's routes are called on, on the real network: the chaincode
// matrix's world (real-access-world.ts: a tokenized BankA asset, a pending BankA → BankB transfer,
// anna's pending bridge-out, her registered KYC file, a remediation proposed by BankA's SPV
// administrator), which the refused calls name, and beside it one record of its own for each
// allowed call that writes, so every allowed persona acts on a record in the state the call needs.

/** How many records of their own the allowed writes need (counted from the matrix by the test). */
export type OwnRecordsNeeded = {
  /** Allowed approvals and rejections of a transfer. */
  readonly transfers: number;
  /** Allowed approvals and rejections of a bridge-out. */
  readonly bridgeOuts: number;
  /** Allowed updates and status changes of a BankA investor. */
  readonly investors: number;
  /** Allowed unfreezes of 10 units. */
  readonly unfreezes: number;
};

/** What the world made. */
export type OfficerRoutesWorld = {
  readonly shared: RealAccessWorld;
  /** Before the world's first write: where the audit rows' period starts. */
  readonly since: Date;
  /** Pending BankA → BankB transfers (anna to chloe), one per allowed decision. */
  readonly transfers: readonly string[];
  /** anna's pending bridge-outs, one per allowed decision. */
  readonly bridgeOuts: readonly string[];
  /** BankA investors with PII and no holding, one per allowed update or status change. */
  readonly investors: readonly string[];
};

/** Whom each kind of record is made by. */
const REQUESTER = 'bankA/operator1';
const OFFICER = 'bankA/officer1';
const SPV_ADMIN = 'bankA/spvadmin1';

const times = <T>(count: number, make: (index: number) => T): T[] => Array.from({ length: count }, (_, index) => make(index));

/**
 * Builds the shared world, then the records of their own in parallel (none of them writes a key
 * another reads), then freezes 10 of anna's units (the refused unfreezes name a frozen holding) and
 * 10 of ben's per allowed unfreeze (the allowed freezes and unfreezes act on his holding).
 */
export async function officerRoutesWorld(stack: StackConfig, needed: OwnRecordsNeeded): Promise<OfficerRoutesWorld> {
  const since = new Date(Date.now() - 60_000);
  const shared = await realAccessWorld(stack);
  const suffix = uniqueSuffix();
  const translate = (args: readonly string[]) => translateArguments(args, shared);
  const transfers = times(needed.transfers, (index) => `T-OFR-${suffix}-${index}`);
  const bridgeOuts = times(needed.bridgeOuts, (index) => `B-OFR-${suffix}-${index}`);
  const investors = times(needed.investors, (index) => `INV-OFR-${suffix}-${index}`);
  const requester = await sessionOf(stack, REQUESTER);
  const cli = ledgerCli(stack);
  try {
    const requests = requester.contract('TransferContract');
    const bridge = requester.contract('BridgeContract');
    await Promise.all([
      ...transfers.map((transferId) => requests.submitTransaction('RequestTransfer', ...translate([json(transferRequest(transferId, 5_000n))]))),
      ...bridgeOuts.map((bridgeOutId) => bridge.submitTransaction('RequestBridgeOut', ...translate([json(bridgeOutRequest(bridgeOutId, 1_000n))]))),
      ...investors.map((investorId) => onboardInvestor(cli, OFFICER, investorId, `Ada Matrix ${investorId}`)),
    ]);
  } finally {
    await requester.close();
    cli.dispose();
  }
  const officer = await sessionOf(stack, OFFICER);
  try {
    const controls = officer.contract('ControlContract');
    await Promise.all([
      controls.submitTransaction('FreezePartial', shared.assetId, shared.annaA, '10', 'officer routes: a frozen holding to refuse unfreezing'),
      ...(needed.unfreezes > 0 ? [controls.submitTransaction('FreezePartial', shared.assetId, shared.benA, String(10 * needed.unfreezes), 'officer routes: units for the allowed unfreezes')] : []),
    ]);
  } finally {
    await officer.close();
  }
  return { shared, since, transfers, bridgeOuts, investors };
}

type LegalHistoryAnswer = { readonly state: string; readonly openProposal: { readonly proposalId: string } | null };

/**
 * The asset's open legal proposal; when none is open (the previous row's votes applied or closed
 * it), BankA's SPV administrator proposes the next step: a cure in remediation, else a remediation.
 */
export async function openLegalProposal(stack: StackConfig, assetId: string): Promise<string> {
  const spvAdmin = await sessionOf(stack, SPV_ADMIN);
  try {
    const legal = spvAdmin.contract('LegalContract');
    const history = JSON.parse(Buffer.from(await legal.evaluateTransaction('GetLegalHistory', assetId)).toString('utf8')) as LegalHistoryAnswer;
    if (history.openProposal !== null) return history.openProposal.proposalId;
    const proposalId = `L-OFR-${uniqueSuffix()}`;
    await legal.submitTransaction('ProposeLegalAction', json(legalAction(proposalId, history.state === 'REMEDIATION' ? 'cure' : 'start-remediation', { assetId })));
    return proposalId;
  } finally {
    await spvAdmin.close();
  }
}

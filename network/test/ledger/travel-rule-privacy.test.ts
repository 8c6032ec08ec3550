import '../transfers/quiet-fabric-client';
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import test, { type ExecutionContext } from 'ava';
import type { ContractEvent } from 'fabric-network';
import type { TransferRecord } from '@trestle/compliance/src/transfers/transfer-record';
import { peerHome } from '../../src/fabric/node-config';
import { fabricTopology, processName, type BankNode } from '../../src/fabric/topology';
import { logFileOf } from '../../src/process/managed-process';
import { testStack } from '../../src/stack/stack-config';
import { killTarget, restartTarget } from '../support/chaos-processes';
import { awaitEveryPeerDiscovered, openFabricClient } from '../support/fabric-client';
import { pollUntil } from '../support/fabric-poll';
import { ensurePeopleRoles, uniqueSuffix } from '../support/ledger-people';
import { ledgerCli, onboardInvestor, tokenizedAsset, type TokenizedAsset } from '../support/tokenized-asset';
import { filesHolding } from './disk-scan';

// Travel-rule data on the real three-bank network (npm test's shared one, or the stack
// TRESTLE_HOME names), requested through the project's own CLI as a bank's operator runs it: the
// proposal, with the originator's and beneficiary's names in its transient map, goes to the
// requesting bank's peer and the receiving investor's bank's peer, never to the third bank's.
//
// What shows which peers received a proposal: the committed transaction's endorsements (each
// endorsing peer signs its answer), and each peer's own log, where it names every proposal it ran
// the chaincode for ("finished chaincode … txID=<first 8 characters>"). The bytes themselves never
// reach a file: RequestTransfer writes no private data, so the transient store (which holds private
// write sets) and the ledger keep nothing of them on any peer; the disk search below guards that,
// and the ledger's travel-rule hash shows the chaincode did receive the data.

const stack = testStack();
const topology = fabricTopology(stack);
const [bankA, bankB, bankC] = topology.banks as [BankNode, BankNode, BankNode];
const cli = ledgerCli(stack);
/** Above the fixture policy's travel-rule threshold (10000): the data is required. */
const AMOUNT = '20000';

let asset: TokenizedAsset;
/** An investor of BankC, holding nothing yet. */
let c1: string;

test.before(async () => {
  // fabric-network's endorsing-organisation plans need every bank's peer found by discovery.
  for (const org of ['bankA', 'bankB', 'bankC'] as const) await awaitEveryPeerDiscovered(stack, org);
  await ensurePeopleRoles(stack);
  asset = await tokenizedAsset(cli, { tag: 'TRV', policy: { lockupSeconds: 0 } });
  c1 = `INV-C1-${uniqueSuffix()}`;
  await onboardInvestor(cli, 'bankC/officer1', c1, `Clara Weber ${uniqueSuffix()}`);
});

test.after.always(() => cli.dispose());

/** What the ledger shows of one committed RequestTransfer. */
type Requested = { readonly txId: string; readonly endorserMsps: readonly string[]; readonly record: TransferRecord };

/** The endorsing MSPs of a transaction as fabric-common's block decoder gives it (a full block's transaction data). */
function endorserMspsOf(transactionData: unknown): string[] {
  const actions = (transactionData as { actions?: Array<{ payload?: { action?: { endorsements?: Array<{ endorser?: { mspid?: string } }> } } }> }).actions ?? [];
  return actions.flatMap((action) => action.payload?.action?.endorsements ?? []).map((endorsement) => endorsement.endorser?.mspid ?? '?').sort();
}

/** A travel-rule file whose four fields carry `marker`. */
function travelRuleFile(transferId: string, marker: string): string {
  return cli.file(`${transferId}-travel-rule.json`, {
    originator: { name: `Originator ${marker}`, accountRef: `CH93-${marker}` },
    beneficiary: { name: `Beneficiary ${marker}`, accountRef: `LI21-${marker}` },
  });
}

/**
 * Requests a transfer through the CLI as `requester` with travel-rule data naming `marker`, and
 * returns its committed transaction as a BankA officer's full-block listener saw it.
 */
async function requestWithTravelRule(requester: string, from: string, to: string, marker: string): Promise<Requested> {
  const transferId = `T-TRV-${uniqueSuffix()}`;
  const travelRule = travelRuleFile(transferId, marker);
  const client = await openFabricClient(stack, 'bankA', 'officer1');
  try {
    let seen: Omit<Requested, 'record'> | undefined;
    await client.contract('TransferContract').addContractListener(
      async (event: ContractEvent) => {
        if (event.eventName !== 'TransferRequested') return;
        const envelope = JSON.parse(Buffer.from(event.payload ?? []).toString('utf8')) as { payload: { transferId?: string } };
        if (envelope.payload.transferId !== transferId) return;
        const transaction = event.getTransactionEvent();
        seen = { txId: transaction.transactionId, endorserMsps: endorserMspsOf(transaction.transactionData) };
      },
      { type: 'full' },
    );
    const record = await cli.json<TransferRecord>('transfer', 'request', '--as', requester, '--asset', asset.assetId, '--from', from, '--to', to, '--amount', AMOUNT, '--id', transferId, '--travel-rule', travelRule);
    const committed = await pollUntil(`the commit event of ${transferId}`, 30_000, async () => seen);
    return { ...committed, record };
  } finally {
    client.close();
  }
}

/** Whether `bank`'s peer log names a proposal of `txId` it ran the chaincode for. */
function peerRanProposal(bank: BankNode, txId: string): boolean {
  const log = readFileSync(logFileOf(stack.home, processName.peer(bank)), 'utf8');
  return log.split('\n').some((line) => line.includes('finished chaincode') && line.includes(`txID=${txId.slice(0, 8)}`));
}

/** Asserts that the transfer's proposal reached `parties`' peers and not `bystander`'s, and that no peer keeps the data on disk. */
function assertOnlyParties(t: ExecutionContext, requested: Requested, parties: readonly [BankNode, BankNode], bystander: BankNode, marker: string): void {
  t.like(requested.record, { status: 'PENDING', senderBankMsp: parties[0].mspId, receiverBankMsp: parties[1].mspId });
  t.deepEqual([...(requested.record.travelRule?.given ?? [])].sort(), ['beneficiary.accountRef', 'beneficiary.name', 'originator.accountRef', 'originator.name'], 'the chaincode received the travel-rule data');
  t.deepEqual(requested.endorserMsps, parties.map((bank) => bank.mspId).sort(), 'the committed transaction is endorsed by the two parties\' peers');
  for (const party of parties) t.true(peerRanProposal(party, requested.txId), `${party.peer.name}'s log names proposal ${requested.txId}`);
  t.false(peerRanProposal(bystander, requested.txId), `${bystander.peer.name} never ran proposal ${requested.txId}`);
  for (const bank of topology.banks) t.deepEqual(filesHolding(peerHome(topology, bank), marker), [], `no file of ${bank.peer.name} (ledger, transient store, anything else) holds the travel-rule data`);
}

const freshMarker = () => `TRV${randomBytes(10).toString('hex')}`;

test.serial("a BankA investor's transfer to a BankB investor with travel-rule data reaches BankA's and BankB's peers only, never BankC's", async (t) => {
  const marker = freshMarker();
  const requested = await requestWithTravelRule('bankA/operator1', asset.investors.a1, asset.investors.b2, marker);
  assertOnlyParties(t, requested, [bankA, bankB], bankC, marker);
});

test.serial("a BankA investor's transfer to a BankC investor reaches BankC's peer, not BankB's that comes first in the list of banks", async (t) => {
  const marker = freshMarker();
  const requested = await requestWithTravelRule('bankA/operator1', asset.investors.a1, c1, marker);
  assertOnlyParties(t, requested, [bankA, bankC], bankB, marker);
});

test.serial("the other direction: a BankB investor's transfer to a BankA investor reaches BankB's and BankA's peers only", async (t) => {
  const marker = freshMarker();
  const requested = await requestWithTravelRule('bankB/operator1', asset.investors.b1, asset.investors.a2, marker);
  assertOnlyParties(t, requested, [bankB, bankA], bankC, marker);
});

test.serial("with BankB's peer down, a BankA to BankB request with travel-rule data fails as unavailable and is not sent to BankC; without the data it is, and commits", async (t) => {
  const killed = await killTarget(stack.home, topology, { kind: 'peer', bank: bankB });
  t.teardown(() => restartTarget(stack.home, topology, killed));
  const transferId = `T-TRV-DOWN-${uniqueSuffix()}`;
  const request = ['transfer', 'request', '--as', 'bankA/operator1', '--asset', asset.assetId, '--from', asset.investors.a1, '--to', asset.investors.b2, '--amount', AMOUNT, '--id', transferId];
  const refused = await cli.run(...request, '--travel-rule', travelRuleFile(transferId, freshMarker()));
  t.is(refused.exitCode, 1, refused.stderr);
  t.regex(refused.stderr, /^error: \[CLI_LEDGER_UNAVAILABLE\] /);
  // Had BankC's peer been asked in BankB's place, it would have endorsed and the transfer committed.
  t.is((await cli.refused('transfer', 'show', transferId, '--as', 'regulator/rita')).code, 'TRANSFER_NOT_FOUND', 'nothing was endorsed by a bystander bank');

  // Below the threshold, with no data to protect, the usual plan falls back to BankC.
  const fallback = await cli.json<TransferRecord>('transfer', 'request', '--as', 'bankA/operator1', '--asset', asset.assetId, '--from', asset.investors.a1, '--to', asset.investors.b2, '--amount', '500', '--id', `${transferId}-small`);
  t.like(fallback, { status: 'PENDING', receiverBankMsp: bankB.mspId, travelRule: null });

  await restartTarget(stack.home, topology, killed);
  // Back for the next suite: every org's gateway finds BankB's peer again.
  for (const org of ['bankA', 'bankB', 'bankC', 'regulator'] as const) await awaitEveryPeerDiscovered(stack, org);
});

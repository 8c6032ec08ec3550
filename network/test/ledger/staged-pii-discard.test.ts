import '../support/fabric-quiet';
import test from 'ava';
import type { BlockEvent } from 'fabric-network';
import { investorDocument, investorPii } from '@trestle/chaincode/src/testing/ledger-documents';
import { parseTrestleError } from '@trestle/compliance/src/errors/trestle-error';
import type { JsonObject } from '@trestle/compliance/src/json/json-value';
import type { InvestorRecord } from '@trestle/compliance/src/ledger/investor';
import { investorArgument, submitInvestorWithPii } from '@trestle/compliance/src/ledger-client/investor-arguments';
import type { LedgerContract } from '@trestle/compliance/src/ledger-client/ledger-contract';
import { fabricTopology, type BankNode } from '../../src/fabric/topology';
import { testStack } from '../../src/stack/stack-config';
import { awaitEveryPeerDiscovered, openFabricClient, withFabricClient } from '../support/fabric-client';
import { pollUntil } from '../support/fabric-poll';
import { ensurePeopleRoles, sessionOf, uniqueSuffix } from '../support/ledger-people';
import { awaitOnPeer, queryPeer, refusalOnPeer, type PeerQuery } from './peer-reads';

// PII staged for an investor transaction that then failed does not stay in the bank's collection
// (chaincode DiscardStagedInvestorPii, client submitWithStagedPii), on the real three-bank network:
// the race the dry run cannot prevent (another officer onboards the same id between the dry run and
// the submit), through the CLI's own helper over the CLI's own ledger session.

const stack = testStack();
const topology = fabricTopology(stack);
const [bankA] = topology.banks as [BankNode, BankNode, BankNode];
const suffix = uniqueSuffix();
const nowSeconds = () => Math.floor(Date.now() / 1000);

const officerOnBankA: PeerQuery = { org: 'bankA', label: 'officer1', peer: bankA };

/** An investor document the chaincode accepts now (the peers' timestamps follow the wall clock). */
const documentOf = (investorId: string): JsonObject =>
  investorDocument(investorId, { kycExpiresAt: nowSeconds() + 3 * 365 * 86_400, sanctions: { status: 'clear', listVersion: 'SDN 2026-11-01', screenedAt: nowSeconds() - 3_600 } }) as JsonObject;
const piiOf = (fullName: string): JsonObject => investorPii({ fullName }) as JsonObject;

/**
 * Whether BankA's peer holds PII under (investorId, piiHash): DiscardStagedInvestorPii evaluated
 * there alone (a simulation, nothing ordered) reads the key's hash with getPrivateDataHash and
 * answers INVESTOR_PII_NOT_STAGED when the peer holds nothing under it (INVESTOR_PII_IN_USE, or
 * no refusal, when it holds something).
 */
async function stagedOnBankA(investorId: string, piiHash: string): Promise<boolean> {
  try {
    await withFabricClient(stack, 'bankA', 'officer1', (client) => client.contract('InvestorContract').evaluateTransaction('DiscardStagedInvestorPii', investorId, piiHash), { queryPeer: bankA });
    return true;
  } catch (error) {
    const code = parseTrestleError(error instanceof Error ? error.message : String(error))?.code;
    if (code === 'INVESTOR_PII_NOT_STAGED') return false;
    if (code === 'INVESTOR_PII_IN_USE') return true;
    throw error;
  }
}

/** `contract` with every call passed through `around` (name, arguments, the call itself). */
function observed(contract: LedgerContract, around: (kind: 'submit' | 'evaluate', name: string, args: string[], call: () => Promise<Uint8Array>) => Promise<Uint8Array>): LedgerContract {
  return {
    submitTransaction: (name, ...args) => around('submit', name, args, () => contract.submitTransaction(name, ...args)),
    evaluateTransaction: (name, ...args) => around('evaluate', name, args, () => contract.evaluateTransaction(name, ...args)),
    createTransaction: (name) => contract.createTransaction(name),
  };
}

/** A committed transaction as fabric-common's block decoder gives it: its arguments and its endorsers' MSPs. */
type DecodedTransaction = {
  readonly actions?: ReadonlyArray<{
    readonly payload?: {
      readonly chaincode_proposal_payload?: { readonly input?: { readonly chaincode_spec?: { readonly input?: { readonly args?: readonly Uint8Array[] } } } };
      readonly action?: { readonly endorsements?: ReadonlyArray<{ readonly endorser?: { readonly mspid?: string } }> };
    };
  }>;
};

/** What the ledger shows of a committed DiscardStagedInvestorPii. */
type CommittedDiscard = { readonly valid: boolean; readonly endorserMsps: readonly string[] };

/**
 * Watches the blocks BankA's peer delivers (BankA's officer's full-block listener) for
 * DiscardStagedInvestorPii transactions naming `investorId`; `stop` ends the watch.
 */
async function watchDiscards(investorId: string): Promise<{ readonly seen: CommittedDiscard[]; stop: () => void }> {
  const client = await openFabricClient(stack, 'bankA', 'officer1');
  const seen: CommittedDiscard[] = [];
  await client.network.addBlockListener(
    async (block: BlockEvent) => {
      for (const transaction of block.getTransactionEvents()) {
        const actions = (transaction.transactionData as DecodedTransaction).actions ?? [];
        const args = actions.flatMap((action) => action.payload?.chaincode_proposal_payload?.input?.chaincode_spec?.input?.args ?? []).map((bytes) => Buffer.from(bytes).toString('utf8'));
        if (args[0] !== 'InvestorContract:DiscardStagedInvestorPii' || args[1] !== investorId) continue;
        const endorserMsps = actions.flatMap((action) => action.payload?.action?.endorsements ?? []).map((endorsement) => endorsement.endorser?.mspid ?? '?');
        seen.push({ valid: transaction.isValid, endorserMsps });
      }
    },
    { type: 'full' },
  );
  return { seen, stop: () => client.close() };
}

test.before(async () => {
  await ensurePeopleRoles(stack);
  await awaitEveryPeerDiscovered(stack, 'bankA');
});

test.serial("another officer onboards the id between the dry run and the submit: the submit is refused, the PII staged for it leaves BankA's peer, the caller sees the refusal", async (t) => {
  const investorId = `INV-A-${suffix}-RACE`;
  const officer1 = await sessionOf(stack, 'bankA/officer1');
  const officer2 = await sessionOf(stack, 'bankA/officer2');
  const committed = await watchDiscards(investorId);
  try {
    let stagedHash: string | undefined;
    let stagedBeforeSubmit: boolean | undefined;
    const discards: Array<{ piiHash: string; outcome: string }> = [];
    const racing = observed(officer1.contract('InvestorContract'), async (kind, name, args, call) => {
      if (kind === 'evaluate' && name === 'OnboardInvestor') {
        // The dry run answers as it would (only the PII missing), then officer2 wins the race.
        try {
          return await call();
        } finally {
          await submitInvestorWithPii(officer2.contract('InvestorContract'), 'OnboardInvestor', investorId, piiOf(`Winner ${investorId}`), investorArgument(documentOf(investorId), Date.now()));
        }
      }
      if (kind === 'submit' && name === 'OnboardInvestor') {
        stagedHash = args[1];
        stagedBeforeSubmit = await stagedOnBankA(investorId, args[1] ?? '');
      }
      if (kind === 'submit' && name === 'DiscardStagedInvestorPii') {
        try {
          const answer = await call();
          discards.push({ piiHash: args[1] ?? '', outcome: 'committed' });
          return answer;
        } catch (error) {
          discards.push({ piiHash: args[1] ?? '', outcome: error instanceof Error ? error.message : String(error) });
          throw error;
        }
      }
      return call();
    });

    const error = await t.throwsAsync(submitInvestorWithPii(racing, 'OnboardInvestor', investorId, piiOf(`Loser ${investorId}`), investorArgument(documentOf(investorId), Date.now())));
    t.is(parseTrestleError(error?.message ?? '')?.code, 'INVESTOR_ALREADY_ONBOARDED', 'the caller sees the submit\'s own refusal');
    t.regex(stagedHash ?? '', /^[0-9a-f]{64}$/);
    t.true(stagedBeforeSubmit, "BankA's peer held the staged PII while the submit was on its way");
    t.deepEqual(discards, [{ piiHash: stagedHash, outcome: 'committed' }], 'the discard committed');
    const [discard] = await pollUntil('the block with the discard', 30_000, async () => (committed.seen.length > 0 ? committed.seen : undefined));
    t.deepEqual(discard, { valid: true, endorserMsps: [bankA.mspId] }, "it wrote only BankA's collection, so BankA's peer alone endorsed it and Fabric validated it");
    t.false(await stagedOnBankA(investorId, stagedHash ?? ''), "BankA's peer holds nothing under the staged key any more");

    // The winner's record, and its PII, are untouched.
    const record = await awaitOnPeer<InvestorRecord>(stack, officerOnBankA, (value) => value.investorId === investorId, 'InvestorContract', 'GetInvestor', investorId);
    t.not(record.piiHash, stagedHash);
    t.is((await queryPeer<{ fullName: string }>(stack, officerOnBankA, 'InvestorContract', 'GetInvestorPii', investorId)).fullName, `Winner ${investorId}`);
  } finally {
    committed.stop();
    await officer1.close();
    await officer2.close();
  }
});

test.serial("the PII a committed record names is never discarded (INVESTOR_PII_IN_USE, as after a client-side timeout), nor by another bank's officer", async (t) => {
  const investorId = `INV-A-${suffix}-KEPT`;
  const officer = await sessionOf(stack, 'bankA/officer1');
  const other = await sessionOf(stack, 'bankB/officer1');
  try {
    await submitInvestorWithPii(officer.contract('InvestorContract'), 'OnboardInvestor', investorId, piiOf(`Kept ${investorId}`), investorArgument(documentOf(investorId), Date.now()));
    const record = await awaitOnPeer<InvestorRecord>(stack, officerOnBankA, (value) => value.investorId === investorId, 'InvestorContract', 'GetInvestor', investorId);
    const inUse = await t.throwsAsync(officer.contract('InvestorContract').submitTransaction('DiscardStagedInvestorPii', investorId, record.piiHash));
    t.is(parseTrestleError(inUse?.message ?? '')?.code, 'INVESTOR_PII_IN_USE');
    // BankB's officer looks in BankB's own collection, which never held it.
    const elsewhere = await t.throwsAsync(other.contract('InvestorContract').submitTransaction('DiscardStagedInvestorPii', investorId, record.piiHash));
    t.is(parseTrestleError(elsewhere?.message ?? '')?.code, 'INVESTOR_PII_NOT_STAGED');
    t.true(await stagedOnBankA(investorId, record.piiHash));
    t.is((await queryPeer<{ fullName: string }>(stack, officerOnBankA, 'InvestorContract', 'GetInvestorPii', investorId)).fullName, `Kept ${investorId}`);
    t.is((await refusalOnPeer(stack, officerOnBankA, 'InvestorContract', 'DiscardStagedInvestorPii', investorId, 'f'.repeat(64))).code, 'INVESTOR_PII_NOT_STAGED');
  } finally {
    await officer.close();
    await other.close();
  }
});

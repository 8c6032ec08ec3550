import path from 'node:path';
import test from 'ava';
import '@trestle/chaincode/src/testing/quiet-fabric-logs';
import { InvestorContract } from '@trestle/chaincode/src/investors/investor-contract';
import { CAST, tx } from '@trestle/chaincode/src/testing/ledger-cast';
import { ASSET_ID, investorDocument, investorPii, json } from '@trestle/chaincode/src/testing/ledger-documents';
import { INVESTORS } from '@trestle/chaincode/src/testing/ledger-story';
import { stagePii } from '@trestle/chaincode/src/testing/staged-pii';
import { snapshotLedger } from '@trestle/chaincode/src/testing/stub-context';
import type { InvestorRecord } from '@trestle/compliance/src/ledger/investor';
import { readSanctionsList } from '@trestle/compliance/src/sanctions/read-sanctions-list';
import { snapshotJson } from '@trestle/compliance/src/sanctions/snapshot';
import { REPO_ROOT } from '../../stack/stack-config';
import { transferWorld, type TransferWorld } from './testing/transfer-world';

// `trestle sanctions screen-investors` through the CLI over the in-process stub (no Fabric peer
// runs here), against a snapshot of the OFAC SDN fixtures in compliance/fixtures/sanctions. A new
// BankA investor carries the name of SDN entry 7203 (AOUADI, Mohamed Ben Belgacem) in their PII.

const FIXTURES = path.join(REPO_ROOT, 'compliance', 'fixtures', 'sanctions');
const LISTED = 'INV-A-0099';
const LISTED_NAME = 'Mohamed Ben Belgacem Aouadi';

async function world(t: { teardown: (fn: () => void) => void }): Promise<{ w: TransferWorld; snapshot: string }> {
  const w = await transferWorld(t);
  const piiHash = await stagePii(CAST.bankAOfficer, w.worldState, LISTED, investorPii({ fullName: LISTED_NAME, birthDate: '1974-12-11' }));
  await new InvestorContract().OnboardInvestor(tx(CAST.bankAOfficer, w.worldState).ctx, json(investorDocument(LISTED)), piiHash);
  const list = readSanctionsList({ path: path.join(FIXTURES, 'sdn.csv'), altPath: path.join(FIXTURES, 'alt.csv'), addPath: path.join(FIXTURES, 'add.csv'), version: '2024-01-31' });
  return { w, snapshot: w.file('2024-01-31.json', snapshotJson(list)) };
}

test('screening the bank\'s investors finds the one whose name is on the list, printing ids, verdicts and listed names only', async (t) => {
  const { w, snapshot } = await world(t);
  const before = snapshotLedger(w.worldState);
  const run = await w.run('sanctions', 'screen-investors', '--as', 'bankA/alice', '--list', snapshot);
  t.is(run.exitCode, 0, run.stderr);
  const lines = run.stdout.split('\n');
  t.deepEqual(lines.slice(0, 2), [`${INVESTORS.annaA}  CLEAR`, `${INVESTORS.benA}  CLEAR`]);
  t.regex(lines[2] ?? '', new RegExp(`^${LISTED}  HIT  AOUADI, Mohamed Ben Belgacem \\(uid 7203, score 1\\.00\\)$`));
  t.is(lines[3], '3 screened against OFAC SDN 2024-01-31: 1 hit, 0 pending review, 2 clear');
  t.false(run.stdout.includes(LISTED_NAME), 'the investor\'s own name (PII) is never printed');
  t.false(run.stdout.includes('1974-12-11'));
  t.false(run.stdout.includes(INVESTORS.chloeB), 'only the caller\'s bank');
  t.deepEqual(snapshotLedger(w.worldState), before, 'without --record nothing is written');
});

test('--investor screens only the named investors; another bank\'s investor is refused', async (t) => {
  const { w, snapshot } = await world(t);
  const one = await w.run('sanctions', 'screen-investors', '--as', 'bankA/alice', '--list', snapshot, '--investor', LISTED, '--json');
  t.is(one.exitCode, 0, one.stderr);
  const answer = JSON.parse(one.stdout) as { listVersion: string; investors: { investorId: string; record: { status: string; matches: { uid: string }[] } }[] };
  t.is(answer.listVersion, '2024-01-31');
  t.deepEqual(answer.investors.map((outcome) => [outcome.investorId, outcome.record.status, outcome.record.matches.map((match) => match.uid)]), [[LISTED, 'hit', ['7203']]]);
  t.false(one.stdout.includes(LISTED_NAME));
  const foreign = await w.run('sanctions', 'screen-investors', '--as', 'bankA/alice', '--list', snapshot, '--investor', INVESTORS.chloeB);
  t.is(foreign.exitCode, 3);
  t.regex(foreign.stderr, /\[PII_ACCESS_DENIED\]/);
});

test('a missing or malformed list is a usage error that reads no investor', async (t) => {
  const { w } = await world(t);
  const missing = await w.run('sanctions', 'screen-investors', '--as', 'bankA/alice', '--list', '/no/such/list.json');
  t.is(missing.exitCode, 2);
  t.regex(missing.stderr, /^error: \[CLI_INPUT_INVALID\] /);
  const broken = await w.run('sanctions', 'screen-investors', '--as', 'bankA/alice', '--list', w.file('broken.json', '{"entries": ['));
  t.is(broken.exitCode, 2);
  t.regex(broken.stderr, /\[CLI_INPUT_INVALID\] The sanctions snapshot is not valid JSON/);
});

test('--record writes each result on the investor: the new hit is suspended, their pending transfer blocked and a new one to them refused with the reasons', async (t) => {
  const { w, snapshot } = await world(t);
  const pending = await w.run('transfer', 'request', '--as', 'bankA/bob', '--asset', ASSET_ID, '--from', INVESTORS.annaA, '--to', LISTED, '--amount', '1000', '--id', 'T-TO-LISTED');
  t.is(pending.exitCode, 0, pending.stderr);
  const run = await w.run('sanctions', 'screen-investors', '--as', 'bankA/alice', '--list', snapshot, '--record');
  t.is(run.exitCode, 0, run.stderr);
  t.regex(run.stdout, /; 3 recorded$/);
  const investor = async (id: string) => JSON.parse((await w.run('investor', 'show', id, '--as', 'regulator/rita', '--json')).stdout) as InvestorRecord;
  const listed = await investor(LISTED);
  t.is(listed.kycStatus, 'suspended');
  t.like(listed.sanctions, { status: 'hit', listVersion: '2024-01-31' });
  t.like((await investor(INVESTORS.annaA)).sanctions, { status: 'clear', listVersion: '2024-01-31' });
  const transfer = await w.run('transfer', 'show', 'T-TO-LISTED', '--as', 'bankA/alice');
  t.regex(transfer.stdout, /^transfer +T-TO-LISTED +BLOCKED$/m);
  t.regex(transfer.stdout, new RegExp(`^blocked +.* by alice@banka\\.trestle\\.test \\(BankAMSP\\): .*screening of investor ${LISTED} on list 2024-01-31 is a hit`, 'm'));
  t.false(transfer.stdout.includes(LISTED_NAME));
  const again = await w.run('transfer', 'request', '--as', 'bankA/bob', '--asset', ASSET_ID, '--from', INVESTORS.annaA, '--to', LISTED, '--amount', '1000');
  t.is(again.exitCode, 3);
  t.regex(again.stderr, /^error: \[TRANSFER_REFUSED\] .*\[KYC_SUSPENDED_RECEIVER\] .*\[SANCTIONS_HIT_RECEIVER\] /);
});

import '@trestle/chaincode/src/testing/quiet-fabric-logs';
import test, { type ExecutionContext } from 'ava';
import { ConsortiumContract } from '@trestle/chaincode/src/consortium/consortium-contract';
import { castLedger, T0, tx } from '@trestle/chaincode/src/testing/ledger-cast';
import { investorDocument, investorPii } from '@trestle/chaincode/src/testing/ledger-documents';
import { privateVersionsOf, snapshotLedger, type TestIdentity, type WorldState } from '@trestle/chaincode/src/testing/stub-context';
import { BANK_A_ADMIN, BANK_C_ADMIN, REGULATOR_ADMIN } from '@trestle/chaincode/src/testing/test-identities';
import { cliWorld, FAR_KYC_EXPIRY, type CliWorld } from './testing/cli-world';
import { documentFile } from './testing/document-files';
import { printedField } from './testing/printed-field';

// Investors through the CLI over the in-process chaincode stub (no Fabric peer runs here): the
// stub holds every bank's implicit collection, so only the chaincode's own checks keep BankB out.

const ANNA = 'INV-A-0100';
const FULL_NAME = 'Anna Beispiel-Muster';

type World = CliWorld;

const world = async () => cliWorld(await castLedger());
const cli = (w: World, ...argv: string[]) => w.cli(...argv);
const ok = (t: ExecutionContext, w: World, ...argv: string[]) => w.ok(t, ...argv);

const investorFile = (w: World, overrides: Record<string, unknown> = {}, name = 'investor.json') =>
  documentFile(w.folder, name, investorDocument(ANNA, { kycExpiresAt: FAR_KYC_EXPIRY, ...overrides }));
const piiFile = (w: World, overrides: Record<string, unknown> = {}, name = 'pii.json') => documentFile(w.folder, name, investorPii({ fullName: FULL_NAME, ...overrides }));

async function onboarded(t: ExecutionContext): Promise<World> {
  const w = await world();
  await ok(t, w, 'investor', 'onboard', investorFile(w), '--pii', piiFile(w), '--as', 'bankA/bob');
  return w;
}

/** Every byte the ledger keeps outside private collections, as text. */
const sharedStateText = (worldState: WorldState) => [...worldState.values()].map((value) => Buffer.from(value).toString('utf8')).join('\n');
const privateText = (worldState: WorldState) =>
  [...privateVersionsOf(worldState).values()].flatMap((keys) => [...keys.values()].flat()).map((value) => Buffer.from(value).toString('utf8')).join('\n');

test('onboarding at BankA: the public record is on the shared state, the PII only in BankA\'s collection', async (t) => {
  const w = await world();
  const { stdout } = await ok(t, w, 'investor', 'onboard', investorFile(w), '--pii', piiFile(w), '--as', 'bankA/bob');
  t.regex(stdout, new RegExp(`^investor ${ANNA} onboarded at BankAMSP \\(active, PII hash [0-9a-f]{64}\\)$`));
  t.false(sharedStateText(w.worldState).includes(FULL_NAME), 'no PII on the shared state');
  t.true(privateText(w.worldState).includes(FULL_NAME), 'the PII is in a private collection');
});

test('BankB sees the public record and its PII hash, but reading the PII is PII_ACCESS_DENIED with exit 3', async (t) => {
  const w = await onboarded(t);
  const own = JSON.parse((await ok(t, w, 'investor', 'show', ANNA, '--as', 'bankA/bob', '--json')).stdout) as { piiHash: string; bankMsp: string };
  const shown = (await ok(t, w, 'investor', 'show', ANNA, '--as', 'bankB/carol')).stdout;
  t.is(printedField(shown, 'bank'), 'BankAMSP');
  t.is(printedField(shown, 'pii hash'), own.piiHash);
  t.false(shown.includes(FULL_NAME));
  const refused = await cli(w, 'investor', 'pii', ANNA, '--as', 'bankB/carol');
  t.is(refused.exitCode, 3);
  t.is(refused.stdout, '');
  t.regex(refused.stderr, /^error: \[PII_ACCESS_DENIED\] [^\n]+$/);
});

test('the own bank\'s officer reads the PII with a personal-data warning on stderr; --json output parses', async (t) => {
  const w = await onboarded(t);
  const text = await ok(t, w, 'investor', 'pii', ANNA, '--as', 'bankA/bob');
  t.is(printedField(text.stdout, 'full name'), FULL_NAME);
  t.regex(text.stderr, new RegExp(`^warning: personal data of investor ${ANNA}`));
  t.false(text.stdout.includes('6f1c2a9e'), 'the salt is not printed');
  const json = await ok(t, w, 'investor', 'pii', ANNA, '--as', 'bankA/bob', '--json');
  t.is((JSON.parse(json.stdout) as { fullName: string }).fullName, FULL_NAME);
  t.regex(json.stderr, /^warning: personal data/);
});

test('erasure purges the PII; the hash and record stay, and a later read is INVESTOR_PII_ERASED', async (t) => {
  const w = await onboarded(t);
  const { piiHash } = JSON.parse((await ok(t, w, 'investor', 'show', ANNA, '--as', 'bankA/bob', '--json')).stdout) as { piiHash: string };
  const erase = await ok(t, w, 'investor', 'erase', ANNA, '--reason', 'Erasure request 2026-17', '--as', 'bankA/bob');
  t.is(erase.stdout, `investor ${ANNA}: personal data erased at BankAMSP; PII hash ${piiHash} stays on the ledger`);
  t.false(privateText(w.worldState).includes(FULL_NAME), 'the PII is gone from the private store');
  const shown = (await ok(t, w, 'investor', 'show', ANNA, '--as', 'regulator/rita')).stdout;
  t.is(printedField(shown, 'pii hash'), piiHash);
  t.is(printedField(shown, 'pii erased'), `${T0.toISOString()}: Erasure request 2026-17`);
  const read = await cli(w, 'investor', 'pii', ANNA, '--as', 'bankA/bob');
  t.is(read.exitCode, 3);
  t.regex(read.stderr, /INVESTOR_PII_ERASED/);
  const bankB = await cli(w, 'investor', 'erase', ANNA, '--reason', 'x', '--as', 'bankB/carol');
  t.is(bankB.exitCode, 3);
});

test('suspend, reinstate and revoke each confirm the new status with the reason; --reason is required', async (t) => {
  const w = await onboarded(t);
  t.is((await ok(t, w, 'investor', 'suspend', ANNA, '--reason', 'Address check', '--as', 'bankA/bob')).stdout, `investor ${ANNA} is suspended (reason: Address check)`);
  t.is((await ok(t, w, 'investor', 'reinstate', ANNA, '--reason', 'Address confirmed', '--as', 'bankA/bob')).stdout, `investor ${ANNA} is active (reason: Address confirmed)`);
  t.is((await ok(t, w, 'investor', 'revoke', ANNA, '--reason', 'Left the bank', '--as', 'bankA/bob')).stdout, `investor ${ANNA} is revoked (reason: Left the bank)`);
  const before = snapshotLedger(w.worldState);
  const missing = await cli(w, 'investor', 'suspend', ANNA, '--as', 'bankA/bob');
  t.is(missing.exitCode, 2);
  t.regex(missing.stderr, /--reason/);
  t.deepEqual(snapshotLedger(w.worldState), before);
});

test('update replaces the public record, and the PII hash only with --pii', async (t) => {
  const w = await onboarded(t);
  const hashOf = async () => (JSON.parse((await ok(t, w, 'investor', 'show', ANNA, '--as', 'bankA/bob', '--json')).stdout) as { piiHash: string; kycLevel: string });
  const first = await hashOf();
  t.is((await ok(t, w, 'investor', 'update', investorFile(w, { kycLevel: 'enhanced' }, 'enhanced.json'), '--as', 'bankA/bob')).stdout, `investor ${ANNA} updated (active)`);
  const second = await hashOf();
  t.is(second.kycLevel, 'enhanced');
  t.is(second.piiHash, first.piiHash);
  const replaced = await ok(t, w, 'investor', 'update', investorFile(w), '--pii', piiFile(w, { fullName: 'Anna Neu' }, 'pii-2.json'), '--as', 'bankA/bob');
  const third = await hashOf();
  t.not(third.piiHash, first.piiHash);
  t.is(replaced.stdout, `investor ${ANNA} updated (active, PII replaced, hash ${third.piiHash})`);
});

test('malformed files (not JSON, wrong types, bad PII) and unknown investors are refused with their code and write nothing', async (t) => {
  const w = await world();
  const cases: Array<[string[], string, number]> = [
    [['onboard', documentFile(w.folder, 'bad.json', 'investorId: INV'), '--pii', piiFile(w)], 'CLI_INPUT_INVALID', 2],
    [['onboard', investorFile(w, { investorType: 7, kycExpiresAt: 'soon' }, 'types.json'), '--pii', piiFile(w)], 'INVESTOR_INVALID', 3],
    [['onboard', investorFile(w), '--pii', piiFile(w, { birthDate: 19800517, address: 'Zürich' }, 'pii-types.json')], 'INVESTOR_PII_INVALID', 3],
    [['onboard', investorFile(w), '--pii', documentFile(w.folder, 'pii-array.json', '["Anna"]')], 'CLI_INPUT_INVALID', 2],
    [['update', investorFile(w)], 'INVESTOR_NOT_FOUND', 3],
  ];
  for (const [argv, code, exitCode] of cases) {
    const before = snapshotLedger(w.worldState);
    const run = await cli(w, 'investor', ...argv, '--as', 'bankA/bob');
    t.is(run.exitCode, exitCode, argv.join(' '));
    t.regex(run.stderr, new RegExp(`^error: \\[${code}\\] `), argv.join(' '));
    t.deepEqual(snapshotLedger(w.worldState), before, `${argv.join(' ')} wrote nothing`);
  }
  const noPii = await cli(w, 'investor', 'onboard', investorFile(w), '--as', 'bankA/bob');
  t.is(noPii.exitCode, 2);
  t.regex(noPii.stderr, /--pii/);
});

test('list pages a bank\'s investors; another bank\'s list is refused unless the caller is a regulator', async (t) => {
  const w = await world();
  for (const id of ['INV-A-0001', 'INV-A-0002', 'INV-A-0003']) {
    await ok(t, w, 'investor', 'onboard', documentFile(w.folder, `${id}.json`, investorDocument(id, { kycExpiresAt: FAR_KYC_EXPIRY })), '--pii', piiFile(w), '--as', 'bankA/bob');
  }
  const first = (await ok(t, w, 'investor', 'list', '--page-size', '2', '--as', 'bankA/bob')).stdout.split('\n');
  t.deepEqual(first.slice(0, 2).map((line) => line.split('  ')[0]), ['INV-A-0001', 'INV-A-0002']);
  t.regex(first[2] ?? '', /^next: --bookmark \S+/);
  const page = JSON.parse((await ok(t, w, 'investor', 'list', '--bank', 'BankAMSP', '--as', 'regulator/rita', '--json')).stdout) as { records: unknown[]; bookmark: string };
  t.is(page.records.length, 3);
  t.is(page.bookmark, '');
  t.is((await ok(t, w, 'investor', 'list', '--as', 'bankB/carol')).stdout, '(none)');
  const other = await cli(w, 'investor', 'list', '--bank', 'BankAMSP', '--as', 'bankB/carol');
  t.is(other.exitCode, 3);
  t.regex(other.stderr, /CALLER_OF_OTHER_BANK/);
});

test('adopt: after BankB left, BankA\'s officer takes over its investor with a new document and PII; --json prints the record; refusals are one line and write nothing', async (t) => {
  const w = await world();
  const chloe = 'INV-B-0100';
  const chloeFile = (overrides: Record<string, unknown> = {}, name = 'chloe.json') => documentFile(w.folder, name, investorDocument(chloe, { kycExpiresAt: FAR_KYC_EXPIRY, ...overrides }));
  await ok(t, w, 'investor', 'onboard', chloeFile(), '--pii', piiFile(w), '--as', 'bankB/carol');
  await ok(t, w, 'investor', 'onboard', investorFile(w), '--pii', piiFile(w), '--as', 'bankA/bob');
  const stillMember = await cli(w, 'investor', 'adopt', chloeFile(), '--reason', 'Too early', '--pii', piiFile(w), '--as', 'bankA/bob');
  t.is(stillMember.exitCode, 3);
  t.regex(stillMember.stderr, /^error: \[INVESTOR_BANK_IN_FORCE\] [^\n]+$/);
  await changeMembership(w.worldState, { banks: ['BankAMSP', 'BankCMSP'], regulators: ['RegulatorMSP'] }, [BANK_A_ADMIN, BANK_C_ADMIN, REGULATOR_ADMIN]);

  const refusals: Array<[string[], string, number]> = [
    [['adopt', chloeFile(), '--pii', piiFile(w)], '--reason', 2],
    [['adopt', chloeFile(), '--reason', 'BankB left'], '--pii', 2],
    [['adopt', investorFile(w), '--reason', 'BankB left', '--pii', piiFile(w)], '[INVESTOR_BANK_IN_FORCE]', 3],
    [['adopt', documentFile(w.folder, 'none.json', investorDocument('INV-NONE', { kycExpiresAt: FAR_KYC_EXPIRY })), '--reason', 'BankB left', '--pii', piiFile(w)], '[INVESTOR_NOT_FOUND]', 3],
    [['adopt', chloeFile({ kycLevel: 'max' }, 'bad.json'), '--reason', 'BankB left', '--pii', piiFile(w)], '[INVESTOR_INVALID]', 3],
    [['adopt', chloeFile(), '--reason', 'r'.repeat(501), '--pii', piiFile(w)], '[REASON_INVALID]', 3],
  ];
  for (const [argv, expected, exitCode] of refusals) {
    const before = snapshotLedger(w.worldState);
    const run = await cli(w, 'investor', ...argv, '--as', 'bankA/bob');
    t.is(run.exitCode, exitCode, argv.join(' '));
    t.true(run.stderr.startsWith('error:') && run.stderr.trim().split('\n').length === 1 && run.stderr.includes(expected), run.stderr);
    t.deepEqual(snapshotLedger(w.worldState), before, `${argv.join(' ')} wrote nothing`);
  }

  const adopted = await ok(t, w, 'investor', 'adopt', chloeFile({ kycLevel: 'enhanced' }), '--reason', 'BankB left; KYC redone', '--pii', piiFile(w, { fullName: 'Chloe Frick' }, 'chloe-pii.json'), '--as', 'bankA/bob', '--json');
  const record = JSON.parse(adopted.stdout) as { bankMsp: string; kycLevel: string; adoptedFrom: { fromBankMsp: string; reason: string } };
  t.like(record, { bankMsp: 'BankAMSP', kycLevel: 'enhanced', adoptedFrom: { fromBankMsp: 'BankBMSP', reason: 'BankB left; KYC redone' } });
  const shown = (await ok(t, w, 'investor', 'show', chloe, '--as', 'regulator/rita')).stdout;
  t.is(printedField(shown, 'bank'), 'BankAMSP');
  t.is(printedField(shown, 'adopted'), `from BankBMSP ${T0.toISOString()}: BankB left; KYC redone`);
  t.is(printedField((await ok(t, w, 'investor', 'pii', chloe, '--as', 'bankA/bob')).stdout, 'full name'), 'Chloe Frick');
  // Adopted, her bank is in force again: a second adoption is refused like the first attempt.
  const again = await cli(w, 'investor', 'adopt', chloeFile(), '--reason', 'Again', '--pii', piiFile(w), '--as', 'bankA/bob');
  t.is(again.exitCode, 3);
  t.regex(again.stderr, /^error: \[INVESTOR_BANK_IN_FORCE\] /);
});

test('adopt prints one confirmation line naming both banks', async (t) => {
  const w = await world();
  const chloe = 'INV-B-0101';
  const file = documentFile(w.folder, 'chloe.json', investorDocument(chloe, { kycExpiresAt: FAR_KYC_EXPIRY }));
  await ok(t, w, 'investor', 'onboard', file, '--pii', piiFile(w), '--as', 'bankB/carol');
  await changeMembership(w.worldState, { banks: ['BankAMSP', 'BankCMSP'], regulators: ['RegulatorMSP'] }, [BANK_A_ADMIN, BANK_C_ADMIN, REGULATOR_ADMIN]);
  const { stdout } = await ok(t, w, 'investor', 'adopt', file, '--reason', 'BankB left', '--pii', piiFile(w), '--as', 'bankA/bob');
  t.regex(stdout, new RegExp(`^investor ${chloe} adopted by BankAMSP from BankBMSP \\(active, PII hash [0-9a-f]{64}\\)$`));
});

/** Puts `members` in force on the stub ledger, as the orgs' admins would with `trestle consortium propose|confirm`. */
async function changeMembership(worldState: WorldState, members: Record<string, string[]>, [proposer, ...others]: readonly TestIdentity[]): Promise<void> {
  const consortium = new ConsortiumContract();
  const text = JSON.stringify(members);
  await consortium.ProposeMembershipChange(tx(proposer as TestIdentity, worldState).ctx, text);
  for (const admin of others) await consortium.ConfirmMembershipChange(tx(admin, worldState).ctx, text);
}

import '@trestle/chaincode/src/testing/quiet-fabric-logs';
import test, { type ExecutionContext } from 'ava';
import { ConsortiumContract } from '@trestle/chaincode/src/consortium/consortium-contract';
import { castLedger, T0, tx } from '@trestle/chaincode/src/testing/ledger-cast';
import { investorDocument, investorPii } from '@trestle/chaincode/src/testing/ledger-documents';
import { identityIdOf, privateStateOf, privateVersionsOf, snapshotLedger, type TestIdentity, type WorldState } from '@trestle/chaincode/src/testing/stub-context';
import { RoleContract } from '@trestle/chaincode/src/roles/role-contract';
import { BANK_A_ADMIN, BANK_A_BOB, BANK_C_ADMIN, BANK_C_ERIN, REGULATOR_ADMIN, REGULATOR_RITA } from '@trestle/chaincode/src/testing/test-identities';
import { cliWorld, FAR_KYC_EXPIRY, type CliWorld } from './testing/cli-world';
import { documentFile } from './testing/document-files';
import { personOf } from './ledger-wording';
import { printedField } from './testing/printed-field';

// Investors through the CLI over the in-process chaincode stub: the
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

/** The keys of BankA's collection, as [investorId, piiHash]. */
const piiKeysAtBankA = (worldState: WorldState) =>
  [...(privateStateOf(worldState).get('_implicit_org_BankAMSP')?.keys() ?? [])].map((key) => tx(BANK_A_ADMIN, worldState).stub.splitCompositeKey(key).attributes);

test('onboarding at BankA: the public record is on the shared state, the PII only in BankA\'s collection, staged under the hash the record names', async (t) => {
  const w = await world();
  const { stdout } = await ok(t, w, 'investor', 'onboard', investorFile(w), '--pii', piiFile(w), '--as', 'bankA/bob');
  t.regex(stdout, new RegExp(`^investor ${ANNA} onboarded at BankAMSP \\(active, PII hash [0-9a-f]{64}\\)$`));
  const { piiHash } = JSON.parse((await ok(t, w, 'investor', 'show', ANNA, '--as', 'bankA/bob', '--json')).stdout) as { piiHash: string };
  t.deepEqual(piiKeysAtBankA(w.worldState), [[ANNA, piiHash]]);
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
  t.deepEqual(piiKeysAtBankA(w.worldState), [[ANNA, third.piiHash]], 'the new PII was staged under its hash, the replaced one purged');
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

const CHLOE = 'INV-B-0100';
const BANK_B_LEFT = { banks: ['BankAMSP', 'BankCMSP'], regulators: ['RegulatorMSP'] };

/** Chloe onboarded at BankB (and anna at BankA), then BankB leaves; erin becomes BankC's compliance officer. */
async function bankBLeft(t: ExecutionContext): Promise<World & { chloeFile: (overrides?: Record<string, unknown>, name?: string) => string }> {
  const w = await world();
  const chloeFile = (overrides: Record<string, unknown> = {}, name = 'chloe.json') => documentFile(w.folder, name, investorDocument(CHLOE, { kycExpiresAt: FAR_KYC_EXPIRY, ...overrides }));
  await ok(t, w, 'investor', 'onboard', chloeFile(), '--pii', piiFile(w), '--as', 'bankB/carol');
  await ok(t, w, 'investor', 'onboard', investorFile(w), '--pii', piiFile(w), '--as', 'bankA/bob');
  await new RoleContract().GrantRole(tx(BANK_C_ADMIN, w.worldState).ctx, identityIdOf(BANK_C_ERIN), 'compliance-officer');
  await changeMembership(w.worldState, BANK_B_LEFT, [BANK_A_ADMIN, BANK_C_ADMIN, REGULATOR_ADMIN]);
  return Object.assign(w, { chloeFile });
}

/** Runs a command that must be refused: one `error:` line naming `expected`, the exit code given, and nothing written. */
async function refused(t: ExecutionContext, w: World, argv: readonly string[], expected: string, exitCode: number): Promise<void> {
  const before = snapshotLedger(w.worldState);
  const run = await cli(w, 'investor', ...argv);
  t.is(run.exitCode, exitCode, argv.join(' '));
  t.true(run.stderr.startsWith('error:') && run.stderr.trim().split('\n').length === 1 && run.stderr.includes(expected), `${argv.join(' ')}: ${run.stderr}`);
  t.is(run.stdout, '', argv.join(' '));
  t.deepEqual(snapshotLedger(w.worldState), before, `${argv.join(' ')} wrote nothing`);
}

test('adopt only records a request that waits for the regulator: nothing moves, --json prints the request, show prints it; refusals are one line and write nothing', async (t) => {
  const w = await world();
  const chloeFile = (overrides: Record<string, unknown> = {}, name = 'chloe.json') => documentFile(w.folder, name, investorDocument(CHLOE, { kycExpiresAt: FAR_KYC_EXPIRY, ...overrides }));
  await ok(t, w, 'investor', 'onboard', chloeFile(), '--pii', piiFile(w), '--as', 'bankB/carol');
  await ok(t, w, 'investor', 'onboard', investorFile(w), '--pii', piiFile(w), '--as', 'bankA/bob');
  await refused(t, w, ['adopt', chloeFile(), '--reason', 'Too early', '--pii', piiFile(w), '--as', 'bankA/bob'], '[INVESTOR_BANK_IN_FORCE]', 3);
  await changeMembership(w.worldState, BANK_B_LEFT, [BANK_A_ADMIN, BANK_C_ADMIN, REGULATOR_ADMIN]);

  const refusals: Array<[string[], string, number]> = [
    [['adopt', chloeFile(), '--pii', piiFile(w)], '--reason', 2],
    [['adopt', chloeFile(), '--reason', 'BankB left'], '--pii', 2],
    [['adopt', investorFile(w), '--reason', 'BankB left', '--pii', piiFile(w)], '[INVESTOR_BANK_IN_FORCE]', 3],
    [['adopt', documentFile(w.folder, 'none.json', investorDocument('INV-NONE', { kycExpiresAt: FAR_KYC_EXPIRY })), '--reason', 'BankB left', '--pii', piiFile(w)], '[INVESTOR_NOT_FOUND]', 3],
    [['adopt', chloeFile({ kycLevel: 'max' }, 'bad.json'), '--reason', 'BankB left', '--pii', piiFile(w)], '[INVESTOR_INVALID]', 3],
    [['adopt', chloeFile(), '--reason', 'r'.repeat(501), '--pii', piiFile(w)], '[REASON_INVALID]', 3],
    [['adoption', 'show', CHLOE], '[INVESTOR_ADOPTION_NOT_FOUND]', 3],
  ];
  for (const [argv, expected, exitCode] of refusals) await refused(t, w, [...argv, '--as', 'bankA/bob'], expected, exitCode);
  t.is(printedField((await ok(t, w, 'investor', 'show', CHLOE, '--as', 'regulator/rita')).stdout, 'adoption waiting'), undefined, 'no request, no line');

  const requested = await ok(t, w, 'investor', 'adopt', chloeFile({ kycLevel: 'enhanced' }), '--reason', 'BankB left; KYC redone', '--pii', piiFile(w, { fullName: 'Chloe Frick' }, 'chloe-pii.json'), '--as', 'bankA/bob', '--json');
  const request = JSON.parse(requested.stdout) as { investorId: string; fromBankMsp: string; toBankMsp: string; reason: string; requestedAt: string; requestedBy: string; investorJson: string };
  t.like(request, { investorId: CHLOE, fromBankMsp: 'BankBMSP', toBankMsp: 'BankAMSP', reason: 'BankB left; KYC redone', requestedAt: T0.toISOString(), requestedBy: identityIdOf(BANK_A_BOB) });
  t.like(JSON.parse(request.investorJson), { investorId: CHLOE, kycLevel: 'enhanced' });

  // Nothing moved: chloe is still BankB's, not adopted, and the request shows with her record.
  const shown = (await ok(t, w, 'investor', 'show', CHLOE, '--as', 'regulator/rita')).stdout;
  t.is(printedField(shown, 'bank'), 'BankBMSP');
  t.is(printedField(shown, 'adopted'), undefined);
  t.is(printedField(shown, 'adoption waiting'), `BankAMSP asked to adopt from BankBMSP on ${T0.toISOString()}: BankB left; KYC redone (waiting for the regulator)`);
  const shownJson = JSON.parse((await ok(t, w, 'investor', 'show', CHLOE, '--as', 'bankA/bob', '--json')).stdout) as { bankMsp: string; adoption: { toBankMsp: string } };
  t.like(shownJson, { bankMsp: 'BankBMSP', adoption: { toBankMsp: 'BankAMSP' } });
  const detail = (await ok(t, w, 'investor', 'adoption', 'show', CHLOE, '--as', 'regulator/rita')).stdout;
  t.is(printedField(detail, 'to bank'), 'BankAMSP');
  t.is(printedField(detail, 'requested by'), identityIdOf(BANK_A_BOB));
  t.false(detail.includes('Chloe Frick') || requested.stdout.includes('Chloe Frick'), 'no personal data printed');
  // BankA does not act for her yet: she is still another bank's investor.
  await refused(t, w, ['suspend', CHLOE, '--reason', 'Too soon', '--as', 'bankA/bob'], '[CALLER_OF_OTHER_BANK]', 3);
});

test('adoption approve: the regulator carries the request out; the record names who approved and why; an officer approving is a one-line refusal with exit 3 that writes nothing', async (t) => {
  const w = await bankBLeft(t);
  await ok(t, w, 'investor', 'adopt', w.chloeFile({ kycLevel: 'enhanced' }), '--reason', 'BankB left; KYC redone', '--pii', piiFile(w, { fullName: 'Chloe Frick' }, 'chloe-pii.json'), '--as', 'bankA/bob');
  await refused(t, w, ['adoption', 'approve', CHLOE, '--reason', 'Self-approval', '--as', 'bankA/bob'], '[CALLER_LACKS_ROLE]', 3);
  await refused(t, w, ['adoption', 'approve', CHLOE, '--as', 'regulator/rita'], '--reason', 2);
  await refused(t, w, ['adoption', 'approve', ANNA, '--reason', 'No request', '--as', 'regulator/rita'], '[INVESTOR_ADOPTION_NOT_FOUND]', 3);

  const approved = await ok(t, w, 'investor', 'adoption', 'approve', CHLOE, '--reason', 'KYC file checked', '--as', 'regulator/rita', '--json');
  const record = JSON.parse(approved.stdout) as Record<string, unknown>;
  t.like(record, { bankMsp: 'BankAMSP', kycLevel: 'enhanced', adoptedFrom: { fromBankMsp: 'BankBMSP', adoptedBy: identityIdOf(BANK_A_BOB), reason: 'BankB left; KYC redone', approvedBy: identityIdOf(REGULATOR_RITA), approvalReason: 'KYC file checked' } });
  const shown = (await ok(t, w, 'investor', 'show', CHLOE, '--as', 'bankA/bob')).stdout;
  t.is(printedField(shown, 'bank'), 'BankAMSP');
  t.is(printedField(shown, 'adopted'), `from BankBMSP ${T0.toISOString()}: BankB left; KYC redone; approved by ${identityIdOf(REGULATOR_RITA)}: KYC file checked`);
  t.is(printedField(shown, 'adoption waiting'), undefined, 'the request is gone');
  t.is(printedField((await ok(t, w, 'investor', 'pii', CHLOE, '--as', 'bankA/bob')).stdout, 'full name'), 'Chloe Frick');
  // Adopted, her bank is in force again: a second adoption is refused.
  await refused(t, w, ['adopt', w.chloeFile(), '--reason', 'Again', '--pii', piiFile(w), '--as', 'bankA/bob'], '[INVESTOR_BANK_IN_FORCE]', 3);
  await refused(t, w, ['adoption', 'approve', CHLOE, '--reason', 'Twice', '--as', 'regulator/rita'], '[INVESTOR_ADOPTION_NOT_FOUND]', 3);
});

test('adoption reject: another bank cannot take over a waiting request or withdraw it; the requesting bank withdraws, the regulator rejects; the investor stays where they were', async (t) => {
  const w = await bankBLeft(t);
  await ok(t, w, 'investor', 'adopt', w.chloeFile(), '--reason', 'BankB left', '--pii', piiFile(w), '--as', 'bankA/bob');
  await refused(t, w, ['adopt', w.chloeFile(), '--reason', 'Ours', '--pii', piiFile(w), '--as', 'bankC/erin'], '[INVESTOR_ADOPTION_PENDING]', 3);
  await refused(t, w, ['adoption', 'reject', CHLOE, '--reason', 'Not yours', '--as', 'bankC/erin'], '[CALLER_OF_OTHER_BANK]', 3);
  await refused(t, w, ['adoption', 'reject', CHLOE, '--as', 'bankA/bob'], '--reason', 2);

  const withdrawn = await ok(t, w, 'investor', 'adoption', 'reject', CHLOE, '--reason', 'Wrong customer file', '--as', 'bankA/bob');
  t.is(withdrawn.stdout, `BankAMSP's request to adopt investor ${CHLOE} rejected (reason: Wrong customer file); the investor stays with BankBMSP`);
  await refused(t, w, ['adoption', 'show', CHLOE, '--as', 'bankA/bob'], '[INVESTOR_ADOPTION_NOT_FOUND]', 3);

  // Now BankC may ask; the regulator rejects it; --json names the request that went.
  await ok(t, w, 'investor', 'adopt', w.chloeFile(), '--reason', 'BankB left; ours now', '--pii', piiFile(w), '--as', 'bankC/erin');
  const rejected = JSON.parse((await ok(t, w, 'investor', 'adoption', 'reject', CHLOE, '--reason', 'Customer chose BankA', '--as', 'regulator/rita', '--json')).stdout) as { rejected: { toBankMsp: string }; reason: string };
  t.like(rejected, { rejected: { toBankMsp: 'BankCMSP' }, reason: 'Customer chose BankA' });
  const shown = (await ok(t, w, 'investor', 'show', CHLOE, '--as', 'regulator/rita')).stdout;
  t.is(printedField(shown, 'bank'), 'BankBMSP');
  t.is(printedField(shown, 'adoption waiting'), undefined);
});

test('adoption list: the regulator pages every waiting request, one line each in investor id order; an officer sees only its own bank\'s; a bad page size is a one-line refusal', async (t) => {
  const w = await world();
  const DANIEL = 'INV-B-0200';
  const bankBFile = (investorId: string) => documentFile(w.folder, `${investorId}.json`, investorDocument(investorId, { kycExpiresAt: FAR_KYC_EXPIRY }));
  for (const investorId of [CHLOE, DANIEL]) await ok(t, w, 'investor', 'onboard', bankBFile(investorId), '--pii', piiFile(w), '--as', 'bankB/carol');
  await new RoleContract().GrantRole(tx(BANK_C_ADMIN, w.worldState).ctx, identityIdOf(BANK_C_ERIN), 'compliance-officer');
  await changeMembership(w.worldState, BANK_B_LEFT, [BANK_A_ADMIN, BANK_C_ADMIN, REGULATOR_ADMIN]);
  t.is((await ok(t, w, 'investor', 'adoption', 'list', '--as', 'regulator/rita')).stdout, '(none)', 'nothing waits yet');
  // BankC asks for daniel first: the list still follows investor ids, not request order.
  await ok(t, w, 'investor', 'adopt', bankBFile(DANIEL), '--reason', 'Daniel banks with us now', '--pii', piiFile(w), '--as', 'bankC/erin');
  await ok(t, w, 'investor', 'adopt', bankBFile(CHLOE), '--reason', 'BankB left; KYC redone', '--pii', piiFile(w), '--as', 'bankA/bob');

  const at = T0.toISOString();
  const chloeLine = `${CHLOE}  BankBMSP \u2192 BankAMSP  requested ${at} by ${personOf(identityIdOf(BANK_A_BOB))}  BankB left; KYC redone`;
  const danielLine = `${DANIEL}  BankBMSP \u2192 BankCMSP  requested ${at} by ${personOf(identityIdOf(BANK_C_ERIN))}  Daniel banks with us now`;
  t.is((await ok(t, w, 'investor', 'adoption', 'list', '--as', 'regulator/rita')).stdout, [chloeLine, danielLine].join('\n'));
  const first = (await ok(t, w, 'investor', 'adoption', 'list', '--page-size', '1', '--as', 'regulator/rita')).stdout.split('\n');
  t.is(first[0], chloeLine);
  const bookmark = /^next: --bookmark (\S+)$/.exec(first[1] ?? '')?.[1];
  if (bookmark === undefined) return t.fail(`no next line: ${first.join(' | ')}`);
  const second = JSON.parse((await ok(t, w, 'investor', 'adoption', 'list', '--page-size', '1', '--bookmark', bookmark, '--as', 'regulator/rita', '--json')).stdout) as { records: Array<{ investorId: string; toBankMsp: string }> };
  t.deepEqual(second.records.map((record) => [record.investorId, record.toBankMsp]), [[DANIEL, 'BankCMSP']]);

  // Each bank's officer reads only its own bank's requests.
  t.is((await ok(t, w, 'investor', 'adoption', 'list', '--as', 'bankA/bob')).stdout, chloeLine);
  t.is((await ok(t, w, 'investor', 'adoption', 'list', '--as', 'bankC/erin')).stdout, danielLine);
  const bankA = JSON.parse((await ok(t, w, 'investor', 'adoption', 'list', '--as', 'bankA/bob', '--json')).stdout) as { records: Array<{ investorId: string }> };
  t.deepEqual(bankA.records.map((record) => record.investorId), [CHLOE]);
  await refused(t, w, ['adoption', 'list', '--page-size', '0', '--as', 'regulator/rita'], '[PAGE_SIZE_INVALID]', 3);
  await refused(t, w, ['adoption', 'list', '--bookmark', 'not base64!', '--as', 'regulator/rita'], '[CLI_INPUT_INVALID]', 2);
});

test('adopt prints one confirmation line naming both banks and saying the regulator decides', async (t) => {
  const w = await bankBLeft(t);
  const { stdout } = await ok(t, w, 'investor', 'adopt', w.chloeFile(), '--reason', 'BankB left', '--pii', piiFile(w), '--as', 'bankA/bob');
  t.is(stdout, `investor ${CHLOE}: adoption requested; BankAMSP asked to adopt from BankBMSP on ${T0.toISOString()}: BankB left (waiting for the regulator)`);
});

/** Puts `members` in force on the stub ledger, as the orgs' admins would with `trestle consortium propose|confirm`. */
async function changeMembership(worldState: WorldState, members: Record<string, string[]>, [proposer, ...others]: readonly TestIdentity[]): Promise<void> {
  const consortium = new ConsortiumContract();
  const text = JSON.stringify(members);
  await consortium.ProposeMembershipChange(tx(proposer as TestIdentity, worldState).ctx, text);
  for (const admin of others) await consortium.ConfirmMembershipChange(tx(admin, worldState).ctx, text);
}

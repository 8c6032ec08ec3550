import '../testing/quiet-fabric-logs';
import test from 'ava';
import { transactionsOf } from '../fuzz/contract-transactions';
import { fabricTxId, runFuzzCase } from '../fuzz/fuzz-case';
import { contracts } from '../index';
import { RoleContract } from '../roles/role-contract';
import { stubContext, identityIdOf } from '../testing/stub-context';
import { argumentsOf, caseOf, instantOf, ACCESS_CASES } from './access-cases';
import { expectationOf } from './access-expectation';
import { ACCESS_IDENTITIES } from './access-identities';
import { cellOf, rowOf, CHAINCODE_ACCESS_MATRIX } from './access-matrix';
import { accessWorld, type AccessWorld } from './access-world';

// The access-control matrix checked against the contracts themselves, on the stubbed chaincode
// context (network/test/access/ checks the same rows on the real network): every transaction fabric-shim would serve, called by every
// identity of the matrix with arguments that succeed for whoever may make the call, so a refusal
// can only be about the caller. Allowed calls must succeed; denied ones must be refused with an
// access code and leave the ledger, private data, history and events untouched (runFuzzCase's
// checks). Deny by default: a transaction without a row fails, and a column a row leaves out must
// be refused.

const TRANSACTIONS = transactionsOf(contracts);
const served = new Set(TRANSACTIONS.map(({ contract, name }) => `${contract}.${name}`));
const totals = { transactions: 0, calls: 0, allowed: 0, refused: 0 };
let world: Promise<AccessWorld> | undefined;

/** Keys `contract.transaction` of a nested table. */
function keysOf(table: Readonly<Record<string, Readonly<Record<string, unknown>>>>): string[] {
  return Object.entries(table).flatMap(([contract, rows]) => Object.keys(rows).map((name) => `${contract}.${name}`));
}

test('the matrix has a row for every transaction the chaincode serves, and none for a transaction it does not serve', (t) => {
  const listed = keysOf(CHAINCODE_ACCESS_MATRIX);
  t.deepEqual(
    { missing: [...served].filter((key) => !listed.includes(key)), extra: listed.filter((key) => !served.has(key)) },
    { missing: [], extra: [] },
    'add a row to access-matrix.ts for each missing transaction (deny by default), remove each extra one',
  );
});

test('every transaction the chaincode serves has a valid call to make, and only those', (t) => {
  const listed = keysOf(ACCESS_CASES);
  t.deepEqual({ missing: [...served].filter((key) => !listed.includes(key)), extra: listed.filter((key) => !served.has(key)) }, { missing: [], extra: [] });
});

test('every identity of the matrix holds exactly the role of its column in every chapter', async (t) => {
  world ??= accessWorld();
  const { fuzz } = await world;
  for (const chapter of fuzz.chapters) {
    for (const { name, column, identity } of ACCESS_IDENTITIES) {
      const read = stubContext({ identity, worldState: chapter.ledger }).ctx;
      const grants = JSON.parse(await new RoleContract().GetRoles(read, identity.mspId, identityIdOf(identity))) as Array<{ role: string }>;
      // Before the consortium membership is in force nobody holds a role: none can be granted yet.
      const beforeConsortium = chapter.name === 'UNFOUNDED' || chapter.name === 'CONSORTIUM FOUNDING';
      const expected = beforeConsortium || column === 'org-admin' || column === 'no-role' ? [] : [column];
      t.deepEqual(grants.map((grant) => grant.role), expected, `${name} in ${chapter.name}`);
    }
  }
});

for (const transaction of TRANSACTIONS) {
  const key = `${transaction.contract}.${transaction.name}`;
  const row = rowOf(transaction.contract, transaction.name);
  const letIn = row === undefined ? 'nobody (no row)' : Object.entries(row.cells).map(([column, cell]) => (cell === 'allow' ? column : `${column} (${cell})`)).join(', ') || 'nobody';
  test(`${key} lets in ${letIn} and refuses everyone else with an access code, writing nothing`, async (t) => {
    const accessCase = caseOf(transaction.contract, transaction.name);
    if (row === undefined || accessCase === undefined) return t.fail(`${key} has no row in access-matrix.ts or no case in access-cases.ts: every transaction needs both`);
    world ??= accessWorld();
    const shared = await world;
    let allowed = 0;
    for (const [index, caller] of ACCESS_IDENTITIES.entries()) {
      const expected = expectationOf(cellOf(row, caller.column), caller.side);
      const input = { chapter: shared.chapter(accessCase.chapter), identity: caller.identity, at: instantOf(accessCase), args: argumentsOf(accessCase, caller, shared), transient: accessCase.transient };
      const outcome = await runFuzzCase(shared.fuzz, transaction, input, fabricTxId(`${key} as ${caller.name} #${index}`)).catch((error: unknown) => {
        throw new Error(`${key} as ${caller.name}: ${(error as Error).message}`, { cause: error });
      });
      if (expected.allowed) {
        allowed += 1;
        t.is(outcome.kind, 'resolved', `${caller.name} may call ${key} but was refused with ${outcome.kind === 'refused' ? outcome.code : ''}`);
      } else {
        const code = outcome.kind === 'refused' ? outcome.code : undefined;
        t.true(code !== undefined && expected.codes.has(code), `${caller.name} may not call ${key}: expected one of ${[...expected.codes].join(', ')}, got ${code ?? 'success'}`);
      }
    }
    totals.transactions += 1;
    totals.calls += ACCESS_IDENTITIES.length;
    totals.allowed += allowed;
    totals.refused += ACCESS_IDENTITIES.length - allowed;
    t.log(`${ACCESS_IDENTITIES.length} identities: ${allowed} allowed, ${ACCESS_IDENTITIES.length - allowed} refused`);
  });
}

test.after.always('matrix size', (t) => {
  t.log(`access matrix: ${totals.transactions} transactions × ${ACCESS_IDENTITIES.length} identities = ${totals.calls} calls (${totals.allowed} allowed, ${totals.refused} refused) of ${TRANSACTIONS.length} transactions served by ${contracts.length} contracts`);
});

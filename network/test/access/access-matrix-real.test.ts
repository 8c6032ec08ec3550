import '../transfers/quiet-fabric-client';
import test from 'ava';
import { expectationOf, RECORD_REFUSALS, ROLE_REFUSALS } from '@trestle/chaincode/src/access/access-expectation';
import { cellOf, CHAINCODE_ACCESS_MATRIX } from '@trestle/chaincode/src/access/access-matrix';
import { signBinding, WALLET_TWO } from '@trestle/chaincode/src/testing/test-wallets';
import { testStack } from '../../src/stack/stack-config';
import { openAccessSession, walletSigner, type AccessSession } from './access-session';
import { callOutcome, type CallOutcome } from './call-outcome';
import { issueIdentity } from './issue-identity';
import { inLanes } from './in-lanes';
import { realCallOf, type CaseContext } from './real-access-cases';
import { grantAsAdmin, realAccessIdentities, type RealAccessIdentity } from './real-access-identities';
import { realAccessWorld } from './real-access-world';

// The access-control matrix (chaincode/src/access/access-matrix.ts, read at run time) checked on
// the REAL network: every row's transaction called by every identity column, each a real
// certificate of its org with real grants on the ledger, simulated on a real peer
// (evaluateTransaction: the chaincode decides on the caller exactly as for a submit; nothing is
// ordered). A denied cell must be refused with an access code (access-expectation.ts, as the stub
// test); an allowed cell must not be, though it may fail for the record's state or its arguments
// (the real world has one record per kind where the stub has a chapter per state). A few denied
// cells are also submitted, and a read before and after shows they wrote nothing. Deny by default:
// a member whose role was revoked, and names no contract serves, are refused.

const stack = testStack();
const LANES = 4;
const ACCESS_CODES: ReadonlySet<string> = new Set([...ROLE_REFUSALS, ...RECORD_REFUSALS]);
/**
 * Rows whose record a caller of the wrong bank cannot meet on the shared real network, so the
 * chaincode refuses that caller for the missing prerequisite before it compares banks. Those cells
 * must still be refused, with any code; the stub test proves the bank check behind them.
 */
const PREREQUISITE_NOT_ON_REAL_NETWORK: Readonly<Record<string, string>> = {
  'InvestorContract.RejectAdoption': 'an adoption request needs a bank that has left the consortium; the shared network keeps all three',
  'GatewayMessageContract.ProposeIdentityRegistration': "the caller's bank needs a registered validator address and a claim signed with its key; registering one for BankC would change the bridge suites' validator set",
};
const ROWS = Object.entries(CHAINCODE_ACCESS_MATRIX).flatMap(([contract, rows]) => Object.entries(rows).map(([name, row]) => ({ contract, name, row })));
const totals = { rows: 0, identities: 0, cells: 0, allowed: 0, allowedResolved: 0, refused: 0, unreached: 0, revokedChecks: 0 };
/** Why allowed calls failed past the access checks (state, arguments), by code, for the summary. */
const allowedButFailed = new Map<string, number>();

type Shared = { readonly context: CaseContext; readonly revoked: AccessSession; readonly revokedId: string };
let shared: Promise<Shared> | undefined;

/** The world, the matrix's identities and a member whose only role was revoked, built once. */
function sharedWorld(): Promise<Shared> {
  shared ??= (async () => {
    const [world, identities] = await Promise.all([realAccessWorld(stack), realAccessIdentities(stack)]);
    // A member who held a role and lost it to its admin's RevokeRole.
    const revokedIdentity = issueIdentity(stack, 'bankA', 'access-revoked');
    await grantAsAdmin(stack, 'bankA', [[revokedIdentity.identityId, 'compliance-officer']]);
    await grantAsAdmin(stack, 'bankA', [[revokedIdentity.identityId, 'compliance-officer']], 'RevokeRole');
    const benBinding = await signBinding(WALLET_TWO, { investorId: world.benA, bank: 'BankAMSP' });
    return { context: { world, identities, benBinding }, revoked: await openAccessSession(stack, revokedIdentity), revokedId: revokedIdentity.identityId };
  })();
  return shared;
}

function describe(outcome: CallOutcome): string {
  return outcome.kind === 'resolved' ? 'success' : (outcome.code ?? `no Trestle code (${outcome.message.slice(0, 160)})`);
}

test.before(async () => {
  await sharedWorld();
});

test.after.always(async (t) => {
  t.log(
    `access matrix on the real network: ${totals.rows} transactions × ${totals.identities} identities = ${totals.cells} calls ` +
      `(${totals.allowed} allowed, of which ${totals.allowedResolved} succeeded and the rest failed for state or arguments; ${totals.refused} refused, ` +
      `${totals.unreached} of them for a prerequisite the shared network cannot hold, the rest with an access code), ` +
      `plus ${totals.revokedChecks} calls as a member whose role was revoked`,
  );
  t.log(`allowed calls that failed past the access checks, by code: ${[...allowedButFailed].sort(([, a], [, b]) => b - a).map(([code, count]) => `${code} ${count}`).join(', ') || 'none'}`);
  if (shared === undefined) return;
  const { context, revoked } = await shared;
  for (const identity of context.identities) identity.session.close();
  revoked.close();
});

test.serial('every identity of the matrix holds exactly the role of its column on the real ledger', async (t) => {
  const { context } = await sharedWorld();
  for (const identity of context.identities) {
    const admin = await openAccessSession(stack, walletSigner(stack, identity.org, 'admin'));
    try {
      const grants = JSON.parse(Buffer.from(await admin.contract('RoleContract').evaluateTransaction('GetRoles', identity.mspId, identity.identityId)).toString('utf8')) as Array<{ role: string }>;
      const expected = identity.column === 'org-admin' || identity.column === 'no-role' ? [] : [identity.column];
      t.deepEqual(grants.map((grant) => grant.role), expected, identity.name);
    } finally {
      admin.close();
    }
  }
});

for (const { contract, name, row } of ROWS) {
  const key = `${contract}.${name}`;
  const letIn = Object.entries(row.cells).map(([column, cell]) => (cell === 'allow' ? column : `${column} (${cell})`)).join(', ') || 'nobody';
  test.serial(`${key} on the real network lets in ${letIn} and refuses everyone else with an access code`, async (t) => {
    const { context } = await sharedWorld();
    const results = await inLanes(context.identities, LANES, async (caller) => {
      const call = realCallOf(contract, name, caller, context);
      return { caller, call, outcome: call === undefined ? undefined : await callOutcome(caller.session, contract, name, call) };
    });
    let allowed = 0;
    for (const { caller, call, outcome } of results) {
      if (call === undefined || outcome === undefined) {
        t.fail(`${key}: no call for ${caller.name}: the stub case in access-cases.ts computes its arguments from the stub world; give real-access-cases.ts an entry`);
        continue;
      }
      const expected = expectationOf(cellOf(row, caller.column), caller.side);
      if (expected.allowed) {
        allowed += 1;
        if (outcome.kind === 'resolved') totals.allowedResolved += 1;
        else allowedButFailed.set(outcome.code ?? 'no Trestle code', (allowedButFailed.get(outcome.code ?? 'no Trestle code') ?? 0) + 1);
        // Allowed means the caller passes the access checks; the call may still fail on the record's state or its arguments.
        t.false(outcome.kind === 'refused' && outcome.code !== undefined && ACCESS_CODES.has(outcome.code), `${caller.name} may call ${key} but was refused for access: ${describe(outcome)}`);
      } else if (expected.codes === RECORD_REFUSALS && Object.hasOwn(PREREQUISITE_NOT_ON_REAL_NETWORK, key)) {
        totals.unreached += 1;
        t.is(outcome.kind, 'refused', `${caller.name} may not call ${key} (${PREREQUISITE_NOT_ON_REAL_NETWORK[key] ?? ''}) but it succeeded`);
      } else {
        const code = outcome.kind === 'refused' ? outcome.code : undefined;
        t.true(code !== undefined && expected.codes.has(code), `${caller.name} may not call ${key}: expected one of ${[...expected.codes].join(', ')}, got ${describe(outcome)}`);
      }
    }
    totals.rows += 1;
    totals.identities = results.length;
    totals.cells += results.length;
    totals.allowed += allowed;
    totals.refused += results.length - allowed;
    t.log(`${results.length} identities: ${allowed} allowed, ${results.length - allowed} refused`);
  });
}

test.serial('deny by default: a member whose role was revoked is refused by every row that needs a role', async (t) => {
  const { context, revoked, revokedId } = await sharedWorld();
  const admin = await openAccessSession(stack, walletSigner(stack, 'bankA', 'admin'));
  try {
    const grants = JSON.parse(Buffer.from(await admin.contract('RoleContract').evaluateTransaction('GetRoles', 'BankAMSP', revokedId)).toString('utf8')) as unknown[];
    t.deepEqual(grants, [], 'the revoked grant no longer counts');
  } finally {
    admin.close();
  }
  const homeMember = context.identities.find((identity) => identity.column === 'no-role');
  if (homeMember === undefined) return t.fail('the matrix has no member without a role');
  const rows = ROWS.filter(({ row }) => cellOf(row, 'no-role') === 'deny');
  const outcomes = await inLanes(rows, LANES, async ({ contract, name }) => {
    const call = realCallOf(contract, name, homeMember, context);
    return { key: `${contract}.${name}`, outcome: call === undefined ? undefined : await callOutcome(revoked, contract, name, call) };
  });
  for (const { key, outcome } of outcomes) {
    const code = outcome?.kind === 'refused' ? outcome.code : undefined;
    t.true(code !== undefined && ROLE_REFUSALS.has(code), `${key} as a member whose role was revoked: expected ${[...ROLE_REFUSALS].join(' or ')}, got ${outcome === undefined ? 'no call' : describe(outcome)}`);
  }
  totals.revokedChecks = outcomes.length;
  t.true(outcomes.length > 0);
});

/** The identity of `name` (as access-identities.ts names it). */
function identityNamed(context: CaseContext, name: string): RealAccessIdentity {
  const found = context.identities.find((identity) => identity.name === name);
  if (found === undefined) throw new RangeError(`the matrix has no identity ${name}`);
  return found;
}

type World = CaseContext['world'];
type Read = { readonly contract: string; readonly name: string; readonly args: readonly string[] };

/** Denied cells submitted for real, each with the read that would show a write. */
const DENIED_SUBMITS = [
  { caller: 'operator@BankA', contract: 'ControlContract', name: 'FreezeInvestor', read: (world: World) => ({ contract: 'AssetContract', name: 'GetHolding', args: [world.assetId, world.annaA] }) },
  { caller: 'spv-admin@BankC', contract: 'SpvContract', name: 'UpdateSpv', read: (world: World) => ({ contract: 'SpvContract', name: 'GetSpv', args: [world.spvId] }) },
  { caller: 'compliance-officer@BankC', contract: 'TransferContract', name: 'ApproveTransfer', read: (world: World) => ({ contract: 'TransferContract', name: 'GetTransfer', args: [world.transferId] }) },
  { caller: 'no-role@BankA', contract: 'RoleContract', name: 'GrantRole', read: (): Read => ({ contract: 'RoleContract', name: 'ListRoles', args: [] }) },
] as const;

test.serial('denied cells submitted for real are refused at endorsement and write nothing', async (t) => {
  const { context } = await sharedWorld();
  const reader = context.identities.find((identity) => identity.column === 'regulator');
  if (reader === undefined) return t.fail('the matrix has no regulator');
  for (const denied of DENIED_SUBMITS) {
    const caller = identityNamed(context, denied.caller);
    const call = realCallOf(denied.contract, denied.name, caller, context);
    if (call === undefined) return t.fail(`no call for ${denied.contract}.${denied.name}`);
    const { contract: readContract, name: readName, args: readArgs }: Read = denied.read(context.world);
    const read = () => callOutcome(reader.session, readContract, readName, { args: readArgs });
    const before = await read();
    t.is(before.kind, 'resolved', `${readContract}.${readName} answers the regulator: ${before.kind === 'refused' ? before.message : ''}`);
    const outcome = await callOutcome(caller.session, denied.contract, denied.name, call, 'submit');
    const code = outcome.kind === 'refused' ? outcome.code : undefined;
    t.true(code !== undefined && ACCESS_CODES.has(code), `${denied.caller} submitting ${denied.contract}.${denied.name}: ${describe(outcome)}`);
    t.deepEqual(await read(), before, `${readContract}.${readName} unchanged after ${denied.caller}'s refused ${denied.name}`);
  }
});

test.serial('deny by default: a transaction name no contract serves, and a contract method that is no transaction, are refused', async (t) => {
  const { context } = await sharedWorld();
  const callers = [identityNamed(context, 'org-admin@BankA'), context.identities.find((identity) => identity.column === 'regulator') as RealAccessIdentity];
  // getName and the hooks are methods every contract inherits from fabric-contract-api's Contract;
  // fabric-shim serves only what @Transaction lists.
  const names = ['NoSuchTransaction', 'getName', 'beforeTransaction', 'unknownTransaction', 'createContext'];
  let calls = 0;
  for (const contract of Object.keys(CHAINCODE_ACCESS_MATRIX)) {
    for (const name of names) {
      for (const caller of callers) {
        const outcome = await callOutcome(caller.session, contract, name, { args: [] });
        calls += 1;
        t.is(outcome.kind, 'refused', `${caller.name} calling ${contract}.${name}`);
        if (outcome.kind === 'refused') t.regex(outcome.message, /does not exist|not known|not found/i, `${caller.name} calling ${contract}.${name}: ${outcome.message.slice(0, 200)}`);
      }
    }
  }
  const unknownContract = await callOutcome((callers[0] as RealAccessIdentity).session, 'NoSuchContract', 'GetAsset', { args: [context.world.assetId] });
  t.is(unknownContract.kind, 'refused', 'a contract name the chaincode does not have');
  t.log(`${calls + 1} calls of names the chaincode does not serve, all refused`);
});

import { readFileSync } from 'node:fs';
import test from 'ava';
import { bridgeOutRequest, requestBridgeOut } from '@trestle/chaincode/src/testing/bridge-story';
import { ControlContract } from '@trestle/chaincode/src/controls/control-contract';
import { tx } from '@trestle/chaincode/src/testing/ledger-cast';
import { ASSET_ID, investorDocument, investorPii } from '@trestle/chaincode/src/testing/ledger-documents';
import { INVESTORS } from '@trestle/chaincode/src/testing/ledger-story';
import { BENCH, legalAction, propose } from '@trestle/chaincode/src/testing/legal-story';
import { AFTER_LOCKUP, DESK, request, transferRequest } from '@trestle/chaincode/src/testing/transfer-story';
import { loadOfficerSpec } from '../http/openapi-document';
import { RouteTable, type Route } from '../http/route-table';
import { startHarness, type Harness } from '../testing/officer-harness';
import { PASSWORD } from '../testing/officer-cast';
import type { OfficerClient } from '../testing/officer-client';
import type { OfficerVault } from '../vault/officer-vault';
import { OFFICER_ACCESS_DOC, renderOfficerAccessMatrix } from './route-access-doc';
import { routeCallOf, type RouteCallRecords } from './route-access-calls';
import { ROUTE_ACCESS_MATRIX, ROUTE_PERSONAS, type RoutePersona } from './route-access-matrix';
import { outcomeOf } from './route-access-outcome';

// Every operation of openapi.json called by every persona with a well-formed request, over the
// in-process chaincode stub (the real contracts on the stubbed context, no peer). The outcome must
// be the matrix's; a refused call must leave the ledger as it was.

const spec = loadOfficerSpec();
const routes = new RouteTable(spec);
const byOperation = new Map<string, Route>(routes.routes.map((route) => [route.operationId, route]));

/** The vault of a bank that holds no files: the evidence routes reach it and find nothing. */
const EMPTY_VAULT: OfficerVault = {
  open: () => Promise.reject(new Error('not used')),
  locate: () => Promise.resolve(undefined),
  requesterOf: (account) => ({ identityId: 'x509::CN=unused::CN=unused', mspId: account.mspId, role: account.role }),
};

/** The usernames of the cast behind each persona; anonymous logs in as nobody. */
const USERNAME = { alice: 'alice', carol: 'carol', rita: 'rita' } as const;

/** The story's records (see `setUp`) as the calls name them; anonymous logs in as Bob, another officer. */
function recordsOf(persona: RoutePersona): RouteCallRecords {
  return {
    login: { username: persona === 'anonymous' ? 'bob' : USERNAME[persona], password: PASSWORD },
    transferId: 'T-M',
    bridgeOutId: 'BO-M',
    investorId: INVESTORS.annaA,
    evidenceFileId: `KYC-${INVESTORS.annaA}`,
    newInvestorId: 'INV-A-0099',
    assetId: ASSET_ID,
    proposalId: 'L-M',
    bankMsp: 'BankAMSP',
    auditPeriod: { from: '2026-01-01T00:00:00.000Z', to: '2027-01-01T00:00:00.000Z' },
    investorDocument: (investorId) => investorDocument(investorId),
    investorPii: () => investorPii(),
  };
}

/** The story's ledger with a pending transfer T-M (anna at BankA to chloe at BankB, requested by bob), a pending bridge-out BO-M of anna, 10 of anna's units frozen, and a remediation L-M proposed by Alice, the SPV administrator. */
async function setUp(): Promise<Harness> {
  const harness = await startHarness({ vault: EMPTY_VAULT });
  await request(harness.worldState, transferRequest('T-M', 5_000n));
  await requestBridgeOut(harness.worldState, bridgeOutRequest('BO-M', 1_000n));
  await new ControlContract().FreezePartial(tx(DESK.officerA, harness.worldState, { at: AFTER_LOCKUP }).ctx, ASSET_ID, INVESTORS.annaA, '10', 'access matrix set-up');
  await propose(harness.worldState, legalAction('L-M', 'start-remediation'), BENCH.spvAdmin, { at: AFTER_LOCKUP });
  return harness;
}

test('every operation of openapi.json has exactly one row, and every row an operation', (t) => {
  const rows = ROUTE_ACCESS_MATRIX.map((row) => row.operationId);
  t.deepEqual([...rows].sort(), [...byOperation.keys()].sort());
  t.is(new Set(rows).size, rows.length);
});

for (const row of ROUTE_ACCESS_MATRIX) {
  const route = byOperation.get(row.operationId);
  const writes = route !== undefined && route.method !== 'GET';
  test(`${route?.method ?? '?'} ${route?.template ?? row.operationId}: ${ROUTE_PERSONAS.map((p) => `${p} ${row.outcomes[p]}`).join(', ')}`, async (t) => {
    if (route === undefined) return t.fail(`${row.operationId} is not in openapi.json`);
    // A write changes the ledger: each persona gets a ledger of its own, so each sees the same records.
    let shared: Harness | undefined;
    for (const persona of ROUTE_PERSONAS) {
      let harness = writes ? undefined : shared;
      if (harness === undefined) {
        const started = await setUp();
        t.teardown(() => started.close());
        harness = started;
        if (!writes) shared = started;
      }
      const client: OfficerClient = persona === 'anonymous' ? harness.client() : await harness.as(USERNAME[persona]);
      const call = routeCallOf(row.operationId, recordsOf(persona));
      const before = harness.snapshot();
      const answer = await client.send(route.method, call.path, call.options);
      const outcome = outcomeOf(answer, row);
      t.is(outcome, row.outcomes[persona], `${persona}: ${answer.status} ${answer.text.slice(0, 300)}`);
      if (outcome !== 'allow') t.deepEqual(harness.snapshot(), before, `${persona}'s refused call left the ledger unchanged`);
    }
  });
}

test('docs/officer-access-matrix.md is what the matrix renders today', (t) => {
  t.true(readFileSync(OFFICER_ACCESS_DOC, 'utf8') === renderOfficerAccessMatrix(), 'docs/officer-access-matrix.md is out of date: run `npm run access-matrix` and commit it');
});

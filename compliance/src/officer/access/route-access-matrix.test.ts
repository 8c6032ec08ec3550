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
import type { Answer, OfficerClient, SendOptions } from '../testing/officer-client';
import type { OfficerVault } from '../vault/officer-vault';
import { OFFICER_ACCESS_DOC, renderOfficerAccessMatrix } from './route-access-doc';
import { ROUTE_ACCESS_MATRIX, ROUTE_PERSONAS, type RouteAccessRow, type RouteOutcome, type RoutePersona } from './route-access-matrix';

// Every operation of openapi.json called by every persona with a well-formed request, over the
// in-process chaincode stub (the real contracts on the stubbed context, no peer). The outcome must
// be the matrix's; a refused call must leave the ledger as it was.

const spec = loadOfficerSpec();
const routes = new RouteTable(spec);
const byOperation = new Map<string, Route>(routes.routes.map((route) => [route.operationId, route]));

/** Codes by which the chaincode refuses a record of another bank. */
const BANK_CODES: ReadonlySet<string> = new Set(['CALLER_OF_OTHER_BANK', 'PII_ACCESS_DENIED']);

/** The vault of a bank that holds no files: the evidence routes reach it and find nothing. */
const EMPTY_VAULT: OfficerVault = {
  open: () => Promise.reject(new Error('not used')),
  locate: () => Promise.resolve(undefined),
  requesterOf: (account) => ({ identityId: 'x509::CN=unused::CN=unused', mspId: account.mspId, role: account.role }),
};

/** The usernames of the cast behind each persona; anonymous logs in as nobody. */
const USERNAME = { alice: 'alice', carol: 'carol', rita: 'rita' } as const;

const PERIOD = 'from=2026-01-01T00:00:00.000Z&to=2027-01-01T00:00:00.000Z';

/** A well-formed call of each operation on the harness's records (see `setUp`). */
function callOf(operationId: string, persona: RoutePersona): { readonly path: string; readonly options: SendOptions } {
  const reason = { json: { reason: 'access matrix' } };
  switch (operationId) {
    case 'login':
      return { path: '/api/v1/session', options: { json: { username: persona === 'anonymous' ? 'bob' : USERNAME[persona], password: 'correct horse battery staple' } } };
    case 'getSession':
    case 'logout':
      return { path: '/api/v1/session', options: {} };
    case 'getOpenApi':
      return { path: '/api/v1/openapi.json', options: {} };
    case 'listPendingTransfers':
      return { path: '/api/v1/pending/transfers?bank=BankAMSP', options: {} };
    case 'listPendingBridgeOuts':
      return { path: '/api/v1/pending/bridge-outs?bank=BankAMSP', options: {} };
    case 'getTransfer':
      return { path: '/api/v1/transfers/T-M', options: {} };
    case 'approveTransfer':
      return { path: '/api/v1/transfers/T-M/approve', options: reason };
    case 'rejectTransfer':
      return { path: '/api/v1/transfers/T-M/reject', options: reason };
    case 'getBridgeOut':
      return { path: '/api/v1/bridge-outs/BO-M', options: {} };
    case 'approveBridgeOut':
      return { path: '/api/v1/bridge-outs/BO-M/approve', options: reason };
    case 'rejectBridgeOut':
      return { path: '/api/v1/bridge-outs/BO-M/reject', options: reason };
    case 'listInvestors':
      return { path: '/api/v1/investors?bank=BankAMSP', options: {} };
    case 'onboardInvestor':
      return { path: '/api/v1/investors', options: { json: { investor: investorDocument('INV-A-0099'), pii: investorPii() } } };
    case 'getInvestor':
      return { path: `/api/v1/investors/${INVESTORS.annaA}`, options: {} };
    case 'updateInvestor':
      return { path: `/api/v1/investors/${INVESTORS.annaA}`, options: { json: { investor: investorDocument(INVESTORS.annaA), pii: investorPii() } } };
    case 'getInvestorPii':
      return { path: `/api/v1/investors/${INVESTORS.annaA}/pii`, options: {} };
    case 'listEvidenceFiles':
      return { path: `/api/v1/investors/${INVESTORS.annaA}/evidence`, options: {} };
    case 'openEvidenceFile':
      return { path: `/api/v1/investors/${INVESTORS.annaA}/evidence/KYC-${INVESTORS.annaA}`, options: {} };
    case 'changeInvestorStatus':
      return { path: `/api/v1/investors/${INVESTORS.annaA}/status`, options: { json: { action: 'suspend', reason: 'access matrix' } } };
    case 'adoptInvestor':
      return { path: `/api/v1/investors/${INVESTORS.annaA}/adopt`, options: { json: { investor: investorDocument(INVESTORS.annaA), pii: investorPii(), reason: 'access matrix' } } };
    case 'getAdoption':
      return { path: `/api/v1/investors/${INVESTORS.annaA}/adoption`, options: {} };
    case 'approveAdoption':
      return { path: `/api/v1/investors/${INVESTORS.annaA}/adoption/approve`, options: reason };
    case 'rejectAdoption':
      return { path: `/api/v1/investors/${INVESTORS.annaA}/adoption/reject`, options: reason };
    case 'listAdoptions':
      return { path: '/api/v1/adoptions', options: {} };
    case 'getHolding':
      return { path: `/api/v1/holdings/${ASSET_ID}/${INVESTORS.annaA}`, options: {} };
    case 'freezeHolding':
      return { path: `/api/v1/holdings/${ASSET_ID}/${INVESTORS.annaA}/freeze`, options: { json: { amount: '10', reason: 'access matrix' } } };
    case 'unfreezeHolding':
      return { path: `/api/v1/holdings/${ASSET_ID}/${INVESTORS.annaA}/unfreeze`, options: { json: { amount: '10', reason: 'access matrix' } } };
    case 'getAssetPolicy':
      return { path: `/api/v1/assets/${ASSET_ID}/policy`, options: {} };
    case 'getAssetNav':
      return { path: `/api/v1/assets/${ASSET_ID}/nav`, options: {} };
    case 'getAssetLegal':
      return { path: `/api/v1/assets/${ASSET_ID}/legal`, options: {} };
    case 'approveLegalProposal':
      return { path: '/api/v1/legal-proposals/L-M/approve', options: reason };
    case 'rejectLegalProposal':
      return { path: '/api/v1/legal-proposals/L-M/reject', options: reason };
    case 'searchAudit':
      return { path: `/api/v1/audit?${PERIOD}`, options: {} };
    case 'exportAuditCsv':
      return { path: `/api/v1/audit/export.csv?${PERIOD}`, options: {} };
    case 'regulatorOverview':
      return { path: '/api/v1/regulator/overview', options: {} };
    default:
      throw new Error(`no well-formed call for ${operationId}: add one here and a row to route-access-matrix.ts`);
  }
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

function outcomeOf(answer: Answer, row: RouteAccessRow): RouteOutcome | string {
  if (answer.status >= 200 && answer.status < 300) return 'allow';
  const code = (answer.body as { code?: string } | undefined)?.code ?? '';
  if (answer.status === 401 && code === 'OFFICER_NOT_AUTHENTICATED') return 'login';
  if (answer.status === 403 && code === 'OFFICER_ROLE_FORBIDDEN') return 'role';
  if (answer.status === 403 && BANK_CODES.has(code)) return 'bank';
  if (row.reachedRefusals?.codes.includes(code) === true) return 'allow';
  return `${answer.status} ${code}`;
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
      const call = callOf(row.operationId, persona);
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

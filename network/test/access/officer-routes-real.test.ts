import '../transfers/quiet-fabric-client';
import test, { type ExecutionContext } from 'ava';
import { readFileSync } from 'node:fs';
import { routeCallOf, type RouteCallRecords } from '@trestle/compliance/src/officer/access/route-access-calls';
import { ROUTE_ACCESS_MATRIX, ROUTE_PERSONAS, type RouteAccessRow, type RoutePersona } from '@trestle/compliance/src/officer/access/route-access-matrix';
import { outcomeOf } from '@trestle/compliance/src/officer/access/route-access-outcome';
import { loadOfficerSpec, type OpenApiDocument } from '@trestle/compliance/src/officer/http/openapi-document';
import { RouteTable, type Route } from '@trestle/compliance/src/officer/http/route-table';
import { OfficerClient } from '@trestle/compliance/src/officer/testing/officer-client';
import { consolesUp, stopConsoles, type ConsolesUpResult } from '../../src/cli/consoles-up';
import type { LedgerSession } from '../../src/cli/ledger/ledger-session';
import { testStack } from '../../src/stack/stack-config';
import { ensurePeopleRoles, sessionOf, uniqueSuffix } from '../support/ledger-people';
import { investorDocument, investorPii } from '../support/tokenized-asset';
import { readAll, readsOf } from './officer-routes-reads';
import { officerRoutesWorld, openLegalProposal, type OfficerRoutesWorld } from './officer-routes-world';

// The officer service's route access matrix (compliance/src/officer/access/route-access-matrix.ts,
// read at run time) checked on the REAL network, as route-access-matrix.test.ts checks it over the
// in-process stub: the consoles `npm start` runs (network/src/cli/consoles-up.ts: one detached
// `officer serve` per org over its real Fabric gateway), every operation of openapi.json called
// with a well-formed request (route-access-calls.ts, shared with the stub test) by every persona:
// nobody logged in, a BankA officer (alice: BankA's officer1), a BankB officer (carol: BankB's
// officer1) and the regulator (rita), each at their own org's console. The answer must be the
// matrix's cell: allow (2xx, or a listed reached refusal), login (401 OFFICER_NOT_AUTHENTICATED),
// role (403 OFFICER_ROLE_FORBIDDEN) or bank (403 CALLER_OF_OTHER_BANK / PII_ACCESS_DENIED from the
// chaincode). A refused call must leave the records it names as they were (read from the peer before
// and after). Deny by default: paths and methods the document does not list are refused to everyone.
// Refused calls name the shared world's records; each allowed write acts on a record of its own
// (officer-routes-world.ts). Serial, like every integration suite; the consoles are stopped at the end.

const stack = testStack();
const routes = new RouteTable(loadOfficerSpec());
const byOperation = new Map<string, Route>(routes.routes.map((route) => [route.operationId, route]));

/** Where each persona works: its org's console and the account it is (anonymous logs in, in the login row, as another BankA officer). */
const DESKS: Readonly<Record<RoutePersona, { readonly console: string; readonly username: string }>> = {
  anonymous: { console: 'BankA', username: 'officer2' },
  alice: { console: 'BankA', username: 'officer1' },
  carol: { console: 'BankB', username: 'officer1' },
  rita: { console: 'Regulator', username: 'rita' },
};

const HOUR_MS = 3_600_000;

/** Allowed cells of `operationIds`' rows: how many records of their own those writes need. */
function allowedCells(...operationIds: string[]): number {
  return ROUTE_ACCESS_MATRIX.filter((row) => operationIds.includes(row.operationId)).reduce((count, row) => count + ROUTE_PERSONAS.filter((persona) => row.outcomes[persona] === 'allow').length, 0);
}

type Setup = {
  readonly world: OfficerRoutesWorld;
  readonly consoles: ConsolesUpResult;
  readonly password: string;
  /** Each persona's client at its console, logged in for the whole run (anonymous: never). */
  readonly clients: Readonly<Record<RoutePersona, OfficerClient>>;
  /** Reads the records calls name straight from the peer, as BankA's officer1. */
  readonly reader: LedgerSession;
  /** What is left of the world's records of their own, taken one per allowed write. */
  readonly pools: { transfers: string[]; bridgeOuts: string[]; investors: string[] };
  readonly suffix: string;
};

let setup: Setup | undefined;
let reader: LedgerSession | undefined;

const totals = { calls: 0, served: 0, reached: 0, login: 0, role: 0, bank: 0, readsCompared: 0, denyByDefault: 0 };
/** The codes of allowed calls refused past every access check (the matrix's reachedRefusals), by code. */
const reachedCodes = new Map<string, number>();

function ready(): Setup {
  if (setup === undefined) throw new Error('the set-up did not finish');
  return setup;
}

function consoleUrl(consoles: ConsolesUpResult, persona: RoutePersona): string {
  const found = consoles.consoles.find((officerConsole) => officerConsole.name === DESKS[persona].console);
  if (found === undefined) throw new Error(`no console for ${DESKS[persona].console}`);
  return found.url;
}

async function loggedIn(consoles: ConsolesUpResult, persona: RoutePersona, password: string): Promise<OfficerClient> {
  const client = new OfficerClient(consoleUrl(consoles, persona));
  const answer = await client.login(DESKS[persona].username, password);
  if (answer.status !== 200) throw new Error(`login as ${DESKS[persona].username} at ${client.baseUrl} failed (${answer.status}): ${answer.text}`);
  return client;
}

test.before(async () => {
  // Granted first: consolesUp grants the consoles' people their roles too, and two grants at once would collide.
  await ensurePeopleRoles(stack);
  const needed = {
    transfers: allowedCells('approveTransfer', 'rejectTransfer'),
    bridgeOuts: allowedCells('approveBridgeOut', 'rejectBridgeOut'),
    investors: allowedCells('updateInvestor', 'changeInvestorStatus'),
    unfreezes: allowedCells('unfreezeHolding'),
  };
  const [world, consoles] = await Promise.all([officerRoutesWorld(stack, needed), consolesUp(stack, () => {})]);
  const password = readFileSync(consoles.passwordFile, 'utf8').trim();
  reader = await sessionOf(stack, 'bankA/officer1');
  const [alice, carol, rita] = await Promise.all([loggedIn(consoles, 'alice', password), loggedIn(consoles, 'carol', password), loggedIn(consoles, 'rita', password)]);
  setup = {
    world,
    consoles,
    password,
    clients: { anonymous: new OfficerClient(consoleUrl(consoles, 'anonymous')), alice, carol, rita },
    reader,
    pools: { transfers: [...world.transfers], bridgeOuts: [...world.bridgeOuts], investors: [...world.investors] },
    suffix: uniqueSuffix(),
  };
});

test.after.always(async () => {
  await stopConsoles(stack);
  await reader?.close();
});

/** The shared world's records as the calls name them; the refused calls name these. */
function sharedRecords(persona: RoutePersona, proposalId?: string): RouteCallRecords {
  const { world, password, suffix } = ready();
  const { shared } = world;
  return {
    login: { username: DESKS[persona].username, password },
    transferId: shared.transferId,
    bridgeOutId: shared.bridgeOutId,
    investorId: shared.annaA,
    evidenceFileId: shared.fileId,
    // Nobody onboards this id: only the refused onboardings name it.
    newInvestorId: `INV-OFR-NONE-${suffix}`,
    assetId: shared.assetId,
    proposalId: proposalId ?? shared.proposalId,
    bankMsp: 'BankAMSP',
    auditPeriod: { from: world.since.toISOString(), to: new Date(Date.now() + HOUR_MS).toISOString() },
    investorDocument: (investorId) => investorDocument(investorId),
    investorPii: () => investorPii(`Ada Matrix ${suffix}`),
  };
}

function take(pool: string[], what: string): string {
  const next = pool.shift();
  if (next === undefined) throw new Error(`the world made too few ${what} for the matrix's allowed writes`);
  return next;
}

/**
 * The record of its own an allowed write acts on. Not needed by: the session rows (no ledger);
 * the legal votes (each bank votes once on the row's open proposal, so BankA's and BankB's votes
 * are two writes on one record); adoption (refused on the ledger while every bank is in force,
 * so nothing is written); freezes and unfreezes, which move 10 units each on ben's holding and so
 * are independent writes on one record.
 */
function ownRecords(operationId: string, persona: RoutePersona): Partial<RouteCallRecords> {
  const { world, pools, suffix } = ready();
  switch (operationId) {
    case 'approveTransfer':
    case 'rejectTransfer':
      return { transferId: take(pools.transfers, 'transfers') };
    case 'approveBridgeOut':
    case 'rejectBridgeOut':
      return { bridgeOutId: take(pools.bridgeOuts, 'bridge-outs') };
    case 'updateInvestor':
    case 'changeInvestorStatus':
      return { investorId: take(pools.investors, 'investors') };
    case 'freezeHolding':
    case 'unfreezeHolding':
      return { investorId: world.shared.benA };
    case 'onboardInvestor':
      return { newInvestorId: `INV-OFR-${persona.toUpperCase()}-${suffix}` };
    default:
      return {};
  }
}

/** The client a persona calls with: its logged-in one, except fresh ones for logging in and out (the run's sessions stay open). */
async function clientFor(operationId: string, persona: RoutePersona): Promise<OfficerClient> {
  const { consoles, password, clients } = ready();
  if (operationId === 'login' || (operationId === 'logout' && persona === 'anonymous')) return new OfficerClient(consoleUrl(consoles, persona));
  if (operationId === 'logout') return loggedIn(consoles, persona, password);
  return clients[persona];
}

test.serial('the consoles serve exactly the operations of openapi.json, and the matrix has one row for each', async (t) => {
  const { consoles } = ready();
  const rows = ROUTE_ACCESS_MATRIX.map((row) => row.operationId);
  t.is(new Set(rows).size, rows.length, 'one row per operation');
  t.deepEqual([...rows].sort(), [...byOperation.keys()].sort(), 'every operation of openapi.json has a row, and every row an operation');
  for (const officerConsole of consoles.consoles) {
    const answer = await new OfficerClient(officerConsole.url).send('GET', '/api/v1/openapi.json');
    t.is(answer.status, 200, answer.text.slice(0, 200));
    const served = new RouteTable(answer.body as OpenApiDocument).routes.map((route) => route.operationId);
    t.deepEqual([...served].sort(), [...rows].sort(), `${officerConsole.name}'s console serves the matrix's operations`);
  }
});

async function checkRow(t: ExecutionContext, row: RouteAccessRow, route: Route): Promise<void> {
  const { reader: peer } = ready();
  const writes = route.method !== 'GET';
  // The legal votes act on the asset's open proposal, whatever the row before them did to the last one.
  const proposalId = /LegalProposal$/.test(row.operationId) ? await openLegalProposal(stack, ready().world.shared.assetId) : undefined;
  for (const persona of ROUTE_PERSONAS) {
    const expected = row.outcomes[persona];
    const records: RouteCallRecords = { ...sharedRecords(persona, proposalId), ...(writes && expected === 'allow' ? ownRecords(row.operationId, persona) : {}) };
    const call = routeCallOf(row.operationId, records);
    const client = await clientFor(row.operationId, persona);
    const reads = readsOf(row.operationId, records);
    const mayBeRefused = expected !== 'allow' || row.reachedRefusals !== undefined;
    const before = mayBeRefused && reads.length > 0 ? await readAll(peer, reads) : undefined;
    const answer = await client.send(route.method, call.path, call.options);
    const outcome = outcomeOf(answer, row);
    t.is(outcome, expected, `${persona} (${DESKS[persona].username}@${DESKS[persona].console}): ${answer.status} ${answer.text.slice(0, 300)}`);
    totals.calls += 1;
    if (outcome === 'allow' && answer.status < 300) totals.served += 1;
    else if (outcome === 'allow') {
      totals.reached += 1;
      const code = (answer.body as { code?: string }).code ?? '';
      reachedCodes.set(code, (reachedCodes.get(code) ?? 0) + 1);
    }
    else if (outcome === 'login' || outcome === 'role' || outcome === 'bank') totals[outcome] += 1;
    if (answer.status >= 300 && before !== undefined) {
      t.deepEqual(await readAll(peer, reads), before, `${persona}'s refused ${row.operationId} left the records it names as they were`);
      totals.readsCompared += 1;
    }
  }
}

for (const row of ROUTE_ACCESS_MATRIX) {
  const route = byOperation.get(row.operationId);
  test.serial(`${route?.method ?? '?'} ${route?.template ?? row.operationId} on the real network: ${ROUTE_PERSONAS.map((persona) => `${persona} ${row.outcomes[persona]}`).join(', ')}`, async (t) => {
    if (route === undefined) return t.fail(`${row.operationId} is not in openapi.json`);
    await checkRow(t, row, route);
  });
}

/** Each listed path once, filled in with the shared world's records (the path of its first operation's call, query dropped). */
function listedPaths(persona: RoutePersona): Array<{ readonly path: string; readonly methods: readonly string[] }> {
  const byTemplate = new Map<string, { path: string; methods: string[] }>();
  for (const route of routes.routes) {
    const entry = byTemplate.get(route.template) ?? { path: routeCallOf(route.operationId, sharedRecords(persona)).path.split('?')[0] as string, methods: [] };
    entry.methods.push(route.method);
    byTemplate.set(route.template, entry);
  }
  return [...byTemplate.values()];
}

const METHODS = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'] as const;

test.serial('deny by default: every persona gets 404 for a path the document does not list and 405 for a method it does not list on a listed path, typed, and nothing is written', async (t) => {
  const { clients, reader: peer, world } = ready();
  const every = readsOf('getTransfer', sharedRecords('alice')).concat(readsOf('getBridgeOut', sharedRecords('alice')), readsOf('getAdoption', sharedRecords('alice')), readsOf('freezeHolding', sharedRecords('alice')));
  const before = await readAll(peer, every);
  for (const persona of ROUTE_PERSONAS) {
    const client = clients[persona];
    const unknown = [
      ['GET', '/api/v1/no-such-route'],
      ['POST', `/api/v1/transfers/${world.shared.transferId}/settle`],
      ['DELETE', `/api/v1/investors/${world.shared.annaA}/pii/all`],
      ['GET', '/api/v2/openapi.json'],
    ] as const;
    for (const [method, path] of unknown) {
      const answer = await client.send(method, path);
      t.is(answer.status, 404, `${persona} ${method} ${path}: ${answer.text.slice(0, 200)}`);
      t.like(answer.body, { code: 'OFFICER_ROUTE_UNKNOWN' }, `${persona} ${method} ${path}`);
      totals.denyByDefault += 1;
    }
    for (const { path, methods } of listedPaths(persona)) {
      const method = METHODS.find((candidate) => !methods.includes(candidate));
      if (method === undefined) continue;
      const answer = await client.send(method, path);
      t.is(answer.status, 405, `${persona} ${method} ${path}: ${answer.text.slice(0, 200)}`);
      t.like(answer.body, { code: 'OFFICER_ROUTE_UNKNOWN' }, `${persona} ${method} ${path}`);
      t.deepEqual((answer.headers.get('allow') ?? '').split(', ').sort(), [...methods].sort(), `${persona} ${method} ${path}: Allow names the document's methods`);
      totals.denyByDefault += 1;
    }
  }
  t.deepEqual(await readAll(peer, every), before, 'the shared records are as they were');
});

test.serial('every operation was called as every persona (the count)', (t) => {
  const refused = totals.login + totals.role + totals.bank;
  t.log(
    `officer routes on the real network: ${ROUTE_ACCESS_MATRIX.length} operations × ${ROUTE_PERSONAS.length} personas = ${totals.calls} calls; ` +
      `allowed ${totals.served + totals.reached} (${totals.served} served, ${totals.reached} refused past every access check: ${[...reachedCodes].map(([code, count]) => `${code} ${count}`).join(', ') || 'none'}), ` +
      `refused ${refused} (login ${totals.login}, role ${totals.role}, bank ${totals.bank}); ${totals.readsCompared} refused answers with the records they name read unchanged before and after; ` +
      `${totals.denyByDefault} calls of unlisted paths and methods refused`,
  );
  t.is(totals.calls, ROUTE_ACCESS_MATRIX.length * ROUTE_PERSONAS.length);
});

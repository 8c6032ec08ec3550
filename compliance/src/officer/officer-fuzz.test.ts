import test from 'ava';
import fc from 'fast-check';
import { isDeepStrictEqual } from 'node:util';
import { isTrestleErrorCode } from '../errors/error-code';
import { fuzzBudget, replayHint, seedFor } from '../testing/fuzz-budget';
import { specOperations, type OpenApiDocument, type SpecOperation } from '../testing/rest-fuzz/openapi-operations';
import { jsonObjectOf, sendRaw, type RawResponse } from '../testing/rest-fuzz/raw-request';
import { REFUSED_FLAWS, specAccepts, specRequest, type FuzzCase, type RequestShaping } from '../testing/rest-fuzz/spec-requests';
import { sessionCookieName } from './http/cookies';
import { httpStatusOf } from './http/error-status';
import { loadOfficerSpec } from './http/openapi-document';
import { ADOPTION_OPERATIONS, FUZZ_KNOWN_VALUES, FUZZ_PEOPLE, keepAdoptionsWaiting, startAdoptionFuzzWorld, startFuzzWorld, type FuzzPerson, type FuzzWorld } from './testing/fuzz-world';

// Invariant 5 for the officer service, generated from openapi.json: every operation gets requests
// built from its document (well-formed ones naming the fuzz world's records, and broken ones),
// over raw HTTP, each as one of four logged-in people (BankA officer, BankB officer, regulator, a
// BankA account without a ledger role) with their session cookie and CSRF token. Every answer is a
// 2xx or a typed error `{code, message, details}` with a code of the closed list at the status the
// service maps it to: never a 5xx, another body, a dropped connection or a hang. A refused request
// leaves the ledger of the in-process chaincode stub (world state, private data, history) exactly
// as it was. Cases run one at a time: the before/after comparison needs the ledger to itself. The
// adoption routes run on a second service whose ledger has BankB gone and BankA's adoption
// requests waiting (made again before a case when the fuzz rejected one), so they can succeed.

const DOCUMENT: OpenApiDocument = loadOfficerSpec();
const OPERATIONS = specOperations(DOCUMENT);
// The service refuses unknown fields in every object, though the document leaves additionalProperties
// unset; and an update or adoption names the investor in the body as in the path (the document's prose).
const SHAPING: RequestShaping = { document: DOCUMENT, known: FUZZ_KNOWN_VALUES, closedObjects: true, bodyRepeatsPath: ['investorId'] };
// 70 cases per operation: 2,520 over the 36 operations.
const budget = fuzzBudget(70);
const RESPONSE_TIME_LIMIT_MS = 5_000;
const COOKIE = sessionCookieName(false);

type Tally = { cases: number; success: number; byCode: Map<string, number>; successfulWrites: number };
const tallies = new Map<string, Tally>();
const casesByPerson = new Map<FuzzPerson, number>();
const startedAt = Date.now();

let mainWorld: FuzzWorld;
/** BankB has left and BankA's adoption requests wait: the adoption routes run here (ADOPTION_OPERATIONS). */
let adoptionWorld: FuzzWorld;
/** Each world's people's live session id and CSRF token. */
const sessions = new Map<FuzzWorld, Map<FuzzPerson, { id: string; csrfToken: string }>>();

test.before(async () => {
  mainWorld = await startFuzzWorld();
  adoptionWorld = await startAdoptionFuzzWorld();
  for (const world of [mainWorld, adoptionWorld]) {
    sessions.set(world, new Map());
    for (const person of FUZZ_PEOPLE) {
      const client = world.harness.client();
      const answer = await client.login(person);
      if (answer.status !== 200 || client.cookie === undefined || client.csrfToken === undefined) throw new Error(`login as ${person} failed: ${answer.text}`);
      sessions.get(world)?.set(person, { id: client.cookie.slice(`${COOKIE}=`.length), csrfToken: client.csrfToken });
    }
  }
});

test.after.always(async () => {
  await mainWorld?.harness.close();
  await adoptionWorld?.harness.close();
});

/**
 * The person's session in `world`, opened again when a fuzzed logout or login ended it. Straight in
 * the session store rather than by logging in: fuzzed wrong passwords may have throttled the account.
 */
function sessionOf(world: FuzzWorld, person: FuzzPerson): { id: string; csrfToken: string } {
  const { sessions: store } = world.harness.server.context;
  const current = sessions.get(world)?.get(person);
  if (current !== undefined && store.use(current.id) !== undefined) return current;
  const { id, session } = store.create(world.accounts[person]);
  const renewed = { id, csrfToken: session.csrfToken };
  sessions.get(world)?.set(person, renewed);
  return renewed;
}

function asPerson(world: FuzzWorld, request: FuzzCase, person: FuzzPerson): FuzzCase {
  const session = sessionOf(world, person);
  return { ...request, headers: { ...request.headers, Cookie: `${COOKIE}=${session.id}`, 'X-CSRF-Token': session.csrfToken } };
}

const excerpt = (response: RawResponse) => response.body.toString('utf8').slice(0, 300);

/** What is wrong with `response`, or undefined when it is a 2xx or a typed error the service maps right. */
function problemWith(operation: SpecOperation, request: FuzzCase, response: RawResponse): string | undefined {
  const contentType = String(response.headers['content-type'] ?? '');
  if (response.status >= 200 && response.status <= 299) {
    // Requests the document refuses for sure: a broken body or query value, or a method and path no operation has.
    if (REFUSED_FLAWS.has(request.flaw)) return `a request with a ${request.flaw} flaw got ${response.status}: ${excerpt(response)}`;
    if (!OPERATIONS.some((candidate) => specAccepts(candidate, request, SHAPING))) return `a request no operation accepts got ${response.status}: ${excerpt(response)}`;
    if (!specAccepts(operation, request, SHAPING)) return undefined;
    if (!operation.responses.has(String(response.status))) return `${response.status} is not a response the document declares`;
    const declared = operation.responses.get(String(response.status));
    if (declared === undefined) return response.body.length === 0 ? undefined : `${response.status} declares no content but came with ${response.body.length} bytes`;
    if (!contentType.startsWith(declared.mediaType)) return `content type ${contentType}, the document declares ${declared.mediaType}`;
    if (declared.mediaType === 'application/json' && jsonObjectOf(response.body) === undefined) return `the ${response.status} body is not a JSON object: ${excerpt(response)}`;
    return undefined;
  }
  if (response.status < 400 || response.status > 499) return `answered ${response.status}: ${excerpt(response)}`;
  if (!contentType.startsWith('application/json')) return `refused with ${response.status} as ${contentType || 'no content type'}: ${excerpt(response)}`;
  const error = jsonObjectOf(response.body);
  if (error === undefined || !isTrestleErrorCode(error.code) || typeof error.message !== 'string' || typeof error.details !== 'object' || error.details === null) {
    return `refused with ${response.status} but not a typed error: ${excerpt(response)}`;
  }
  // The one status the code does not say: a path that exists without this method (with an Allow header).
  const expected = error.code === 'OFFICER_ROUTE_UNKNOWN' && response.status === 405 ? 405 : httpStatusOf(error.code);
  return response.status === expected ? undefined : `${error.code} came with ${response.status}, the service maps it to ${expected}`;
}

function describe(request: FuzzCase, person: FuzzPerson): string {
  return `${person}: ${request.flaw} ${request.method} ${request.target.slice(0, 200)} body ${request.body === undefined ? 'none' : Buffer.from(request.body).toString('utf8').slice(0, 200)}`;
}

function codeOf(response: RawResponse): string {
  if (response.status < 300) return String(response.status);
  return `${response.status} ${String(jsonObjectOf(response.body)?.code)}`;
}

for (const operation of OPERATIONS) {
  const title = `${operation.method} ${operation.path} (${operation.operationId}) answers every generated request with 2xx or a typed error, and a refusal changes no ledger state`;
  test.serial(title, async (t) => {
    const tally: Tally = { cases: 0, success: 0, byCode: new Map(), successfulWrites: 0 };
    const adoption = ADOPTION_OPERATIONS.has(operation.operationId);
    const world = adoption ? adoptionWorld : mainWorld;
    await fc.assert(
      fc.asyncProperty(specRequest(operation, SHAPING), fc.constantFrom(...FUZZ_PEOPLE), async (generated, person) => {
        // Before the snapshot: a request the fuzz rejected or withdrew is made again, so approvals and rejections have one to act on.
        if (adoption) await keepAdoptionsWaiting(world);
        const request = asPerson(world, generated, person);
        const before = world.harness.snapshot();
        const response = await sendRaw(world.harness.server.url, request, RESPONSE_TIME_LIMIT_MS).catch((error: unknown) => {
          throw new Error(`${describe(request, person)}: ${(error as Error).message}`);
        });
        const problem = problemWith(operation, request, response);
        if (problem !== undefined) throw new Error(`${describe(request, person)}: ${problem}`);
        const succeeded = response.status < 300;
        const unchanged = isDeepStrictEqual(world.harness.snapshot(), before);
        if (!succeeded && !unchanged) throw new Error(`${describe(request, person)}: refused with ${codeOf(response)} but the ledger changed`);
        tally.cases += 1;
        casesByPerson.set(person, (casesByPerson.get(person) ?? 0) + 1);
        if (succeeded) tally.success += 1;
        if (succeeded && !unchanged) tally.successfulWrites += 1;
        tally.byCode.set(codeOf(response), (tally.byCode.get(codeOf(response)) ?? 0) + 1);
      }),
      { seed: seedFor(budget.seed, title), numRuns: budget.runs, includeErrorInReport: true },
    ).catch((error: unknown) => {
      // fast-check prints the counterexample's body byte by byte; the error line below names the case.
      throw new Error(`${replayHint(budget)}: ${(error as Error).message.replace(/^(Counterexample: .{0,400}).*$/m, '$1…')}`, { cause: error });
    });
    tallies.set(operation.operationId, tally);
    t.log(`${tally.cases} requests, ${tally.success} 2xx; ${[...tally.byCode].sort(([a], [b]) => a.localeCompare(b)).map(([code, count]) => `${code} ×${count}`).join(', ')}`);
    t.is(tally.cases, budget.runs, 'every generated request was sent and judged');
  });
}

test.serial('the fuzz reached every operation, and a good share of its requests succeeded', (t) => {
  const all = [...tallies.values()];
  const cases = all.reduce((sum, tally) => sum + tally.cases, 0);
  const success = all.reduce((sum, tally) => sum + tally.success, 0);
  const byCode = new Map<string, number>();
  for (const tally of all) for (const [code, count] of tally.byCode) byCode.set(code, (byCode.get(code) ?? 0) + count);
  t.log(`${cases} requests over ${tallies.size} operations, seed ${budget.seed}, ${((Date.now() - startedAt) / 1000).toFixed(1)} s`);
  t.log(`per person: ${FUZZ_PEOPLE.map((person) => `${person} ${casesByPerson.get(person) ?? 0}`).join(', ')} (alice BankA officer, carol BankB officer, rita regulator, mallory without a ledger role)`);
  t.log(`per operation: ${[...tallies].map(([id, tally]) => `${id} ${tally.cases} (${tally.success} 2xx)`).join(', ')}`);
  t.log(`outcomes: ${success} 2xx; ${[...byCode].filter(([code]) => !code.startsWith('2')).sort(([, a], [, b]) => b - a).map(([code, count]) => `${code} ×${count}`).join(', ')}`);
  const writes = all.reduce((sum, tally) => sum + tally.successfulWrites, 0);
  t.log(`${writes} successful requests wrote to the ledger`);
  t.is(tallies.size, OPERATIONS.length);
  t.true(FUZZ_PEOPLE.every((person) => (casesByPerson.get(person) ?? 0) > 0), 'every person sent requests');
  t.true(success >= cases / 8, `at least an eighth of the requests should succeed (${success} of ${cases}), or the fuzz exercises little beyond the 400 path`);
  // The comparison that guards refusals sees writes: successful approvals, freezes and onboardings changed the snapshot.
  t.true(writes > 0, 'no successful request changed the ledger snapshot, so the unchanged-after-refusal check proves nothing');
});

import test from 'ava';
import fc from 'fast-check';
import { isDeepStrictEqual } from 'node:util';
import { isTrestleErrorCode } from '@trestle/compliance/src/errors/error-code';
import { fuzzBudget, replayHint, seedFor } from '@trestle/compliance/src/testing/fuzz-budget';
import { MAX_UINT256 } from '@trestle/compliance/src/ledger/wallet-binding';
import { resolveSchema, specOperations, type OpenApiDocument, type SpecOperation } from '@trestle/compliance/src/testing/rest-fuzz/openapi-operations';
import { jsonObjectOf, sendRaw, type RawResponse } from '@trestle/compliance/src/testing/rest-fuzz/raw-request';
import { specAccepts, specRequest, type FuzzRequest, type RequestShaping } from '@trestle/compliance/src/testing/rest-fuzz/spec-requests';
import { OPENAPI_SPEC } from '../../src/plugin/public-api';
import type { InMemoryAttestationLedger } from '../../src/validator/testing/in-memory-attestation-ledger';
import { hostPlugin, type HostedPlugin } from './hosted-plugin';

// Invariant 5 of the design for the plugin's REST routes, as generated from its OpenAPI document:
// over real HTTP to the plugin hosted by ApiServer, a request the spec accepts gets 2xx with the
// declared body, anything else a 4xx with a typed error body; never a 5xx, a dropped connection
// or a hang, and the ledger the plugin reads is never changed.

const DOCUMENT: OpenApiDocument = OPENAPI_SPEC;
const OPERATIONS = specOperations(DOCUMENT);
// What the spec says in prose rather than in the schema: its nonce pattern allows 78 digits, its
// description says uint256, which 78 nines exceed.
const SHAPING: RequestShaping = { document: DOCUMENT, parameterMeaning: { nonce: (value) => BigInt(value) <= MAX_UINT256 } };
// 400 cases per route: 2,000 in all, most of them refused before they reach the EVM node.
const budget = fuzzBudget(400);
const RESPONSE_TIME_LIMIT_MS = 5_000;
const totals = { cases: 0, accepted: 0 };

let hosted: HostedPlugin;

test.before(async () => {
  hosted = await hostPlugin();
  // A burn attestation too, so the attestations route has both halves to show for nonce 1.
  const validator = (await hosted.ledger.mint(1n))!.signatures[0]!.validator;
  await hosted.ledger.recordBurnAttestation({
    chainId: 31337n, txHash: `0x${'ab'.repeat(32)}`, logIndex: 0, blockNumber: 1, blockHash: `0x${'cd'.repeat(32)}`,
    token: validator, from: validator, amount: 5n, fabricInvestorRef: `0x${'ef'.repeat(32)}`, burnNonce: 1n, validator,
  });
});

test.after.always(async () => {
  await hosted?.host.shutdown();
});

/** Everything the plugin could change in the ledger stub, copied. */
async function ledgerState(ledger: InMemoryAttestationLedger): Promise<unknown> {
  return structuredClone({ pending: await ledger.pendingMints(), mint: await ledger.mint(1n), burns: ledger.allBurnAttestations() });
}

/** What is wrong with `response` to `request`, or undefined when it is what the spec promises. */
function problemWith(operation: SpecOperation, accepted: boolean, response: RawResponse): string | undefined {
  const contentType = String(response.headers['content-type'] ?? '');
  if (accepted) {
    if (response.status < 200 || response.status > 299) return `a request the spec accepts got ${response.status}: ${response.body.toString('utf8').slice(0, 300)}`;
    const declared = operation.responses.get(String(response.status));
    if (declared === undefined) return `${response.status} is not a response the spec declares`;
    if (!contentType.startsWith(declared.mediaType)) return `content type ${contentType}, the spec declares ${declared.mediaType}`;
    if (declared.mediaType !== 'application/json') return undefined;
    const body = jsonObjectOf(response.body);
    const missing = (resolveSchema(DOCUMENT, declared.schema).required ?? []).filter((key) => body === undefined || !(key in body));
    return missing.length === 0 ? undefined : `the body lacks ${missing.join(', ')}`;
  }
  if (response.status < 400 || response.status > 499) return `a request the spec refuses got ${response.status}: ${response.body.toString('utf8').slice(0, 300)}`;
  if (!contentType.startsWith('application/json')) return `refused with ${response.status} but as ${contentType || 'no content type'}: ${response.body.toString('utf8').slice(0, 300)}`;
  const error = jsonObjectOf(response.body);
  if (error?.name !== 'TrestleError' || !isTrestleErrorCode(error.code) || typeof error.message !== 'string') return `refused with ${response.status} but not a typed error: ${response.body.toString('utf8').slice(0, 300)}`;
  return undefined;
}

function describe(request: FuzzRequest): string {
  return `${request.method} ${request.target.slice(0, 200)} ${JSON.stringify(request.headers)} body ${request.body?.length ?? 'none'}`;
}

for (const operation of OPERATIONS) {
  const title = `${operation.method} ${operation.path} (${operation.operationId}) answers what the spec accepts with 2xx and anything else with a typed 4xx, changing nothing`;
  test(title, async (t) => {
    const statuses = new Map<number, number>();
    let cases = 0;
    let accepted = 0;
    await fc.assert(
      fc.asyncProperty(specRequest(operation, SHAPING), async (request) => {
        cases += 1;
        const before = await ledgerState(hosted.ledger);
        const response = await sendRaw(hosted.host.url, request, RESPONSE_TIME_LIMIT_MS).catch((error: unknown) => {
          throw new Error(`${describe(request)}: ${(error as Error).message}`);
        });
        const wellFormed = specAccepts(operation, request, SHAPING);
        const problem = problemWith(operation, wellFormed, response);
        if (problem !== undefined) throw new Error(`${describe(request)}: ${problem}`);
        if (!isDeepStrictEqual(await ledgerState(hosted.ledger), before)) throw new Error(`${describe(request)}: the ledger changed`);
        if (wellFormed) accepted += 1;
        statuses.set(response.status, (statuses.get(response.status) ?? 0) + 1);
      }),
      { seed: seedFor(budget.seed, title), numRuns: budget.runs, includeErrorInReport: true },
    ).catch((error: unknown) => {
      throw new Error(`${replayHint(budget)}: ${(error as Error).message}`, { cause: error });
    });
    totals.cases += cases;
    totals.accepted += accepted;
    t.log(`${cases} requests: ${accepted} well-formed; statuses ${[...statuses].sort(([a], [b]) => a - b).map(([status, count]) => `${status} ×${count}`).join(', ')}`);
    t.true(accepted > 0 && accepted < cases, 'the runs reached both well-formed and refused requests');
  });
}

test.after.always('totals', (t) => {
  t.log(`${totals.cases} requests over ${OPERATIONS.length} routes (${totals.accepted} well-formed), seed ${budget.seed}`);
});

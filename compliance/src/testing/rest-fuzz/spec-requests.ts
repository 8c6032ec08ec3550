import fc from 'fast-check';
import { MAX_UINT256 } from '../../ledger/wallet-binding';
import { resolveSchema, type OpenApiDocument, type SpecOperation, type SpecParameter } from './openapi-operations';
import { BREAKAGES, breakValue, refusedParameterText, validValue, type Breakage, type KnownValues } from './schema-values';

/** One HTTP request as sent on the wire: the request target is raw, percent-escapes and all. */
export type FuzzRequest = {
  readonly method: string;
  readonly target: string;
  readonly headers: Readonly<Record<string, string>>;
  readonly body: Uint8Array | undefined;
};

/** How a case differs from a well-formed request of its operation. */
export type Flaw = 'none' | 'headers-only' | 'path-value' | 'query' | 'query-value' | 'body' | `body-${Breakage}` | 'method' | 'sub-path';

/** A generated request and what was done to it. */
export type FuzzCase = FuzzRequest & { readonly flaw: Flaw };

/** Flaws that break the operation's schemas where a server following its document must refuse the request. */
export const REFUSED_FLAWS: ReadonlySet<Flaw> = new Set<Flaw>(['query-value', ...BREAKAGES.map((breakage): Flaw => `body-${breakage}`)]);

/** What a fuzzer knows beyond the document. */
export type RequestShaping = {
  readonly document: OpenApiDocument;
  /** Values that exist on the server (record ids, codes it knows), by parameter or field name, used in most well-formed requests. */
  readonly known?: KnownValues;
  /** What the document says only in prose, by parameter name. */
  readonly parameterMeaning?: Readonly<Record<string, (value: string) => boolean>>;
  /** The server refuses unknown fields of every object, not only of those with `additionalProperties: false`. */
  readonly closedObjects?: boolean;
  /** Body fields that must repeat the path parameter of the same name (the document says so in prose): well-formed bodies do. */
  readonly bodyRepeatsPath?: readonly string[];
};

/** The path value a well-formed request uses for a parameter the shaping knows no value of. */
const DEFAULT_PATH_VALUE = '1';

/** Whether `raw` (percent-encoded, as it sits in the path) decodes to a value the parameter accepts. */
function acceptsPathValue(shaping: RequestShaping, parameter: SpecParameter, raw: string): boolean {
  let value: string;
  try {
    value = decodeURIComponent(raw);
  } catch {
    return false;
  }
  const schema = resolveSchema(shaping.document, parameter.schema);
  if (value === '' || (schema.pattern !== undefined && !new RegExp(schema.pattern, 'u').test(value))) return false;
  if ((schema.maxLength !== undefined && value.length > schema.maxLength) || (schema.minLength !== undefined && value.length < schema.minLength)) return false;
  return shaping.parameterMeaning?.[parameter.name]?.(value) ?? true;
}

/**
 * Whether the document accepts the method, path and query names of `request` for `operation`: its
 * method, the path with each parameter decoding to an accepted value, only declared query
 * parameters, and no body unless one is declared. Query values and the body's content are not
 * judged here (`REFUSED_FLAWS` says which generated ones are broken).
 */
export function specAccepts(operation: SpecOperation, request: FuzzRequest, shaping: RequestShaping): boolean {
  if (request.method !== operation.method) return false;
  const [path = '', query = ''] = splitTarget(request.target);
  const names: string[] = [];
  const template = new RegExp(`^${operation.path.replace(/[.*+?^$()|[\]\\]/g, '\\$&').replace(/\{([^}]+)\}/g, (_, name: string) => (names.push(name), '([^/]*)'))}$`);
  const match = template.exec(path);
  if (match === null) return false;
  const pathParameters = operation.parameters.filter((p) => p.in === 'path');
  if (!names.every((name, index) => pathParameters.some((p) => p.name === name && acceptsPathValue(shaping, p, match[index + 1] ?? '')))) return false;
  const declared = new Set(operation.parameters.filter((p) => p.in === 'query').map((p) => p.name));
  if (![...new URLSearchParams(query).keys()].every((key) => declared.has(key))) return false;
  return operation.takesBody || request.body === undefined || request.body.length === 0;
}

function splitTarget(target: string): [string, string] {
  const at = target.indexOf('?');
  return at === -1 ? [target, ''] : [target.slice(0, at), target.slice(at + 1)];
}

/** `encodeURIComponent` of the UTF-8 a client would send: a lone surrogate becomes U+FFFD instead of throwing. */
const escape = (text: string): string => encodeURIComponent(Buffer.from(text, 'utf8').toString('utf8'));

const oddText: fc.Arbitrary<string> = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 30 }),
  fc.constantFrom('', ' ', '-1', '+1', '1.5', '1e3', '0x10', '１', 'null', '[]', '{}', '__proto__', '..', '.', '\u0000', '\u{10ffff}', '<script>', "' OR 1=1"),
);

/** Percent-escapes that do not decode (cut short, not hex, overlong, surrogates) and ones that decode to a slash or NUL. */
const RAW_ESCAPES = ['%', '%2', '%zz', '%E0%A4%A', '%C0%80', '%ED%A0%80', '%FF', '%00', '%2F', '%2e%2e', '1%', '%u0031'];

/** A path segment for `parameter`: known values, accepted ones and near misses alike, as it sits in the path. */
function pathValue(shaping: RequestShaping, parameter: SpecParameter): fc.Arbitrary<string> {
  const pattern = resolveSchema(shaping.document, parameter.schema).pattern;
  const matching = pattern === undefined ? fc.string({ minLength: 1, maxLength: 20 }) : fc.stringMatching(new RegExp(pattern, 'u'));
  const known = (shaping.known?.[parameter.name] ?? []).map(String);
  return fc.oneof(
    { weight: known.length === 0 ? 0 : 2, arbitrary: fc.constantFrom(...(known.length === 0 ? [DEFAULT_PATH_VALUE] : known)).map(escape) },
    { weight: 4, arbitrary: matching.map(escape) },
    { weight: 2, arbitrary: fc.constantFrom('0', '1', '2', '99', MAX_UINT256.toString(), (MAX_UINT256 + 1n).toString(), '9'.repeat(78), '9'.repeat(79), '-0', '007') },
    { weight: 1, arbitrary: fc.integer({ min: 79, max: 8_000 }).map((digits) => '7'.repeat(digits)) },
    { weight: 2, arbitrary: oddText.map(escape) },
    { weight: 2, arbitrary: fc.constantFrom(...RAW_ESCAPES) },
  );
}

/** `operation.path` with each parameter filled by `valueOf`. */
function filledPath(operation: SpecOperation, valueOf: (parameter: SpecParameter) => fc.Arbitrary<string>): fc.Arbitrary<string> {
  const parameters = operation.parameters.filter((p) => p.in === 'path');
  return fc.tuple(...parameters.map(valueOf)).map((values) => operation.path.replace(/\{([^}]+)\}/g, (_, name: string) => values[parameters.findIndex((p) => p.name === name)] ?? ''));
}

/** The path parameters of a well-formed request, decoded: known values (or ones the schema accepts), else `DEFAULT_PATH_VALUE`. */
function wellFormedPathValues(shaping: RequestShaping, operation: SpecOperation, onlyKnown: boolean): fc.Arbitrary<Record<string, string>> {
  const parameters = operation.parameters.filter((p) => p.in === 'path');
  const valueOf = (parameter: SpecParameter) =>
    (shaping.known?.[parameter.name] ?? []).length === 0 ? fc.constant(DEFAULT_PATH_VALUE) : validValue(shaping.document, parameter.schema, shaping.known, parameter.name, onlyKnown).map(String);
  return fc.record(Object.fromEntries(parameters.map((p) => [p.name, valueOf(p)])));
}

/** The declared query parameters with values the schema accepts: the required ones always, the others now and then. */
function wellFormedQuery(shaping: RequestShaping, operation: SpecOperation, onlyKnown: boolean): fc.Arbitrary<Record<string, string>> {
  const parameters = operation.parameters.filter((p) => p.in === 'query');
  const model = Object.fromEntries(parameters.map((p) => [p.name, validValue(shaping.document, p.schema, shaping.known, p.name, onlyKnown).map(String)]));
  return fc.record(model, { requiredKeys: parameters.filter((p) => p.required === true).map((p) => p.name) }) as fc.Arbitrary<Record<string, string>>;
}

/** `value` with every field named in `names` set to the path parameter of that name. */
function repeatingPath(value: unknown, names: readonly string[], path: Readonly<Record<string, string>>): unknown {
  if (Array.isArray(value)) return value.map((item) => repeatingPath(item, names, path));
  if (typeof value !== 'object' || value === null) return value;
  return Object.fromEntries(Object.entries(value).map(([key, field]) => [key, names.includes(key) && path[key] !== undefined ? path[key] : repeatingPath(field, names, path)]));
}

/**
 * The parts of a well-formed request: path parameters, query and body. Half of them use only the
 * shaping's known values where it has some, so requests with many fields can succeed; the other
 * half mix in values drawn from the schema (unknown ids among them).
 */
function wellFormedParts(shaping: RequestShaping, operation: SpecOperation): fc.Arbitrary<{ path: Record<string, string>; query: Record<string, string>; body: unknown }> {
  const parts = (onlyKnown: boolean) =>
    fc.record({
      path: wellFormedPathValues(shaping, operation, onlyKnown),
      query: wellFormedQuery(shaping, operation, onlyKnown),
      body: operation.body === undefined ? fc.constant(undefined) : validValue(shaping.document, operation.body, shaping.known, undefined, onlyKnown),
    });
  return fc.oneof(parts(true), parts(false)).map(({ path, query, body }) => ({ path, query, body: body === undefined ? undefined : repeatingPath(body, shaping.bodyRepeatsPath ?? [], path) }));
}

const queryString: fc.Arbitrary<string> = fc.oneof(
  fc.dictionary(oddText, oddText, { minKeys: 1, maxKeys: 3 }).map((entries) => new URLSearchParams(entries).toString()),
  fc.constantFrom('', '&', '=', '=1', 'a', 'nonce=1', 'a=1&a=2', '%zz=1', 'a=%E0%A4%A', '__proto__[x]=1', 'x'.repeat(4_000)),
);

type Body = { readonly contentType: string | undefined; readonly extraHeaders?: Readonly<Record<string, string>>; readonly bytes: Uint8Array };
const utf8 = (text: string) => Buffer.from(text, 'utf8');
const jsonBody = (value: unknown): Body => ({ contentType: 'application/json', bytes: utf8(JSON.stringify(value) ?? 'null') });

/** Bodies of every kind: any JSON, malformed JSON, other content types and charsets, binary, unknown encodings, oversize. */
const junkBody: fc.Arbitrary<Body> = fc.oneof(
  fc.jsonValue({ maxDepth: 3 }).map(jsonBody),
  fc.constantFrom('{bad', '{"a":', '[1,]', '\u0000', "{'a':1}", '{"__proto__":{"x":1}}').map((text): Body => ({ contentType: 'application/json', bytes: utf8(text) })),
  fc.tuple(fc.constantFrom('text/plain', 'application/xml', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x', 'application/octet-stream', 'application/json; charset=utf-16', 'application/json; charset=klingon'), fc.string({ maxLength: 200 })).map(([contentType, text]): Body => ({ contentType, bytes: utf8(text || 'x') })),
  fc.uint8Array({ minLength: 1, maxLength: 200 }).map((bytes): Body => ({ contentType: undefined, bytes })),
  fc.constantFrom(Uint8Array.of(0x7b, 0xff, 0xfe, 0x7d), Uint8Array.of(0xc0, 0x80)).map((bytes): Body => ({ contentType: 'application/json; charset=utf-8', bytes })),
  fc.constantFrom('gzip', 'deflate', 'br', 'compress', 'x-unknown').map((encoding): Body => ({ contentType: 'application/json', extraHeaders: { 'Content-Encoding': encoding }, bytes: utf8('{"not":"compressed"}') })),
  fc.integer({ min: 100_000, max: 3_000_000 }).map((size): Body => ({ contentType: 'application/json', bytes: utf8(`"${'a'.repeat(size)}"`) })),
);

const extraHeaders: fc.Arbitrary<Record<string, string>> = fc.record(
  { Accept: fc.constantFrom('application/json', 'text/html', '*/*', 'application/xml', 'text/plain;q=0.1', 'garbage'), 'X-Fuzz': fc.stringMatching(/^[!-~]{0,40}$/), 'Accept-Encoding': fc.constantFrom('gzip', 'identity', 'br') },
  { requiredKeys: [] },
);

/**
 * Requests for `operation` built from its document: well-formed ones (its method, path parameters
 * the shaping knows or the schema accepts, the required query parameters and some optional ones,
 * a body the schema accepts), and ones with one flaw: path values that do not decode, do not match
 * or name nothing; unknown query parameters or a declared one with a refused value; bodies of
 * every kind and encoding, or the schema's body with a wrong type, a required field left out, an
 * unknown field or an oversize string; another method; a path the document does not have.
 */
export function specRequest(operation: SpecOperation, shaping: RequestShaping): fc.Arbitrary<FuzzCase> {
  const { document } = shaping;
  const hasPathParameters = operation.parameters.some((p) => p.in === 'path');
  const refusable = operation.parameters.filter((p) => p.in === 'query' && refusedParameterText(document, p.schema, 0) !== undefined);
  const bodySchema = operation.body;
  const weighted = (weight: number, flaw: Flaw) => ({ weight, arbitrary: fc.constant(flaw) });
  const flaw = fc.oneof(
    weighted(8, 'none'),
    weighted(1, 'headers-only'),
    weighted(hasPathParameters ? 3 : 0, 'path-value'),
    weighted(1, 'query'),
    weighted(refusable.length > 0 ? 2 : 0, 'query-value'),
    weighted(2, 'body'),
    ...BREAKAGES.map((breakage) => weighted(bodySchema === undefined ? 0 : 1, `body-${breakage}`)),
    weighted(1, 'method'),
    weighted(1, 'sub-path'),
  );
  return fc
    .record({
      flaw,
      fuzzedPath: filledPath(operation, (p) => pathValue(shaping, p)),
      wellFormed: wellFormedParts(shaping, operation),
      junkQuery: queryString,
      junkBody,
      method: fc.constantFrom('POST', 'PUT', 'DELETE', 'PATCH'),
      methodBody: fc.option(junkBody),
      segment: oddText,
      headers: extraHeaders,
      pick: fc.nat(),
    })
    .map(({ flaw: kind, fuzzedPath, wellFormed, junkQuery, junkBody: junk, method, methodBody, segment, headers, pick }): FuzzCase => {
      const { query, body } = wellFormed;
      const path = operation.path.replace(/\{([^}]+)\}/g, (_, name: string) => escape(wellFormed.path[name] ?? ''));
      const search = new URLSearchParams(query).toString();
      const withQuery = (at: string) => (search === '' ? at : `${at}?${search}`);
      const bare: FuzzCase = { flaw: kind, method: operation.method, target: withQuery(path), headers, body: undefined };
      const base = body === undefined ? bare : withBody(bare, jsonBody(body));
      switch (kind) {
        case 'none':
          return base;
        case 'path-value':
          return { ...base, target: withQuery(fuzzedPath) };
        case 'headers-only':
          return { ...bare, headers: { ...headers, 'Content-Type': 'application/json', 'Content-Length': '0' } };
        case 'query':
          return { ...base, target: `${path}?${junkQuery}` };
        case 'query-value': {
          const parameter = refusable[pick % refusable.length]!;
          const refused = new URLSearchParams(query);
          refused.set(parameter.name, refusedParameterText(document, parameter.schema, Math.floor(pick / refusable.length)) ?? '');
          return { ...base, target: `${path}?${refused.toString()}` };
        }
        case 'body':
          return withBody(bare, junk);
        case 'method':
          return methodBody === null ? { ...bare, method } : withBody({ ...bare, method }, methodBody);
        case 'sub-path':
          return { ...base, target: withQuery(`${path}/${escape(segment)}`) };
        default: {
          const breakage = kind.slice('body-'.length) as Breakage;
          const broken = breakValue(document, bodySchema!, body, breakage, pick, shaping.closedObjects);
          // Where the breakage applies nowhere, the whole body is of the wrong type, which always applies.
          if (broken === undefined) return { ...withBody(bare, jsonBody(breakValue(document, bodySchema!, body, 'wrong-type', pick))), flaw: 'body-wrong-type' };
          return withBody(bare, jsonBody(broken));
        }
      }
    });
}

function withBody(request: FuzzCase, sent: Body): FuzzCase {
  const headers: Record<string, string> = { ...request.headers, ...(sent.extraHeaders ?? {}) };
  if (sent.contentType !== undefined) headers['Content-Type'] = sent.contentType;
  return { ...request, headers, body: sent.bytes };
}

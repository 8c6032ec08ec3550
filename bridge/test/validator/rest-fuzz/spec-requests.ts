import fc from 'fast-check';
import { MAX_UINT256 } from '@trestle/compliance/src/ledger/wallet-binding';
import type { SpecOperation, SpecParameter } from './spec-operations';

/** One HTTP request as sent on the wire: the request target is raw, percent-escapes and all. */
export type FuzzRequest = {
  readonly method: string;
  readonly target: string;
  readonly headers: Readonly<Record<string, string>>;
  readonly body: Uint8Array | undefined;
};

// What the spec says in prose rather than in the schema: its nonce pattern allows 78 digits, its
// description says uint256, which 78 nines exceed.
const PARAMETER_MEANING: Readonly<Record<string, (value: string) => boolean>> = {
  nonce: (value) => BigInt(value) <= MAX_UINT256,
};

/** Whether `raw` (percent-encoded, as it sits in the path) decodes to a value the parameter accepts. */
function acceptsPathValue(parameter: SpecParameter, raw: string): boolean {
  let value: string;
  try {
    value = decodeURIComponent(raw);
  } catch {
    return false;
  }
  if (value === '' || (parameter.schema.pattern !== undefined && !new RegExp(parameter.schema.pattern, 'u').test(value))) return false;
  return PARAMETER_MEANING[parameter.name]?.(value) ?? true;
}

/**
 * Whether the spec accepts `request` for `operation`: its method, the path with each parameter
 * decoding to an accepted value, only declared query parameters, and no body unless one is
 * declared. The plugin must answer exactly these with 2xx and everything else with a typed 4xx.
 */
export function specAccepts(operation: SpecOperation, request: FuzzRequest): boolean {
  if (request.method !== operation.method) return false;
  const [path = '', query = ''] = splitTarget(request.target);
  const names: string[] = [];
  const template = new RegExp(`^${operation.path.replace(/[.*+?^$()|[\]\\]/g, '\\$&').replace(/\{([^}]+)\}/g, (_, name: string) => (names.push(name), '([^/]*)'))}$`);
  const match = template.exec(path);
  if (match === null) return false;
  const pathParameters = operation.parameters.filter((p) => p.in === 'path');
  if (!names.every((name, index) => pathParameters.some((p) => p.name === name && acceptsPathValue(p, match[index + 1] ?? '')))) return false;
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

/** A path segment for `parameter`: accepted values and near misses alike, as it sits in the path. */
function pathValue(parameter: SpecParameter): fc.Arbitrary<string> {
  const pattern = parameter.schema.pattern;
  const matching = pattern === undefined ? fc.string({ minLength: 1, maxLength: 20 }) : fc.stringMatching(new RegExp(pattern, 'u'));
  return fc.oneof(
    { weight: 4, arbitrary: matching.map(escape) },
    { weight: 2, arbitrary: fc.constantFrom('0', '1', '2', '99', MAX_UINT256.toString(), (MAX_UINT256 + 1n).toString(), '9'.repeat(78), '9'.repeat(79), '-0', '007') },
    { weight: 1, arbitrary: fc.integer({ min: 79, max: 8_000 }).map((digits) => '7'.repeat(digits)) },
    { weight: 2, arbitrary: oddText.map(escape) },
    { weight: 2, arbitrary: fc.constantFrom(...RAW_ESCAPES) },
  );
}

/** The request target for `operation` with its path parameters filled. */
function target(operation: SpecOperation): fc.Arbitrary<string> {
  const parameters = operation.parameters.filter((p) => p.in === 'path');
  return fc.tuple(...parameters.map(pathValue)).map((values) => operation.path.replace(/\{([^}]+)\}/g, (_, name: string) => values[parameters.findIndex((p) => p.name === name)] ?? ''));
}

const queryString: fc.Arbitrary<string> = fc.oneof(
  fc.dictionary(oddText, oddText, { minKeys: 1, maxKeys: 3 }).map((entries) => new URLSearchParams(entries).toString()),
  fc.constantFrom('', '&', '=', '=1', 'a', 'nonce=1', 'a=1&a=2', '%zz=1', 'a=%E0%A4%A', '__proto__[x]=1', 'x'.repeat(4_000)),
);

type Body = { readonly contentType: string | undefined; readonly extraHeaders?: Readonly<Record<string, string>>; readonly bytes: Uint8Array };
const utf8 = (text: string) => Buffer.from(text, 'utf8');

const body: fc.Arbitrary<Body> = fc.oneof(
  fc.jsonValue({ maxDepth: 3 }).map((value): Body => ({ contentType: 'application/json', bytes: utf8(JSON.stringify(value) ?? 'null') })),
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

/** What a case changes in an otherwise well-formed request, and how often. */
type Flaw = 'none' | 'headers-only' | 'path-value' | 'query' | 'body' | 'method' | 'sub-path';

/**
 * Requests for `operation` built from its spec: well-formed ones (its method, accepted parameters,
 * no query, no body), and ones with a flaw: path parameters that do not decode or do not match,
 * unknown query parameters, bodies of every kind and encoding, another method, a path the spec
 * does not have. Whether a case is well-formed is judged by `specAccepts`, not by how it was made.
 */
export function specRequest(operation: SpecOperation): fc.Arbitrary<FuzzRequest> {
  const hasPathParameters = operation.parameters.some((p) => p.in === 'path');
  const flaw = fc.oneof(
    { weight: 3, arbitrary: fc.constant<Flaw>('none') },
    { weight: 1, arbitrary: fc.constant<Flaw>('headers-only') },
    { weight: hasPathParameters ? 4 : 0, arbitrary: fc.constant<Flaw>('path-value') },
    { weight: 2, arbitrary: fc.constant<Flaw>('query') },
    { weight: 3, arbitrary: fc.constant<Flaw>('body') },
    { weight: 2, arbitrary: fc.constant<Flaw>('method') },
    { weight: 1, arbitrary: fc.constant<Flaw>('sub-path') },
  );
  return fc
    .record({ flaw, target: target(operation), query: queryString, body, method: fc.constantFrom('POST', 'PUT', 'DELETE', 'PATCH'), methodBody: fc.option(body), segment: oddText, headers: extraHeaders })
    .map(({ flaw: kind, target: path, query, body: sent, method, methodBody, segment, headers }): FuzzRequest => {
      const wellFormedPath = kind === 'path-value' ? path : operation.path.replace(/\{[^}]+\}/g, '1');
      const base: FuzzRequest = { method: operation.method, target: wellFormedPath, headers, body: undefined };
      switch (kind) {
        case 'none':
        case 'path-value':
          return base;
        case 'headers-only':
          return { ...base, headers: { ...headers, 'Content-Type': 'application/json', 'Content-Length': '0' } };
        case 'query':
          return { ...base, target: `${wellFormedPath}?${query}` };
        case 'body':
          return withBody(base, sent);
        case 'method':
          return methodBody === null ? { ...base, method } : withBody({ ...base, method }, methodBody);
        case 'sub-path':
          return { ...base, target: `${wellFormedPath}/${escape(segment)}` };
      }
    });
}

function withBody(request: FuzzRequest, sent: Body): FuzzRequest {
  const headers: Record<string, string> = { ...request.headers, ...(sent.extraHeaders ?? {}) };
  if (sent.contentType !== undefined) headers['Content-Type'] = sent.contentType;
  return { ...request, headers, body: sent.bytes };
}

import type { IncomingMessage, ServerResponse } from 'node:http';
import { BridgeError } from '../validator/errors';

/** Where every route of the plugin lives. */
export const PLUGIN_BASE_PATH = '/api/v1/plugins/@trestle/bridge';

/** The part of an OpenAPI 3 document the guard reads. */
export type GuardedSpec = {
  readonly paths: Readonly<Record<string, Readonly<Record<string, { readonly operationId: string; readonly parameters?: ReadonlyArray<{ readonly name: string; readonly in: string }>; readonly requestBody?: unknown }>>>>;
};

type Route = {
  /** The path template as a pattern over the raw (still percent-encoded) path; one group per parameter. */
  readonly pattern: RegExp;
  readonly parameters: readonly string[];
  /** Upper-case method to the query parameters it declares and whether it takes a body. */
  readonly operations: ReadonlyMap<string, { readonly query: ReadonlySet<string>; readonly takesBody: boolean }>;
};

/** Answers one request itself, or hands it on with `next`. */
export type RequestGuard = (req: IncomingMessage, res: ServerResponse, next: () => void) => void;

const OPERATION_KEYS = new Set(['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace']);

function routesOf(spec: GuardedSpec): Route[] {
  return Object.entries(spec.paths).map(([template, item]) => {
    const parameters: string[] = [];
    const source = template.replace(/[.*+?^$()|[\]\\]/g, '\\$&').replace(/\{([^}]+)\}/g, (_, name: string) => {
      parameters.push(name);
      return '([^/]+)';
    });
    const operations = new Map(
      Object.entries(item)
        .filter(([method]) => OPERATION_KEYS.has(method))
        .map(([method, operation]) => [method.toUpperCase(), { query: new Set((operation.parameters ?? []).filter((p) => p.in === 'query').map((p) => p.name)), takesBody: operation.requestBody !== undefined }]),
    );
    return { pattern: new RegExp(`^${source}$`), parameters, operations };
  });
}

/**
 * Refuses, with a typed ErrorV1 body, every request under the plugin's base path that its OpenAPI
 * document does not describe: a path it does not have (404), a method the path does not answer
 * (405), a path parameter that is not valid percent-encoding, a query parameter it does not
 * declare or a body where none is declared (400). What the spec describes is handed on; the
 * endpoint then checks each parameter's value. Paths are matched exactly, as the spec writes them:
 * no trailing slash, case as written. OPTIONS is handed on for Cactus's CORS preflight.
 */
export function pluginRequestGuard(spec: GuardedSpec): RequestGuard {
  const routes = routesOf(spec);
  return (req, res, next) => {
    const refusal = refusalOf(routes, req);
    if (refusal === undefined) {
      next();
      return;
    }
    // Read and drop any body, so the client can finish sending it and read the answer.
    req.resume();
    res.statusCode = refusal.status;
    if (refusal.allow !== undefined) res.setHeader('Allow', refusal.allow);
    res.setHeader('Content-Type', 'application/json; charset=utf-8');
    res.end(JSON.stringify(refusal.error.toJSON()));
  };
}

type Refusal = { readonly status: number; readonly error: BridgeError; readonly allow?: string };

function refusalOf(routes: readonly Route[], req: IncomingMessage): Refusal | undefined {
  const target = req.url ?? '/';
  const queryAt = target.indexOf('?');
  const path = queryAt === -1 ? target : target.slice(0, queryAt);
  if (path !== PLUGIN_BASE_PATH && !path.startsWith(`${PLUGIN_BASE_PATH}/`)) return undefined;
  const method = (req.method ?? '').toUpperCase();
  if (method === 'OPTIONS') return undefined;
  const found = routes.map((route) => ({ route, match: route.pattern.exec(path) })).find(({ match }) => match !== null);
  if (found === undefined || found.match === null) {
    return { status: 404, error: new BridgeError('BRIDGE_ROUTE_UNKNOWN', 'The bridge plugin has no route at this path; its OpenAPI document lists the routes.') };
  }
  const operation = found.route.operations.get(method);
  if (operation === undefined) {
    const allow = [...found.route.operations.keys()].join(', ');
    return { status: 405, allow, error: new BridgeError('BRIDGE_ROUTE_UNKNOWN', 'This route does not answer the method; see the Allow header.', { allow }) };
  }
  for (const [index, name] of found.route.parameters.entries()) {
    try {
      decodeURIComponent(found.match[index + 1] ?? '');
    } catch {
      return { status: 400, error: new BridgeError('BRIDGE_REQUEST_MALFORMED', 'A path parameter is not valid percent-encoded UTF-8.', { parameter: name }) };
    }
  }
  const unknown = [...new URLSearchParams(queryAt === -1 ? '' : target.slice(queryAt + 1)).keys()].filter((key) => !operation.query.has(key));
  if (unknown.length > 0) {
    return { status: 400, error: new BridgeError('BRIDGE_REQUEST_MALFORMED', 'The request has query parameters the route does not declare; send only the declared ones.', { declared: [...operation.query] }) };
  }
  if (!operation.takesBody && hasBody(req)) {
    return { status: 400, error: new BridgeError('BRIDGE_REQUEST_MALFORMED', 'The route takes no request body; send the request without one.') };
  }
  return undefined;
}

// As HTTP/1.1 frames a request body: a chunked transfer coding, or a Content-Length above zero.
function hasBody(req: IncomingMessage): boolean {
  const length = req.headers['content-length'];
  return req.headers['transfer-encoding'] !== undefined || (length !== undefined && Number(length) !== 0);
}

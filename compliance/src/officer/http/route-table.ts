import { isRole } from '../../roles/roles';
import { SERVICE_ROLES, type ServiceRole } from '../accounts/officer-account';
import { HTTP_METHODS, parametersOf, type OpenApiDocument, type ParameterSpec } from './openapi-document';
import type { Schema } from './schema-check';

/** Who may call an operation: anyone, some roles, or nobody because the document says nothing (deny by default). */
export type Access = { readonly kind: 'public' } | { readonly kind: 'roles'; readonly roles: ReadonlySet<ServiceRole> } | { readonly kind: 'undeclared' };

/** One operation of the document, ready to serve. */
export type Route = {
  readonly operationId: string;
  readonly method: string;
  readonly template: string;
  readonly access: Access;
  readonly pathParameters: readonly ParameterSpec[];
  readonly queryParameters: ReadonlyMap<string, ParameterSpec>;
  /** The JSON body schema, when the operation takes a body. */
  readonly body: Schema | undefined;
};

/** What a request's method and path found. */
export type RouteMatch =
  | { readonly kind: 'found'; readonly route: Route; readonly rawParameters: Readonly<Record<string, string>> }
  | { readonly kind: 'no-path' }
  | { readonly kind: 'no-method'; readonly allow: readonly string[] };

type PathEntry = { readonly pattern: RegExp; readonly names: readonly string[]; readonly routes: ReadonlyMap<string, Route> };

/**
 * Reads `x-trestle-access`: "public", or a non-empty list of the service's roles. Anything else,
 * missing included, is `undeclared`, and the service refuses such an operation to everyone.
 */
export function accessOf(declared: unknown): Access {
  if (declared === 'public') return { kind: 'public' };
  if (Array.isArray(declared) && declared.length > 0 && declared.every((role) => isRole(role) && (SERVICE_ROLES as readonly string[]).includes(role))) {
    return { kind: 'roles', roles: new Set(declared as ServiceRole[]) };
  }
  return { kind: 'undeclared' };
}

/** The routes of `spec`; every served route comes from here, so nothing is served that the document does not describe. */
export class RouteTable {
  readonly routes: readonly Route[];
  readonly #paths: readonly PathEntry[];

  constructor(spec: OpenApiDocument) {
    const entries: PathEntry[] = [];
    const routes: Route[] = [];
    for (const [template, item] of Object.entries(spec.paths)) {
      const names: string[] = [];
      // Literal parts are escaped; each {name} matches one non-empty segment, still percent-encoded.
      const source = template.replace(/[.*+?^$()|[\]\\]/g, '\\$&').replace(/\{([^}]+)\}/g, (_, name: string) => {
        names.push(name);
        return '([^/]+)';
      });
      const byMethod = new Map<string, Route>();
      for (const method of HTTP_METHODS) {
        const operation = item[method];
        if (operation === undefined) continue;
        const parameters = parametersOf(spec, operation);
        const route: Route = {
          operationId: operation.operationId,
          method: method.toUpperCase(),
          template,
          access: accessOf(operation['x-trestle-access']),
          pathParameters: parameters.filter((parameter) => parameter.in === 'path'),
          queryParameters: new Map(parameters.filter((parameter) => parameter.in === 'query').map((parameter) => [parameter.name, parameter])),
          body: operation.requestBody?.content['application/json']?.schema,
        };
        byMethod.set(route.method, route);
        routes.push(route);
      }
      entries.push({ pattern: new RegExp(`^${source}$`), names, routes: byMethod });
    }
    this.#paths = entries;
    this.routes = routes;
  }

  /** The route for `method` (upper case) and the raw, still percent-encoded `path`; methods the document lacks, HEAD included, are not served. */
  match(method: string, path: string): RouteMatch {
    for (const entry of this.#paths) {
      const found = entry.pattern.exec(path);
      if (found === null) continue;
      const route = entry.routes.get(method);
      if (route === undefined) return { kind: 'no-method', allow: [...entry.routes.keys()] };
      return { kind: 'found', route, rawParameters: Object.fromEntries(entry.names.map((name, index) => [name, found[index + 1] ?? ''])) };
    }
    return { kind: 'no-path' };
  }
}

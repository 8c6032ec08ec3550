import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Schema, SchemaResolver } from './schema-check';

/** One parameter as openapi.json declares it. */
export type ParameterSpec = { readonly name: string; readonly in: 'path' | 'query' | 'header' | 'cookie'; readonly required?: boolean; readonly schema: Schema };

/** One operation: the fields the service reads. `x-trestle-access` is "public" or the roles allowed. */
export type OperationSpec = {
  readonly operationId: string;
  readonly 'x-trestle-access'?: unknown;
  readonly parameters?: ReadonlyArray<ParameterSpec | { readonly $ref: string }>;
  readonly requestBody?: { readonly required?: boolean; readonly content: Readonly<Record<string, { readonly schema: Schema }>> };
};

/** The part of an OpenAPI 3.0 document the service reads. */
export type OpenApiDocument = {
  readonly openapi: string;
  readonly paths: Readonly<Record<string, Readonly<Record<string, OperationSpec>>>>;
  readonly components: {
    readonly schemas: Readonly<Record<string, Schema>>;
    readonly parameters?: Readonly<Record<string, ParameterSpec>>;
  };
};

/** The HTTP methods an OpenAPI path item may hold. */
export const HTTP_METHODS = ['get', 'put', 'post', 'delete', 'patch', 'head', 'options', 'trace'] as const;

/** The officer service's own document, read from openapi.json beside this folder. */
export function loadOfficerSpec(): OpenApiDocument {
  return JSON.parse(readFileSync(path.join(__dirname, '..', 'openapi.json'), 'utf8')) as OpenApiDocument;
}

/** Resolves `#/components/schemas/Name` in `spec`; throws on a dangling reference (a broken document). */
export function schemaResolver(spec: OpenApiDocument): SchemaResolver {
  return (ref) => {
    const name = ref.startsWith('#/components/schemas/') ? ref.slice('#/components/schemas/'.length) : undefined;
    const schema = name === undefined ? undefined : spec.components.schemas[name];
    if (schema === undefined) throw new Error(`openapi.json: unknown schema reference ${ref}`);
    return schema;
  };
}

/** An operation's parameters with `#/components/parameters/…` references resolved. */
export function parametersOf(spec: OpenApiDocument, operation: OperationSpec): ParameterSpec[] {
  return (operation.parameters ?? []).map((parameter) => {
    if (!('$ref' in parameter)) return parameter;
    const name = parameter.$ref.replace('#/components/parameters/', '');
    const resolved = spec.components.parameters?.[name];
    if (resolved === undefined) throw new Error(`openapi.json: unknown parameter reference ${parameter.$ref}`);
    return resolved;
  });
}

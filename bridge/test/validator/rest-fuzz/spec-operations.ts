import { OPENAPI_SPEC } from '../../../src/plugin/public-api';

/** A schema as the spec writes it: only the parts the fuzzer reads. */
export type SpecSchema = { readonly type?: string; readonly pattern?: string; readonly $ref?: string; readonly required?: readonly string[] };

/** A parameter of an operation. */
export type SpecParameter = { readonly name: string; readonly in: 'path' | 'query' | 'header' | 'cookie'; readonly required?: boolean; readonly schema: SpecSchema };

/** One path and method of the spec, with what a request to it may carry and what it answers. */
export type SpecOperation = {
  readonly operationId: string;
  readonly method: string;
  /** The path template, `{name}` for a path parameter. */
  readonly path: string;
  readonly parameters: readonly SpecParameter[];
  readonly takesBody: boolean;
  /** Status code to its media type and schema, as declared. */
  readonly responses: ReadonlyMap<string, { readonly mediaType: string; readonly schema: SpecSchema } | undefined>;
};

type RawOperation = {
  readonly operationId: string;
  readonly parameters?: readonly SpecParameter[];
  readonly requestBody?: unknown;
  readonly responses: Record<string, { content?: Record<string, { schema: SpecSchema }> }>;
};

const METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'] as const;

/** Every operation the plugin's OpenAPI document declares, read from the document itself. */
export function specOperations(): SpecOperation[] {
  const paths = OPENAPI_SPEC.paths as unknown as Record<string, Partial<Record<(typeof METHODS)[number], RawOperation>>>;
  return Object.entries(paths).flatMap(([path, item]) =>
    METHODS.flatMap((method) => {
      const operation = item[method];
      if (operation === undefined) return [];
      const responses = new Map(
        Object.entries(operation.responses).map(([status, response]) => {
          const [mediaType, media] = Object.entries(response.content ?? {})[0] ?? [];
          return [status, mediaType === undefined || media === undefined ? undefined : { mediaType, schema: media.schema }] as const;
        }),
      );
      return [{ operationId: operation.operationId, method: method.toUpperCase(), path, parameters: operation.parameters ?? [], takesBody: operation.requestBody !== undefined, responses }];
    }),
  );
}

/** The schema `schema` points to when it is a `#/components/schemas/…` reference, else itself. */
export function resolveSchema(schema: SpecSchema): SpecSchema {
  const name = /^#\/components\/schemas\/(.+)$/.exec(schema.$ref ?? '')?.[1];
  if (name === undefined) return schema;
  return (OPENAPI_SPEC.components.schemas as unknown as Record<string, SpecSchema>)[name] ?? schema;
}

// Reads the operations of an OpenAPI 3.0 document for the REST fuzzers (the bridge plugin's, the
// officer service's): what each route takes and answers, with `$ref`s to components resolved.

/** A schema as an OpenAPI 3.0 document writes it: the keywords the fuzzers read (no `oneOf`, `allOf`). */
export type SpecSchema = {
  readonly $ref?: string;
  readonly type?: string;
  readonly format?: string;
  readonly pattern?: string;
  readonly enum?: readonly unknown[];
  readonly nullable?: boolean;
  readonly minLength?: number;
  readonly maxLength?: number;
  readonly minimum?: number;
  readonly maximum?: number;
  readonly minItems?: number;
  readonly maxItems?: number;
  readonly items?: SpecSchema;
  readonly properties?: Readonly<Record<string, SpecSchema>>;
  readonly required?: readonly string[];
  readonly additionalProperties?: boolean | SpecSchema;
};

/** A parameter of an operation, its schema as written (possibly a `$ref`). */
export type SpecParameter = { readonly name: string; readonly in: 'path' | 'query' | 'header' | 'cookie'; readonly required?: boolean; readonly schema: SpecSchema };

/** The parts of a document the fuzzers read. */
export type OpenApiDocument = {
  readonly paths: object;
  readonly components?: { readonly schemas?: object; readonly parameters?: object };
};

/** One path and method of the document, with what a request to it may carry and what it answers. */
export type SpecOperation = {
  readonly operationId: string;
  readonly method: string;
  /** The path template, `{name}` for a path parameter. */
  readonly path: string;
  /** Path-item and operation parameters, `#/components/parameters/…` references resolved. */
  readonly parameters: readonly SpecParameter[];
  readonly takesBody: boolean;
  /** The schema of an `application/json` request body, when the operation takes one. */
  readonly body: SpecSchema | undefined;
  /** Status code to its media type and schema, as declared; undefined for a response without content. */
  readonly responses: ReadonlyMap<string, { readonly mediaType: string; readonly schema: SpecSchema } | undefined>;
};

type Reference = { readonly $ref: string };
type RawOperation = {
  readonly operationId: string;
  readonly parameters?: ReadonlyArray<SpecParameter | Reference>;
  readonly requestBody?: { readonly content?: Record<string, { readonly schema?: SpecSchema }> };
  readonly responses: Record<string, { readonly content?: Record<string, { readonly schema: SpecSchema }> } | Reference>;
};

const METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'] as const;

/** The component `ref` names (`#/components/<kind>/<name>`); throws on a dangling one, a broken document. */
function component<T>(document: OpenApiDocument, ref: string): T {
  const [, kind, name] = /^#\/components\/([^/]+)\/(.+)$/.exec(ref) ?? [];
  const found = kind === undefined || name === undefined ? undefined : ((document.components as Record<string, Record<string, unknown> | undefined> | undefined)?.[kind]?.[name] as T | undefined);
  if (found === undefined) throw new Error(`the OpenAPI document has no ${ref}`);
  return found;
}

const isReference = (value: object): value is Reference => '$ref' in value && typeof (value as Reference).$ref === 'string';

/** Every operation `document` declares, read from the document itself. */
export function specOperations(document: OpenApiDocument): SpecOperation[] {
  const paths = document.paths as Record<string, Partial<Record<(typeof METHODS)[number], RawOperation>> & { parameters?: ReadonlyArray<SpecParameter | Reference> }>;
  return Object.entries(paths).flatMap(([path, item]) =>
    METHODS.flatMap((method) => {
      const operation = item[method];
      if (operation === undefined) return [];
      const parameters = [...(item.parameters ?? []), ...(operation.parameters ?? [])].map((parameter) => (isReference(parameter) ? component<SpecParameter>(document, parameter.$ref) : parameter));
      const responses = new Map(
        Object.entries(operation.responses).map(([status, declared]) => {
          const response = isReference(declared) ? component<{ content?: Record<string, { schema: SpecSchema }> }>(document, declared.$ref) : declared;
          const [mediaType, media] = Object.entries(response.content ?? {})[0] ?? [];
          return [status, mediaType === undefined || media === undefined ? undefined : { mediaType, schema: media.schema }] as const;
        }),
      );
      const body = operation.requestBody?.content?.['application/json']?.schema;
      return [{ operationId: operation.operationId, method: method.toUpperCase(), path, parameters, takesBody: operation.requestBody !== undefined, body, responses }];
    }),
  );
}

/** `schema` with `#/components/schemas/…` references followed until a schema of its own. */
export function resolveSchema(document: OpenApiDocument, schema: SpecSchema): SpecSchema {
  let resolved = schema;
  for (let hops = 0; resolved.$ref !== undefined; hops += 1) {
    if (hops > 16) throw new Error(`the OpenAPI document's ${schema.$ref} refers in a circle`);
    resolved = component<SpecSchema>(document, resolved.$ref);
  }
  return resolved;
}

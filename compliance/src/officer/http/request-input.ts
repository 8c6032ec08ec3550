import { TrestleError } from '../../errors/trestle-error';
import { ProblemList } from '../../policy/problem-list';
import type { Route } from './route-table';
import { checkSchema, type Schema, type SchemaResolver } from './schema-check';

/** A request's parameters and body, each checked against the operation's schemas. */
export type RequestInput = {
  readonly path: Readonly<Record<string, string>>;
  /** Integer parameters as numbers, the rest as strings; absent ones are missing. */
  readonly query: Readonly<Record<string, string | number>>;
  /** The parsed JSON body, or undefined when the operation takes none. */
  readonly body: unknown;
};

const INTEGER = /^-?[0-9]{1,16}$/;

function isIntegerSchema(schema: Schema, resolve: SchemaResolver): boolean {
  return (schema.$ref === undefined ? schema : resolve(schema.$ref)).type === 'integer';
}

/**
 * Checks the path parameters (percent-decoded), the query (only declared parameters, each once,
 * required ones present) and the body against `route`, and throws one OFFICER_REQUEST_MALFORMED
 * listing every problem. Paths are `path.name`, `query.name` and `body.field`.
 */
export function checkRequestInput(route: Route, rawPath: Readonly<Record<string, string>>, search: URLSearchParams, body: unknown, resolve: SchemaResolver): RequestInput {
  const problems = new ProblemList();
  const path: Record<string, string> = {};
  for (const parameter of route.pathParameters) {
    let value: string;
    try {
      value = decodeURIComponent(rawPath[parameter.name] ?? '');
    } catch {
      problems.add(`path.${parameter.name}`, 'is not valid percent-encoded UTF-8');
      continue;
    }
    checkSchema(value, parameter.schema, `path.${parameter.name}`, problems, resolve);
    path[parameter.name] = value;
  }
  const query: Record<string, string | number> = {};
  for (const name of new Set(search.keys())) {
    const parameter = route.queryParameters.get(name);
    const values = search.getAll(name);
    if (parameter === undefined) problems.add(`query.${name}`, 'is not a parameter of this route; send only the documented ones');
    else if (values.length > 1) problems.add(`query.${name}`, 'is given more than once');
    else {
      const text = values[0] ?? '';
      const value = isIntegerSchema(parameter.schema, resolve) && INTEGER.test(text) ? Number(text) : text;
      checkSchema(value, parameter.schema, `query.${name}`, problems, resolve);
      query[name] = value;
    }
  }
  for (const [name, parameter] of route.queryParameters) if (parameter.required === true && !search.has(name)) problems.add(`query.${name}`, 'is required');
  if (route.body !== undefined) checkSchema(body, route.body, 'body', problems, resolve);
  problems.throwIfAny('OFFICER_REQUEST_MALFORMED', 'request');
  return { path, query, body };
}

/** OFFICER_REQUEST_MALFORMED for a body sent to a route that takes none. */
export function unexpectedBody(): TrestleError {
  return new TrestleError('OFFICER_REQUEST_MALFORMED', 'This route takes no request body; send the request without one.', { details: { problems: [{ path: 'body', problem: 'is not accepted by this route' }] } });
}

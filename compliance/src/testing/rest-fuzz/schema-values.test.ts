import test from 'ava';
import fc from 'fast-check';
import { loadOfficerSpec, schemaResolver } from '../../officer/http/openapi-document';
import { checkSchema, type Schema } from '../../officer/http/schema-check';
import { ProblemList } from '../../policy/problem-list';
import { specOperations } from './openapi-operations';
import { BREAKAGES, breakValue, refusedParameterText, validValue } from './schema-values';

// The generators judged by an independent checker: the officer service's own schema check, which
// follows the OpenAPI keywords its document uses. What validValue draws must pass it, and what
// breakValue and refusedParameterText make must fail it; otherwise the fuzz suites' "must be
// refused" would be wrong about the requests, not the servers.

const document = loadOfficerSpec();
const resolve = schemaResolver(document);
const operations = specOperations(document);

/** Whether the service's schema check finds any problem with `value`. */
function refused(value: unknown, schema: Schema): boolean {
  const problems = new ProblemList();
  checkSchema(value, schema, 'body', problems, resolve);
  return problems.touches('body');
}

for (const operation of operations.filter((candidate) => candidate.body !== undefined)) {
  const schema = operation.body as Schema;
  test(`${operation.operationId}: generated bodies pass the schema, and each breakage fails it`, (t) => {
    fc.assert(
      fc.property(validValue(document, operation.body!, {}), fc.constantFrom(...BREAKAGES), fc.nat(), (value, breakage, pick) => {
        if (refused(value, schema)) throw new Error(`drawn as valid but refused: ${JSON.stringify(value).slice(0, 300)}`);
        const broken = breakValue(document, operation.body!, value, breakage, pick, true);
        if (broken !== undefined && !refused(broken, schema)) throw new Error(`${breakage} left it valid: ${JSON.stringify(broken).slice(0, 300)}`);
      }),
      { seed: 20_260_301, numRuns: 150 },
    );
    t.pass();
  });
}

test('every refused query value of the officer document fails its parameter schema', (t) => {
  const parameters = operations.flatMap((operation) => operation.parameters.filter((parameter) => parameter.in === 'query'));
  let checked = 0;
  for (const parameter of parameters) {
    for (let pick = 0; pick < 12; pick += 1) {
      const text = refusedParameterText(document, parameter.schema, pick);
      if (text === undefined) continue;
      const schema = parameter.schema as Schema;
      const integer = (schema.$ref === undefined ? schema : resolve(schema.$ref)).type === 'integer' && /^-?[0-9]{1,16}$/.test(text);
      t.true(refused(integer ? Number(text) : text, schema), `${parameter.name}=${JSON.stringify(text)}`);
      checked += 1;
    }
  }
  t.true(checked > 20);
});

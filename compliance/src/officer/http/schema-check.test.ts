import test from 'ava';
import { ProblemList, type Problem } from '../../policy/problem-list';
import { checkSchema, type Schema } from './schema-check';

const SCHEMAS: Record<string, Schema> = {
  Reason: { type: 'string', minLength: 1, maxLength: 5, pattern: '^[^\\u0000-\\u001F]*$' },
};
const resolve = (ref: string): Schema => SCHEMAS[ref.replace('#/components/schemas/', '')] ?? {};

function problemsOf(value: unknown, schema: Schema): Problem[] {
  const problems = new ProblemList();
  checkSchema(value, schema, 'body', problems, resolve);
  try {
    problems.throwIfAny('OFFICER_REQUEST_MALFORMED', 'request');
    return [];
  } catch (error) {
    return (error as { details: { problems: Problem[] } }).details.problems;
  }
}

const OBJECT: Schema = { type: 'object', required: ['reason', 'count'], properties: { reason: { $ref: '#/components/schemas/Reason' }, count: { type: 'integer', minimum: 1, maximum: 3 }, tags: { type: 'array', maxItems: 2, items: { type: 'string', enum: ['a', 'b'] } }, note: { type: 'string', nullable: true } } };

test('a value that fits passes', (t) => {
  t.deepEqual(problemsOf({ reason: 'ok', count: 2, tags: ['a'], note: null }, OBJECT), []);
});

test('every problem is listed by path, without the value', (t) => {
  const problems = problemsOf({ reason: 'far too long\u0001', count: 1.5, tags: ['a', 'c', 'b'], extra: 'secret' }, OBJECT);
  t.deepEqual(problems.map((p) => p.path), ['body.count', 'body.extra', 'body.reason', 'body.reason', 'body.tags', 'body.tags[1]']);
  t.false(JSON.stringify(problems).includes('secret'));
  t.false(JSON.stringify(problems).includes('far too long'));
});

test('types are strict: no numbers as strings, no floats as integers, no arrays as objects', (t) => {
  t.deepEqual(problemsOf('1', { type: 'integer' }).map((p) => p.problem), ['must be an integer']);
  t.deepEqual(problemsOf(1.5, { type: 'integer' }).map((p) => p.problem), ['must be an integer']);
  t.deepEqual(problemsOf([], { type: 'object' }).map((p) => p.problem), ['must be an object']);
  t.deepEqual(problemsOf(null, { type: 'string' }).map((p) => p.problem), ['must be a string']);
  t.deepEqual(problemsOf({}, OBJECT).map((p) => p.path), ['body.reason', 'body.count']);
});

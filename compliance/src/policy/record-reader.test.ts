import test from 'ava';
import { ProblemList } from './problem-list';
import { RecordReader } from './record-reader';

const open = (value: unknown, fields: string[]) => {
  const problems = new ProblemList();
  return { reader: RecordReader.open(value, '', fields, problems), problems };
};
const problemPaths = (problems: ProblemList) => {
  try {
    problems.throwIfAny('RECORD_MALFORMED', 'test');
    return [];
  } catch (error) {
    return ((error as { details: { problems: Array<{ path: string }> } }).details.problems).map((p) => p.path);
  }
};

test('nullable fields read null as null and anything else as the plain field would', (t) => {
  const { reader, problems } = open({ a: null, b: 'x', c: null, d: { e: 1 }, f: 3 }, ['a', 'b', 'c', 'd', 'f']);
  t.is(reader.nullableString('a', () => true, 'text'), null);
  t.is(reader.nullableString('b', () => true, 'text'), 'x');
  t.is(reader.nullableRecord('c', ['e'], (inner) => inner.integer('e', 0)), null);
  t.is(reader.nullableRecord('d', ['e'], (inner) => inner.integer('e', 0)), 1);
  reader.nullableString('f', () => true, 'text');
  t.deepEqual(problemPaths(problems), ['f']);
});

test('records reads each object of a list with its own path', (t) => {
  const { reader, problems } = open({ list: [{ n: 1 }, { n: 'x' }, 5] }, ['list']);
  t.deepEqual(reader.records('list', 10, ['n'], (inner) => inner.integer('n', 0)), [1, 0, 0]);
  t.deepEqual(problemPaths(problems), ['list[1].n', 'list[2]']);
});

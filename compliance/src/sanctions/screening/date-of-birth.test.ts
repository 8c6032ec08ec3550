import test from 'ava';
import { listedBirthRange, rangesOverlap, subjectBirthRange } from './date-of-birth';

test("OFAC's date-of-birth forms become day ranges", (t) => {
  t.deepEqual(listedBirthRange('10 Dec 1948'), { from: '1948-12-10', to: '1948-12-10' });
  t.deepEqual(listedBirthRange('Feb 1968'), { from: '1968-02-01', to: '1968-02-29' });
  t.deepEqual(listedBirthRange('1964'), { from: '1964-01-01', to: '1964-12-31' });
  t.deepEqual(listedBirthRange('1963 to 1965'), { from: '1963-01-01', to: '1965-12-31' });
  t.deepEqual(listedBirthRange('01 Jan 1983 to 31 Dec 1985'), { from: '1983-01-01', to: '1985-12-31' });
  t.deepEqual(listedBirthRange('circa 1951'), { from: '1950-01-01', to: '1952-12-31' });
});

test('anything else is not understood rather than guessed', (t) => {
  for (const text of ['circa 1960-1962', '31 Feb 1970', 'Jan', '1965 to 1963', 'unknown', '1 2 Jan 1970']) t.is(listedBirthRange(text), undefined, text);
});

test("a subject's ISO date, month or year becomes a range that overlaps the listed one", (t) => {
  const subject = subjectBirthRange('1974-12-11');
  t.deepEqual(subject, { from: '1974-12-11', to: '1974-12-11' });
  const listed = listedBirthRange('11 Dec 1974');
  t.true(subject !== undefined && listed !== undefined && rangesOverlap(subject, listed));
  t.deepEqual(subjectBirthRange('1974-12'), { from: '1974-12-01', to: '1974-12-31' });
  t.deepEqual(subjectBirthRange('1974'), { from: '1974-01-01', to: '1974-12-31' });
  t.is(subjectBirthRange('11/12/1974'), undefined);
});

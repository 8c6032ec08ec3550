import test from 'ava';
import { isTrestleError } from '../../errors/trestle-error';
import { parseCsvRecords } from './csv-records';

const fieldsOf = (text: string): string[][] => parseCsvRecords(text, 'test.csv').map((record) => [...record.fields]);

test('quoted fields keep their commas and doubled quotes become one quote', (t) => {
  t.deepEqual(fieldsOf('1,"ANGLO-CARIBBEAN CO., LTD.","say ""hi"", then go"\n'), [['1', 'ANGLO-CARIBBEAN CO., LTD.', 'say "hi", then go']]);
});

test('CRLF and LF line ends give the same records', (t) => {
  const lf = '1,"a",-0- \n2,"b",-0- \n';
  t.deepEqual(fieldsOf(lf.replaceAll('\n', '\r\n')), fieldsOf(lf));
  t.deepEqual(fieldsOf(lf), [['1', 'a', '-0- '], ['2', 'b', '-0- ']]);
});

test('the trailing DOS end-of-file byte is dropped, with or without a line break after it', (t) => {
  for (const ending of ['\r\n\x1A', '\r\n\x1A\r\n', '\x1A']) t.deepEqual(fieldsOf(`1,"a"${ending}`), [['1', 'a']]);
});

test('the empty marker "-0- " is left as text for the row reader to interpret', (t) => {
  t.deepEqual(fieldsOf('36,"AEROCARIBBEAN AIRLINES",-0- ,"CUBA"\r\n'), [['36', 'AEROCARIBBEAN AIRLINES', '-0- ', 'CUBA']]);
});

test('empty fields, a trailing comma and a text without a final line break all parse', (t) => {
  t.deepEqual(fieldsOf('a,,c,'), [['a', '', 'c', '']]);
  t.deepEqual(fieldsOf('"",x'), [['', 'x']]);
});

test('a quoted field may span lines and records keep the line they start on', (t) => {
  const records = parseCsvRecords('1,"first\r\nsecond"\r\n\r\n2,"x"\r\n', 'test.csv');
  t.deepEqual(records, [
    { line: 1, fields: ['1', 'first\r\nsecond'] },
    { line: 4, fields: ['2', 'x'] },
  ]);
});

test('an unterminated quote is SANCTIONS_LIST_MALFORMED naming the file and the line', (t) => {
  const error = t.throws(() => parseCsvRecords('1,"ok"\n2,"never closed\n3,x\n', 'sdn.csv'));
  t.true(isTrestleError(error, 'SANCTIONS_LIST_MALFORMED'));
  t.like(isTrestleError(error) ? error.details : {}, { file: 'sdn.csv', line: 2 });
});

test('text after a closing quote and a quote inside an unquoted field are refused', (t) => {
  for (const text of ['1,"a"b\n', '1,a"b\n']) {
    const error = t.throws(() => parseCsvRecords(text, 'sdn.csv'));
    t.true(isTrestleError(error, 'SANCTIONS_LIST_MALFORMED'), text);
  }
});

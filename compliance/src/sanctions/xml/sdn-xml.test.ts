import { readFileSync } from 'node:fs';
import path from 'node:path';
import test from 'ava';
import { isTrestleError } from '../../errors/trestle-error';
import { parseSdnCsv } from '../csv/sdn-csv';
import { sha256Hex } from '../list-version';
import { parseSdnXml } from './sdn-xml';

const FIXTURES = path.resolve(__dirname, '..', '..', '..', 'fixtures', 'sanctions');
const fixture = (name: string): { name: string; content: Buffer } => ({ name, content: readFileSync(path.join(FIXTURES, name)) });
const xml = (body: string, head = '<publshInformation><Publish_Date>05/03/2024</Publish_Date></publshInformation>'): { name: string; content: string } => ({
  name: 'sdn.xml',
  content: `<sdnList>${head}${body}</sdnList>`,
});

test('the XML fixture gives the same entries as the CSV set of the same parties', (t) => {
  const fromXml = parseSdnXml(fixture('sdn.xml'));
  const fromCsv = parseSdnCsv({ sdn: fixture('sdn.csv'), alt: fixture('alt.csv'), add: fixture('add.csv') }, '2024-01-31');
  t.is(fromXml.format, 'xml');
  t.is(fromXml.entries.length, 8);
  t.deepEqual(fromXml.entries, fromCsv.entries);
});

test('the version is the Publish_Date and the hash is the SHA-256 of the file', (t) => {
  const file = fixture('sdn.xml');
  const list = parseSdnXml(file);
  t.is(list.version, '2024-01-31');
  t.is(list.sha256, sha256Hex(file.content));
});

test('individuals read LAST, Given; the id list keeps identifiers and drops gender', (t) => {
  const list = parseSdnXml(
    xml(`<sdnEntry><uid>5</uid><firstName>Ana</firstName><lastName>PEREZ</lastName><sdnType>Individual</sdnType>
      <idList><id><idType>Gender</idType><idNumber>Female</idNumber></id><id><idType>Cedula No.</idType><idNumber>6068015</idNumber><idCountry>Colombia</idCountry></id></idList>
    </sdnEntry>`),
  );
  t.deepEqual(list.entries[0]?.names, [{ full: 'PEREZ, Ana', kind: 'primary' }]);
  t.deepEqual(list.entries[0]?.identifiers, [{ type: 'Cedula No.', number: '6068015', country: 'Colombia' }]);
});

test('a version the caller gives wins over the Publish_Date, and without either it is ARGUMENT_EMPTY', (t) => {
  const body = '<sdnEntry><uid>5</uid><lastName>X</lastName><sdnType>Entity</sdnType></sdnEntry>';
  t.is(parseSdnXml(xml(body, ''), '2024-06-01').version, '2024-06-01');
  t.is(parseSdnXml(xml(body), '2024-05-03-xml').version, '2024-05-03-xml');
  t.true(isTrestleError(t.throws(() => parseSdnXml(xml(body, ''))), 'ARGUMENT_EMPTY'));
  t.true(isTrestleError(t.throws(() => parseSdnXml(xml(body, '<publshInformation><Publish_Date>2024-05-03</Publish_Date></publshInformation>'))), 'SANCTIONS_LIST_MALFORMED'));
});

test('a Record_Count that differs from the entries read means a cut download and is refused', (t) => {
  const body = '<sdnEntry><uid>5</uid><lastName>X</lastName><sdnType>Entity</sdnType></sdnEntry>';
  const error = t.throws(() => parseSdnXml(xml(body, '<publshInformation><Publish_Date>05/03/2024</Publish_Date><Record_Count>2</Record_Count></publshInformation>')));
  t.true(isTrestleError(error, 'SANCTIONS_LIST_MALFORMED'));
});

test('a wrong root, a missing uid, lastName or known sdnType are refused with the line', (t) => {
  const cases = [
    { name: 'sdn.xml', content: '<sdnListe></sdnListe>' },
    xml('<sdnEntry><lastName>X</lastName><sdnType>Entity</sdnType></sdnEntry>'),
    xml('<sdnEntry><uid>5</uid><sdnType>Entity</sdnType></sdnEntry>'),
    xml('<sdnEntry><uid>5</uid><lastName>X</lastName><sdnType>Company</sdnType></sdnEntry>'),
    xml('<sdnEntry><uid>5</uid><lastName>X</lastName><sdnType>Entity</sdnType><akaList><aka><type>x.k.a.</type><lastName>Y</lastName></aka></akaList></sdnEntry>'),
  ];
  for (const file of cases) {
    const error = t.throws(() => parseSdnXml(file));
    t.true(isTrestleError(error, 'SANCTIONS_LIST_MALFORMED'), file.content);
    t.is(typeof (isTrestleError(error) ? error.details?.line : undefined), 'number', file.content);
  }
});

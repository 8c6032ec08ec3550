import test from 'ava';
import { isTrestleError } from '../../errors/trestle-error';
import { tokenizeXml, XmlTokenizer, type XmlEvent } from './xml-tokenizer';

const DOCUMENT = `<?xml version="1.0"?>
<!-- a comment with <tags> inside -->
<ns:root xmlns:ns="urn:x" a="1 > 0">
  <name>Tom &amp; Jerry &#233;&#x41; &quot;q&quot; &apos;s&apos; &lt;&gt;</name>
  <empty/>
  <data><![CDATA[<not a tag> & raw]]></data>
</ns:root>
`;

function events(text: string): XmlEvent[] {
  const seen: XmlEvent[] = [];
  tokenizeXml(text, 'test.xml', (event) => seen.push(event));
  return seen;
}

/** Joins adjacent text events, which chunking may split. */
function merged(list: readonly XmlEvent[]): string[] {
  const out: string[] = [];
  for (const event of list) {
    const line = event.kind === 'text' ? `text:${event.text}` : `${event.kind}:${event.name}`;
    const last = out.at(-1);
    if (event.kind === 'text' && last?.startsWith('text:')) out[out.length - 1] = last + event.text;
    else out.push(line);
  }
  return out.filter((line) => line.trim() !== 'text:' && !/^text:\s+$/.test(line));
}

test('elements, decoded text, CDATA and self-closing tags come out in document order', (t) => {
  t.deepEqual(merged(events(DOCUMENT)), [
    'open:root',
    'open:name',
    `text:Tom & Jerry éA "q" 's' <>`,
    'close:name',
    'open:empty',
    'close:empty',
    'open:data',
    'text:<not a tag> & raw',
    'close:data',
    'close:root',
  ]);
});

test('events carry the line they start on', (t) => {
  const name = events(DOCUMENT).find((event) => event.kind === 'open' && event.name === 'name');
  t.is(name?.line, 4);
});

test('fed in chunks of any size, the tokenizer gives the same events as fed whole', (t) => {
  const whole = merged(events(DOCUMENT));
  for (const size of [1, 2, 3, 7, 16]) {
    const seen: XmlEvent[] = [];
    const tokenizer = new XmlTokenizer('test.xml', (event) => seen.push(event));
    for (let i = 0; i < DOCUMENT.length; i += size) tokenizer.write(DOCUMENT.slice(i, i + size));
    tokenizer.end();
    t.deepEqual(merged(seen), whole, `chunks of ${size}`);
  }
});

test('badly nested, unclosed and truncated documents are SANCTIONS_LIST_MALFORMED with a line', (t) => {
  const bad = ['<a><b></a></b>', '<a>\n<b>\n</b>', '<a><b', '<a></a><c/>', 'text<a/>', '', '<a>&nbsp;</a>', '<a>R&D</a>'];
  for (const text of bad) {
    const error = t.throws(() => events(text));
    t.true(isTrestleError(error, 'SANCTIONS_LIST_MALFORMED'), JSON.stringify(text));
  }
});

test('a document type with an internal subset is refused, so no entity is ever expanded', (t) => {
  const error = t.throws(() => events('<!DOCTYPE a [<!ENTITY x "boom">]><a>&x;</a>'));
  t.true(isTrestleError(error, 'SANCTIONS_LIST_MALFORMED'));
});

import test from 'ava';
import { parseIdentifierItem, parseRemarks } from './remarks';

// Remarks below are copied from the OFAC SDN list of 2024-05-03 (public domain).

test('a typical individual yields date of birth, nationality and passport with its country', (t) => {
  const facts = parseRemarks(
    'DOB 07 May 1983; POB Russia; nationality Russia; Gender Male; Passport 719941129 (Russia) expires 28 Jun 2022; Tax ID No. 770106425720 (Russia); Linked To: LIMITED LIABILITY COMPANY CITADEL.',
  );
  t.deepEqual(facts, {
    aliases: [],
    datesOfBirth: ['07 May 1983'],
    nationalities: ['Russia'],
    identifiers: [
      { type: 'Passport', number: '719941129', country: 'Russia' },
      { type: 'Tax ID No.', number: '770106425720', country: 'Russia' },
    ],
  });
});

test('issue and expiry dates are cut from a passport number that has no country', (t) => {
  const facts = parseRemarks('DOB 11 Dec 1974; POB Tunisia; nationality Tunisia; Passport L 191609 issued 28 Feb 1996 expires 27 Feb 2001; Italian Fiscal Code DAOMMD74T11Z352Z.');
  t.deepEqual(facts.identifiers, [
    { type: 'Passport', number: 'L 191609' },
    { type: 'Italian Fiscal Code', number: 'DAOMMD74T11Z352Z' },
  ]);
});

test('aliases keep apostrophes inside the quotes and their kind', (t) => {
  const facts = parseRemarks("DOB 01 Jan 1955; POB Nimroz, Afghanistan; citizen Afghanistan; Passport OR1126692 (Afghanistan); a.k.a. 'ASAD, Haji'; a.k.a. 'HAJI ABDULLAH'.");
  t.deepEqual(facts.aliases, [
    { full: 'ASAD, Haji', kind: 'aka' },
    { full: 'HAJI ABDULLAH', kind: 'aka' },
  ]);
  t.deepEqual(parseRemarks("a.k.a. 'ABU 'ABD AL-'AZIZ'; f.k.a. 'MEXICAN FEDERATION'; n.k.a. 'LGOK'.").aliases, [
    { full: "ABU 'ABD AL-'AZIZ", kind: 'aka' },
    { full: 'MEXICAN FEDERATION', kind: 'fka' },
    { full: 'LGOK', kind: 'nka' },
  ]);
});

test('alternative dates of birth, passports and citizenships are all kept, nationalities once', (t) => {
  const facts = parseRemarks(
    'DOB 03 Aug 1956; alt. DOB 1957; nationality Russia; citizen Russia; alt. citizen Belarus; Passport 100119726 (Russia); alt. Passport 100115101 (Russia); Chief of GRU.',
  );
  t.deepEqual(facts.datesOfBirth, ['03 Aug 1956', '1957']);
  t.deepEqual(facts.nationalities, ['Russia', 'Belarus']);
  t.deepEqual(
    facts.identifiers.map((id) => id.number),
    ['100119726', '100115101'],
  );
});

test('items that are not identifiers are left alone', (t) => {
  const facts = parseRemarks(
    'Organization Established Date 1971; Organization Type: Mining of iron ores; Gender Male; Website www.ansarbank.com; Secondary sanctions risk: Ukraine-/Russia-Related Sanctions Regulations, 31 CFR 589.201; Aircraft Manufacture Date 1992; Linked To: POUYA AIR.',
  );
  t.deepEqual(facts, { aliases: [], identifiers: [], datesOfBirth: [], nationalities: [] });
});

test('vessel, aircraft, company and wallet identifiers are recognised', (t) => {
  t.deepEqual(parseIdentifierItem('Vessel Registration Identification IMO 7406784'), { type: 'Vessel Registration Identification', number: 'IMO 7406784' });
  t.deepEqual(parseIdentifierItem("Aircraft Manufacturer's Serial Number (MSN) 1023409321"), { type: "Aircraft Manufacturer's Serial Number (MSN)", number: '1023409321' });
  t.deepEqual(parseIdentifierItem('Registration Number HRA 738077 (Stuttgart) (Germany)'), { type: 'Registration Number', number: 'HRA 738077', country: 'Germany' });
  t.deepEqual(parseIdentifierItem('alt. Digital Currency Address - XBT 12QtD5BFwRsdNsAZY76UVE1xyCGNTojH9h'), {
    type: 'Digital Currency Address - XBT',
    number: '12QtD5BFwRsdNsAZY76UVE1xyCGNTojH9h',
  });
  t.deepEqual(parseIdentifierItem('Passport Booklet: A5199819 (Pakistan)'), { type: 'Passport Booklet', number: 'A5199819', country: 'Pakistan' });
});

test('prose where a number should be is not taken as an identifier', (t) => {
  t.is(parseIdentifierItem('Passport OR801168 and Kuwaiti National ID No. 281020505755'), undefined);
  t.is(parseIdentifierItem('Diplomatic Passport Laissez-Passer 02154'), undefined);
  t.is(parseIdentifierItem('Passport'), undefined);
});

test('the last item of Remarks cut at 1000 characters is ignored, as it may be half an item', (t) => {
  const head = 'DOB 1960; Linked To: ';
  const tail = '; Passport 1234';
  const filler = 1000 - head.length - tail.length;
  // OFAC's cut: the column ends after 1000 characters, here perhaps in the middle of a number.
  const cut = `${head}${'A'.repeat(filler)}${tail}`;
  t.is(cut.length, 1000);
  t.deepEqual(parseRemarks(cut), { aliases: [], identifiers: [], datesOfBirth: ['1960'], nationalities: [] });
  const whole = `${head}${'A'.repeat(filler - 1)}${tail}`;
  t.deepEqual(parseRemarks(whole).identifiers, [{ type: 'Passport', number: '1234' }]);
});

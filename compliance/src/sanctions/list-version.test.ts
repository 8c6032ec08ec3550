import test from 'ava';
import { inputSha256, sha256Hex, versionFromFileName, versionFromPublishDate } from './list-version';

test('a file name with a calendar date gives that date as the version', (t) => {
  t.is(versionFromFileName('sdn-2024-05-03.csv'), '2024-05-03');
  t.is(versionFromFileName('2024-05-03_SDN.XML'), '2024-05-03');
  t.is(versionFromFileName('sdn.csv'), undefined);
  t.is(versionFromFileName('sdn-2024-02-30.csv'), undefined, 'no such day');
  t.is(versionFromFileName('x12024-05-031.csv'), undefined, 'digits run on');
});

test("OFAC's MM/DD/YYYY publish date becomes YYYY-MM-DD", (t) => {
  t.is(versionFromPublishDate('05/03/2024'), '2024-05-03');
  t.is(versionFromPublishDate(' 12/31/2023 '), '2023-12-31');
  t.is(versionFromPublishDate('2024-05-03'), undefined);
  t.is(versionFromPublishDate('13/01/2024'), undefined);
});

test('one part hashes as the file itself; several hash as role-and-hash lines in order', (t) => {
  t.is(inputSha256([{ role: 'sdn', bytes: 'abc' }]), sha256Hex('abc'));
  const both = inputSha256([
    { role: 'sdn', bytes: 'abc' },
    { role: 'alt', bytes: 'def' },
  ]);
  t.is(both, sha256Hex(`sdn ${sha256Hex('abc')}\nalt ${sha256Hex('def')}\n`));
  t.not(both, inputSha256([{ role: 'sdn', bytes: 'abc' }, { role: 'alt', bytes: 'deF' }]));
});

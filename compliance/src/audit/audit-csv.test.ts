import test from 'ava';
import type { AuditRecord } from './audit-record';
import { AUDIT_CSV_COLUMNS, auditCsv, csvField } from './audit-csv';

test('every field is quoted with inner quotes doubled, so commas, quotes and line breaks stay inside their cell', (t) => {
  t.is(csvField('plain'), '"plain"');
  t.is(csvField('say "no", twice'), '"say ""no"", twice"');
  t.is(csvField('two\nlines'), '"two\nlines"');
  t.is(csvField(''), '""');
});

test('a field a spreadsheet would run as a formula starts with an apostrophe instead', (t) => {
  for (const start of ['=', '+', '-', '@', '\t', '\r']) t.is(csvField(`${start}HYPERLINK("http://x")`), `"'${start}HYPERLINK(""http://x"")"`, JSON.stringify(start));
  t.is(csvField('x=1'), '"x=1"', 'only a leading character matters');
  t.is(csvField("'quoted"), `"'quoted"`, 'an apostrophe already there is left alone');
});

test('the export has a header line and one CRLF-terminated line per record, verdicts reduced to the failed rules', (t) => {
  const record: AuditRecord = {
    txId: 'ab12',
    at: '2026-05-31T10:00:00.000Z',
    actor: 'x509::/C=CH/O=BankA/OU=client/CN=alice::/C=CH/O=BankA/CN=ca',
    actorMsp: 'BankAMSP',
    action: 'transfer-rejected',
    assetId: 'ZOB',
    policyVersion: 1,
    transferId: 'T-1',
    investorIds: ['INV-A-0001', 'INV-B-0001'],
    amount: '5000',
    reason: '=cmd|calc',
    documentHash: null,
    verdicts: [
      { rule: 'sender-kyc', passed: true, reason: 'OK', sentence: 'ok', details: {} },
      { rule: 'receiver-kyc', passed: false, reason: 'KYC_SUSPENDED_RECEIVER', sentence: 'suspended', details: {} },
    ],
  };
  const lines = auditCsv([record]).split('\r\n');
  t.is(lines[0], AUDIT_CSV_COLUMNS.map((column) => `"${column}"`).join(','));
  t.is(lines[1], '"2026-05-31T10:00:00.000Z","ab12","transfer-rejected","BankAMSP","x509::/C=CH/O=BankA/OU=client/CN=alice::/C=CH/O=BankA/CN=ca","ZOB","1","T-1","INV-A-0001;INV-B-0001","5000","\'=cmd|calc","","receiver-kyc"');
  t.is(lines[2], '', 'the last line ends with CRLF too');
  t.is(lines.length, 3);
});

import { TrestleError } from '../../errors/trestle-error';
import { decodeListText } from '../list-text';
import { malformedList } from '../list-errors';
import { sha256Hex, versionFromPublishDate } from '../list-version';
import type { SanctionsEntry, SanctionsList } from '../sanctions-entry';
import { buildSanctionsList } from '../sanctions-list';
import { sdnXmlEntry } from './sdn-xml-entry';
import { childText, recordCollector, type XmlNode } from './xml-node';
import { tokenizeXml } from './xml-tokenizer';

const RECORDS: ReadonlySet<string> = new Set(['publshInformation', 'sdnEntry']);

/**
 * Reads OFAC's classic `SDN.XML` (`<sdnList>`, `<publshInformation>` — OFAC's spelling — and one
 * `<sdnEntry>` per party). The version is the `Publish_Date` unless the caller names one (to keep
 * an XML and a CSV download of one publication apart). `Record_Count`, when present, must equal
 * the entries read, which catches a truncated download that still happens to be well-formed.
 */
export function parseSdnXml(file: { readonly name: string; readonly content: string | Uint8Array }, givenVersion?: string): SanctionsList {
  const entries: SanctionsEntry[] = [];
  let publishDate: string | undefined;
  let recordCount: string | undefined;
  const onRoot = (name: string, line: number): void => {
    if (name !== 'sdnList') throw malformedList({ file: file.name, line }, `the root element is <${name}>, not <sdnList>: this is not a classic SDN XML file`);
  };
  const onRecord = (node: XmlNode): void => {
    if (node.name === 'sdnEntry') {
      entries.push(sdnXmlEntry(node, file.name));
      return;
    }
    publishDate = childText(node, 'Publish_Date');
    recordCount = childText(node, 'Record_Count');
  };
  tokenizeXml(decodeListText(file.content, file.name), file.name, recordCollector(RECORDS, onRoot, onRecord));
  if (recordCount !== undefined && recordCount !== String(entries.length)) {
    throw malformedList({ file: file.name }, `Record_Count does not equal the ${entries.length} entries the file holds`, recordCount);
  }
  const published = publishDate === undefined ? undefined : versionFromPublishDate(publishDate);
  if (publishDate !== undefined && published === undefined) throw malformedList({ file: file.name }, 'Publish_Date is not a MM/DD/YYYY date', publishDate);
  const version = givenVersion ?? published;
  if (version === undefined) {
    throw new TrestleError('ARGUMENT_EMPTY', 'The XML has no Publish_Date: give the list version, for example 2024-05-03.', { details: { file: file.name } });
  }
  return buildSanctionsList({ format: 'xml', version, sha256: sha256Hex(file.content), file: file.name }, entries);
}

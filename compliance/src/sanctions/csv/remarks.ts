import { makeIdentifier } from '../identifier';
import { IDENTIFIER_TYPES_LONGEST_FIRST } from '../identifier-types';
import type { SanctionsIdentifier, SanctionsName } from '../sanctions-entry';

/** What the CSV's Remarks column says about a party, in the order it says it. */
export interface RemarksFacts {
  readonly aliases: SanctionsName[];
  readonly identifiers: SanctionsIdentifier[];
  readonly datesOfBirth: string[];
  readonly nationalities: string[];
}

/** The CSV cuts Remarks at this length (the rest goes to `sdn_comments.csv`). */
export const REMARKS_MAX_LENGTH = 1000;

const ALIAS = /^([afn])\.k\.a\. '(.+)'$/;
const DATE_OF_BIRTH = /^(?:alt\. )?DOB (.+)$/;
const NATIONALITY = /^(?:alt\. )?(?:nationality|citizen) (.+)$/;
const DIGITAL_CURRENCY = /^Digital Currency Address - ([A-Z0-9]{2,10}) (.+)$/;

/**
 * Reads aliases, identifiers, dates of birth and nationalities out of Remarks, which OFAC writes as
 * `;`-separated items ending in a full stop: `DOB 07 May 1983; nationality Russia; Passport
 * 719941129 (Russia) expires 28 Jun 2022; a.k.a. 'X'.` Only items of those shapes are taken; the
 * rest (`Linked To:`, `Gender`, free text) is left alone. A Remarks cut at the column's maximum
 * length may end in half an item, so its last item is ignored.
 */
export function parseRemarks(remarks: string): RemarksFacts {
  const facts: RemarksFacts = { aliases: [], identifiers: [], datesOfBirth: [], nationalities: [] };
  const items = remarks.trim().replace(/\.$/, '').split(';').map((item) => item.trim());
  if (remarks.length >= REMARKS_MAX_LENGTH) items.pop();
  for (const item of items) {
    const alias = ALIAS.exec(item);
    if (alias?.[1] !== undefined && alias[2] !== undefined) {
      facts.aliases.push({ full: alias[2].trim(), kind: `${alias[1]}ka` as SanctionsName['kind'] });
      continue;
    }
    const dob = DATE_OF_BIRTH.exec(item)?.[1];
    if (dob !== undefined) {
      facts.datesOfBirth.push(dob.trim());
      continue;
    }
    const nationality = NATIONALITY.exec(item)?.[1]?.trim();
    if (nationality !== undefined) {
      if (!facts.nationalities.includes(nationality)) facts.nationalities.push(nationality);
      continue;
    }
    const identifier = parseIdentifierItem(item);
    if (identifier !== undefined) facts.identifiers.push(identifier);
  }
  return facts;
}

/** `[alt. ]Type Number[ (Country)][ issued …][ expires …]` for a known type, else undefined. */
export function parseIdentifierItem(item: string): SanctionsIdentifier | undefined {
  const text = item.replace(/^alt\. /, '');
  const currency = DIGITAL_CURRENCY.exec(text);
  if (currency?.[1] !== undefined && currency[2] !== undefined) return numberAndCountry(`Digital Currency Address - ${currency[1]}`, currency[2]);
  for (const type of IDENTIFIER_TYPES_LONGEST_FIRST) {
    if (!text.startsWith(type)) continue;
    const rest = text.slice(type.length);
    if (rest.startsWith(' ')) return numberAndCountry(type, rest);
    if (rest.startsWith(': ')) return numberAndCountry(type, rest.slice(1));
  }
  return undefined;
}

function numberAndCountry(type: string, rest: string): SanctionsIdentifier | undefined {
  const withoutDates = rest.replace(/\s+(?:issued|expires|expired)\b.*$/, '').trim();
  const country = /\(([^()]+)\)$/.exec(withoutDates)?.[1];
  const open = withoutDates.indexOf(' (');
  return makeIdentifier(type, open === -1 ? withoutDates : withoutDates.slice(0, open), country);
}

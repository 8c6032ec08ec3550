/**
 * The `Type Number (Country)` items in OFAC remarks (and `idType` in the XML) that identify a party
 * and can be compared with a document number. Taken from the list as published on 2024-05-03.
 * The XML puts other facts in its id list too (`Gender`, `Organization Established Date`,
 * `Secondary sanctions risk:`, `Email Address`, …); those are not identifiers, and this one list
 * keeps CSV and XML imports equal. An unknown type is left out, never guessed.
 */
export const IDENTIFIER_TYPES: readonly string[] = [
  // Travel and identity documents
  'Passport',
  'Diplomatic Passport',
  'Passport Booklet',
  'National ID No.',
  'National Foreign ID Number',
  'Personal ID Card',
  "Citizen's Card Number",
  'Identification Number',
  'Turkish Identification Number',
  'UAE Identification',
  'Kenyan ID No.',
  'Tazkira National ID Card',
  'Numero de Identidad',
  'Travel Document Number',
  'Refugee ID Card',
  'Residency Number',
  'Birth Certificate Number',
  'Electoral Registry No.',
  'Credencial electoral',
  'I.F.E.',
  'Cartilla de Servicio Militar Nacional',
  "Driver's License No.",
  'Pilot License Number',
  'Cedula No.',
  'D.N.I.',
  'C.U.R.P.',
  'C.U.R.P. #',
  'C.U.I.',
  'C.U.I.P.',
  'LE Number',
  'SSN',
  'SRE Permit No.',
  'VisaNumberID',
  // Tax and company registers
  'Tax ID No.',
  'Italian Fiscal Code',
  'R.F.C.',
  'R.F.C. #',
  'RFC',
  'NIT #',
  'RUC #',
  'RIF #',
  'RTN',
  'C.U.I.T.',
  'C.I.F.',
  'US FEIN',
  'V.A.T. Number',
  'Paraguayan tax identification number',
  'Numero Unico de Identificacao Tributaria (NUIT)',
  'Registration Number',
  'Registration ID',
  'Business Registration Number',
  'Business Registration Document #',
  'Business Number',
  'Commercial Registry Number',
  'Company Number',
  'UK Company Number',
  'Chamber of Commerce Number',
  'Istanbul Chamber of Comm. No.',
  'Dubai Chamber of Commerce Membership No.',
  'Trade License No.',
  'Legal Entity Number',
  'Unified Social Credit Code (USCC)',
  'United Social Credit Code Certificate (USCCC)',
  'Economic Register Number (CBLS)',
  'C.R. No.',
  'Romanian C.R.',
  'Government Gazette Number',
  'Enterprise Number',
  'Branch Unit Number',
  'Central Registration System Number',
  'Certificate of Incorporation Number',
  'Organization Code',
  'Folio Mercantil No.',
  'Matricula Mercantil No',
  'D-U-N-S Number',
  'Registered Charity No.',
  'Afghan Money Service Provider License Number',
  // Financial
  'SWIFT/BIC',
  'BIK (RU)',
  'ISIN',
  // Vessels and aircraft
  'Vessel Registration Identification',
  'MMSI',
  "Aircraft Manufacturer's Serial Number (MSN)",
  'Aircraft Construction Number (also called L/N or S/N or F/N)',
  'Aircraft Serial Identification',
  'Aircraft Tail Number',
  'Aircraft Mode S Transponder Code',
];

const KNOWN: ReadonlySet<string> = new Set(IDENTIFIER_TYPES);

/**
 * `Digital Currency Address - XBT`, `- ETH`, …: a borrower's wallet is screened like a document
 * number, and OFAC adds currencies often enough that the ticker is not enumerated.
 */
export const DIGITAL_CURRENCY_TYPE = /^Digital Currency Address - [A-Z0-9]{2,10}$/;

/** Whether `type` is one of the identifier types above or a digital currency address. */
export function isIdentifierType(type: string): boolean {
  return KNOWN.has(type) || DIGITAL_CURRENCY_TYPE.test(type);
}

/** The types longest first, so `Passport Booklet` is tried before `Passport`. */
export const IDENTIFIER_TYPES_LONGEST_FIRST: readonly string[] = [...IDENTIFIER_TYPES].sort((a, b) => b.length - a.length || (a < b ? -1 : 1));

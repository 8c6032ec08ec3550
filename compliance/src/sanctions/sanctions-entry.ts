/** What a listed party is, as OFAC's `SDN_Type` / `sdnType` says (the CSV leaves entities blank). */
export const SANCTIONS_ENTRY_KINDS = ['individual', 'entity', 'vessel', 'aircraft'] as const;
export type SanctionsEntryKind = (typeof SANCTIONS_ENTRY_KINDS)[number];

/** How a name relates to the party: the listed name, or an also / formerly / now known as. */
export const SANCTIONS_NAME_KINDS = ['primary', 'aka', 'fka', 'nka'] as const;
export type SanctionsNameKind = (typeof SANCTIONS_NAME_KINDS)[number];

export interface SanctionsName {
  /** As published: individuals read `LAST, Given`, as in OFAC's own CSV. */
  readonly full: string;
  readonly kind: SanctionsNameKind;
}

export interface SanctionsIdentifier {
  /** OFAC's wording, e.g. `Passport`, `Tax ID No.`, `Vessel Registration Identification`. */
  readonly type: string;
  /** As published, e.g. `L 191609`; screening compares a normalised form. */
  readonly number: string;
  readonly country?: string;
}

export interface SanctionsAddress {
  readonly street?: string;
  /** City, state or province and postal code, as one line (the CSV gives them as one field). */
  readonly locality?: string;
  readonly country?: string;
}

/** One listed party, the same whichever format it was read from. */
export interface SanctionsEntry {
  /** OFAC's `ent_num` / `uid`, a decimal string. */
  readonly uid: string;
  readonly kind: SanctionsEntryKind;
  /** The primary name first, then aliases in published order. */
  readonly names: readonly SanctionsName[];
  readonly programs: readonly string[];
  readonly identifiers: readonly SanctionsIdentifier[];
  /** As published: `10 Dec 1948`, `1964`, `circa 1951`, `1963 to 1965`. */
  readonly datesOfBirth: readonly string[];
  /** Nationalities and citizenships, as published country names. */
  readonly nationalities: readonly string[];
  readonly addresses: readonly SanctionsAddress[];
}

/** One published version of a list, entries sorted by numeric uid. */
export interface SanctionsList {
  readonly source: 'ofac-sdn';
  readonly format: 'csv' | 'xml';
  /** The publish date (`YYYY-MM-DD`) or a version the importer was given. */
  readonly version: string;
  /** Hex SHA-256 of the raw input (see `inputSha256` for several files). */
  readonly sha256: string;
  readonly entries: readonly SanctionsEntry[];
}

/**
 * Size limits of ledger input, in one place so clients can validate before they submit. Every
 * limit keeps a transaction's reads, writes and event bounded; none is a business rule.
 */

/** Legal names, trustee names and asset names: the longest registered company names fit. */
export const MAX_NAME_CHARS = 200;

/** Company register numbers and similar identifiers. */
export const MAX_REGISTRATION_NUMBER_CHARS = 64;

/** An asset's free-text description. */
export const MAX_DESCRIPTION_CHARS = 2_000;

/** A document URI (`https:`, `ipfs:`, `urn:` and so on). */
export const MAX_URI_CHARS = 512;

/** Documents listed on one SPV. */
export const MAX_SPV_DOCUMENTS = 32;

/** A valuation method, such as "RICS Red Book market value". */
export const MAX_METHOD_CHARS = 128;

/** The reason given for a suspension, revocation or erasure. */
export const MAX_REASON_CHARS = 500;

/** Initial holders of one tokenization: one transaction writes one holding per holder. */
export const MAX_ALLOCATIONS = 100;

/** Display decimals of an asset's units, as ERC-20 tokens allow in practice. */
export const MAX_DECIMALS = 18;

/** A JSON document passed as a transaction argument, in UTF-16 characters. */
export const MAX_DOCUMENT_CHARS = 65_536;

/** The investor PII document in the transient map, in bytes. */
export const MAX_PII_BYTES = 16_384;

/** Records one page of a list query returns. */
export const MAX_PAGE_SIZE = 100;

/** The last second an instant field may name: 9999-12-31T23:59:59Z, so every instant prints as a date. */
export const MAX_UNIX_SECONDS = 253_402_300_799;

/** A payment or settlement reference, such as a SWIFT UETR or an end-to-end id. */
export const MAX_REFERENCE_CHARS = 128;

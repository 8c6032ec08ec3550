import type { JsonObject } from '../json/json-value';
import { DECIMAL_AMOUNT_PATTERN, POSITIVE_DECIMAL_AMOUNT_PATTERN } from './decimal-amount';
import { INVESTOR_TYPES } from './investor-type';
import { JURISDICTIONS } from './jurisdiction';
import { LEDGER_ID_PATTERN } from './ledger-id';
import { POLICY_FIELDS, POLICY_SCHEMA_VERSION } from './policy';

const wholeNumber = (description: string, minimum: number): JsonObject => ({
  description,
  type: 'integer',
  minimum,
  maximum: Number.MAX_SAFE_INTEGER,
});

const jurisdictionSet = (description: string, minItems: number): JsonObject => ({
  description,
  type: 'array',
  items: { $ref: '#/$defs/jurisdiction' },
  uniqueItems: true,
  minItems,
});

/**
 * The published JSON Schema (draft 2020-12) of a policy document, built from the same constants
 * `parsePolicy` checks against. `policy.schema.json` beside this file is this object written out
 * (a test keeps the two identical). Two rules JSON Schema cannot state are in the description;
 * `parsePolicy` enforces them.
 */
export const POLICY_SCHEMA: JsonObject = {
  $schema: 'https://json-schema.org/draft/2020-12/schema',
  $id: 'urn:trestle:schema:policy:1',
  title: 'Trestle asset transfer policy',
  description:
    'The transfer rules of one tokenized asset, one document per version, stored on the ledger by the SHA-256 of its canonical JSON (keys sorted, no whitespace, set-valued lists sorted). ' +
    'Amounts are base units written as decimal strings. Also required: allowedJurisdictions and blockedJurisdictions share no code, and minTransfer does not exceed maxBalancePerHolder.',
  type: 'object',
  additionalProperties: false,
  required: [...POLICY_FIELDS],
  properties: {
    schemaVersion: { description: 'Version of this document shape.', const: POLICY_SCHEMA_VERSION },
    assetId: { description: 'The asset the policy governs.', type: 'string', pattern: LEDGER_ID_PATTERN },
    version: wholeNumber('1 for the first policy of the asset, then one more for each change.', 1),
    allowedJurisdictions: jurisdictionSet('Investors must reside in one of these.', 1),
    blockedJurisdictions: jurisdictionSet('Investors must not reside in any of these.', 0),
    allowedInvestorTypes: {
      description: 'Both sides of a transfer must be of one of these types.',
      type: 'array',
      items: { enum: [...INVESTOR_TYPES] },
      uniqueItems: true,
      minItems: 1,
    },
    lockupSeconds: wholeNumber('Units may move only this many seconds after their acquisition.', 0),
    maxHolders: wholeNumber('Most beneficial owners; units in bridge escrow count for their owner.', 1),
    maxBalancePerHolder: { description: 'Most units one beneficial owner may hold, escrowed units included.', $ref: '#/$defs/positiveAmount' },
    minTransfer: { description: 'Fewest units one transfer may move.', $ref: '#/$defs/amount' },
    fourEyesThreshold: { description: 'Transfers of at least this many units need two distinct officers.', $ref: '#/$defs/amount' },
    travelRuleThreshold: { description: 'Transfers of at least this many units need originator and beneficiary data.', $ref: '#/$defs/amount' },
    defiEligible: { description: 'Whether units may be bridged and used as collateral.', type: 'boolean' },
  },
  $defs: {
    amount: { description: 'Base units: digits only, no sign, no leading zeros.', type: 'string', pattern: DECIMAL_AMOUNT_PATTERN },
    positiveAmount: { description: 'Base units, at least 1.', type: 'string', pattern: POSITIVE_DECIMAL_AMOUNT_PATTERN },
    jurisdiction: { description: 'An officially assigned ISO 3166-1 alpha-2 code.', enum: [...JURISDICTIONS] },
  },
};

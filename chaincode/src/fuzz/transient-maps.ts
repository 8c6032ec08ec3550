import fc from 'fast-check';
import { investorPii } from '../testing/ledger-documents';
import { TRAVEL_RULE } from '../testing/transfer-story';
import { documentArgument } from './document-mutations';
import { junkString } from './junk-strings';

/** A proposal's transient map, as the stub takes it: strings travel as UTF-8, bytes as they are. */
export type TransientMap = Readonly<Record<string, string | Uint8Array>>;

const PII = investorPii();
const TRAVEL_RULE_DATA: unknown = JSON.parse(TRAVEL_RULE.travelRule);

/** Bytes that are not UTF-8 (a lone continuation byte, an overlong NUL, a surrogate) or are binary. */
const badBytes: fc.Arbitrary<Uint8Array> = fc.oneof(
  fc.constantFrom(Uint8Array.of(0xff, 0xfe), Uint8Array.of(0x80), Uint8Array.of(0xc0, 0x80), Uint8Array.of(0xed, 0xa0, 0x80), new Uint8Array(0), new Uint8Array(70_000)),
  fc.uint8Array({ maxLength: 64 }),
);

const junkValue: fc.Arbitrary<string | Uint8Array> = fc.oneof(junkString, badBytes);

/**
 * No transient map, the keys the contracts read (`pii`, `travelRule`) holding valid or one-field-off
 * data, or junk under those and other keys.
 */
export const transientMap: fc.Arbitrary<TransientMap | undefined> = fc.oneof(
  { weight: 3, arbitrary: fc.constant(undefined) },
  { weight: 2, arbitrary: documentArgument([PII]).map((pii): TransientMap => ({ pii })) },
  { weight: 2, arbitrary: documentArgument([TRAVEL_RULE_DATA]).map((travelRule): TransientMap => ({ travelRule })) },
  { weight: 1, arbitrary: fc.constant<TransientMap>({ pii: JSON.stringify(PII), travelRule: TRAVEL_RULE.travelRule }) },
  { weight: 2, arbitrary: fc.record({ pii: junkValue, travelRule: junkValue }, { requiredKeys: [] }) },
  { weight: 1, arbitrary: fc.dictionary(fc.oneof(fc.string({ maxLength: 12 }), fc.constantFrom('pii', 'travelRule', 'PII', '__proto__')), junkValue, { maxKeys: 3 }) },
);

import fc from 'fast-check';
import { ROLES } from '@trestle/compliance/src/roles/roles';
import { T0 } from '../testing/ledger-cast';
import {
  ASSET_ID,
  assetDocument,
  investorDocument,
  legalDocuments,
  SPV_ID,
  spvDocument,
  tokenizationDocument,
  valuationDocument,
} from '../testing/ledger-documents';
import { INVESTORS } from '../testing/ledger-story';
import { identityIdOf } from '../testing/stub-context';
import { WALLET_ONE, WALLET_TWO } from '../testing/test-wallets';
import { transferRequest } from '../testing/transfer-story';
import { documentArgument } from './document-mutations';
import { FUZZ_IDENTITIES } from './fuzz-identities';
import { PENDING_TRANSFER_ID, type FuzzWorld } from './fuzz-world';
import { junkString, nearMiss } from './junk-strings';

// What a parameter's name says it holds, as values that mean something on the fuzz world: the
// story's ids, amounts its holders can move, documents its transactions accept. A parameter the
// table does not know (a contract added later) gets every story value and every document.

type Hint = { readonly values: readonly string[] } | { readonly documents: readonly unknown[] };

const INVESTOR_IDS = Object.values(INVESTORS);

/** Parameter-name patterns and what they hold on `world`, most specific first. */
function hintTable(world: FuzzWorld): ReadonlyArray<readonly [RegExp, Hint]> {
  const allocations = { [INVESTORS.annaA]: 600_000n, [INVESTORS.chloeB]: 400_000n };
  const documents: ReadonlyArray<readonly [RegExp, Hint]> = [
    [/^spvJson$/, { documents: [spvDocument(), spvDocument({ spvId: 'SPV-FUZZ-2' })] }],
    [/^assetJson$/, { documents: [assetDocument(), assetDocument({ assetId: 'FUZZ-2' })] }],
    [/^documentsJson$/, { documents: [legalDocuments()] }],
    [/^valuationJson$/, { documents: [valuationDocument()] }],
    [/^tokenizationJson$/, { documents: [tokenizationDocument(allocations)] }],
    [/^investorJson$/, { documents: [investorDocument('INV-A-0009'), investorDocument(INVESTORS.annaA, { kycLevel: 'enhanced' })] }],
    [/^requestJson$/, { documents: [transferRequest('T-FUZZ-NEW', 5_000n), transferRequest('T-FUZZ-BIG', 60_000n), world.signedRequest] }],
  ];
  const everyDocument = documents.flatMap(([, hint]) => ('documents' in hint ? hint.documents : []));
  return [
    ...documents,
    [/Json$/, { documents: everyDocument }],
    [/^assetId$/, { values: [ASSET_ID] }],
    [/^spvId$/, { values: [SPV_ID] }],
    [/investorId$/i, { values: INVESTOR_IDS }],
    [/^transferId$/, { values: [PENDING_TRANSFER_ID, 'T-FUZZ-NEW'] }],
    [/^identityId$/, { values: FUZZ_IDENTITIES.map(({ identity }) => identityIdOf(identity)) }],
    [/msp/i, { values: ['BankAMSP', 'BankBMSP', 'BankCMSP', 'RegulatorMSP'] }],
    [/^role$/, { values: ROLES }],
    [/amount/i, { values: ['1', '100', '1000', '5000', '20000', '100000', '600000'] }],
    [/reason|reference/i, { values: ['Court order 2026/17', 'Adverse media', ''] }],
    [/hash|sha256/i, { values: ['ab'.repeat(32)] }],
    [/^pageSize$/, { values: ['1', '10', '100'] }],
    [/^bookmark$/, { values: [''] }],
    [/Iso$/, { values: ['2026-01-01T00:00:00.000Z', T0.toISOString(), '2027-01-01T00:00:00.000Z'] }],
    [/address|wallet/i, { values: [WALLET_ONE.address, WALLET_TWO.address, WALLET_TWO.address.toLowerCase()] }],
    [/chainId/i, { values: ['31337', '1'] }],
    [/nonce/i, { values: ['1', '2'] }],
    [/signature/i, { values: [world.unusedBindingSignature] }],
  ];
}

/** Argument arbitraries by parameter name, for one fuzz world. */
export type StoryArguments = (name: string) => fc.Arbitrary<string>;

/**
 * Text for a parameter by its name: a story value (often), a near miss of one, a value meant for
 * another parameter, or junk. JSON parameters get their documents, mostly with one field off. A
 * name the table does not know (a contract added later) gets every story value and document.
 */
export function storyArguments(world: FuzzWorld): StoryArguments {
  const table = hintTable(world);
  const everyValue = [...new Set(table.flatMap(([, hint]) => ('values' in hint ? hint.values : [])))];
  const everyDocument = table.find(([pattern]) => pattern.source === 'Json$')?.[1];
  const anyDocument = documentArgument(everyDocument !== undefined && 'documents' in everyDocument ? everyDocument.documents : []);
  return (name) => {
    const hint = table.find(([pattern]) => pattern.test(name))?.[1];
    if (hint !== undefined && 'documents' in hint) return documentArgument(hint.documents);
    const valid = fc.constantFrom(...(hint?.values ?? everyValue));
    const text = fc.oneof(
      { weight: 6, arbitrary: valid },
      { weight: 2, arbitrary: valid.chain(nearMiss) },
      { weight: 1, arbitrary: fc.constantFrom(...everyValue) },
      { weight: 3, arbitrary: junkString },
    );
    // An unknown name may well be a JSON document under another naming habit.
    return hint === undefined ? fc.oneof(text, anyDocument) : text;
  };
}

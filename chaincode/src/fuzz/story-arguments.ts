import fc from 'fast-check';
import { ROLES } from '@trestle/compliance/src/roles/roles';
import { T0 } from '../testing/ledger-cast';
import {
  ASSET_ID,
  assetDocument,
  investorDocument,
  legalDocuments,
  policyChange,
  SPV_ID,
  spvDocument,
  tokenizationDocument,
  valuationDocument,
} from '../testing/ledger-documents';
import { INVESTORS } from '../testing/ledger-story';
import { identityIdOf } from '../testing/stub-context';
import { CHAIN_ID, WALLET_ONE, WALLET_TWO } from '../testing/test-wallets';
import { transferRequest } from '../testing/transfer-story';
import { bridgeOutRequest, burnEvent, CHAIN_CONFIG, VALIDATOR_KEYS } from '../testing/bridge-story';
import { legalAction } from '../testing/legal-story';
import { IDENTITY_CHAIN_CONFIG, kycClaimsDocument } from '../bridge/identity-story';
import { CAST } from '../testing/ledger-cast';
import { EVIDENCE_FILE_ID, evidenceEntry, evidenceFileDocument } from '../testing/evidence-story';
import { documentArgument } from './document-mutations';
import { FUZZ_IDENTITIES } from './fuzz-identities';
import { BRIDGE_OUT_IDS, OPEN_PROPOSAL_ID, PENDING_TRANSFER_ID, type FuzzWorld } from './fuzz-world';
import { junkString, nearMiss } from './junk-strings';

// What a parameter's name says it holds, as values that mean something on the fuzz world: the
// story's ids, amounts its holders can move, documents its transactions accept. A row may be
// limited to one contract, since two contracts may give one name different meanings. A parameter
// the table does not know (a contract added later) gets every story value and every document.

type Hint = { readonly values: readonly string[] } | { readonly documents: readonly unknown[] };
/** A pattern over the parameter's name, what it holds, and the contract it is limited to, if any. */
type Row = readonly [RegExp, Hint, string?];

const INVESTOR_IDS = Object.values(INVESTORS);

/** Parameter patterns and what they hold on `world`, most specific first. */
function hintTable(world: FuzzWorld): ReadonlyArray<Row> {
  const allocations = { [INVESTORS.annaA]: 600_000n, [INVESTORS.chloeB]: 400_000n };
  const documents: ReadonlyArray<Row> = [
    [/^spvJson$/, { documents: [spvDocument(), spvDocument({ spvId: 'SPV-FUZZ-2' })] }],
    [/^assetJson$/, { documents: [assetDocument(), assetDocument({ assetId: 'FUZZ-2' })] }],
    [/^documentsJson$/, { documents: [legalDocuments()] }],
    [/^valuationJson$/, { documents: [valuationDocument()] }],
    [/^tokenizationJson$/, { documents: [tokenizationDocument(allocations)] }],
    // A new investor to onboard, anna's record to update, chloe's to adopt once BankB has left.
    [/^investorJson$/, { documents: [investorDocument('INV-A-0009'), investorDocument(INVESTORS.annaA, { kycLevel: 'enhanced' }), investorDocument(INVESTORS.chloeB, { kycLevel: 'enhanced' })] }],
    [/^requestJson$/, { documents: [transferRequest('T-FUZZ-NEW', 5_000n), transferRequest('T-FUZZ-BIG', 60_000n), world.signedRequest] }, 'TransferContract'],
    [/^requestJson$/, { documents: [bridgeOutRequest('B-FUZZ-NEW', 1_000n), bridgeOutRequest('B-FUZZ-BIG', 700_000n)] }, 'BridgeContract'],
    [/^configJson$/, { documents: [CHAIN_CONFIG, { ...CHAIN_CONFIG, chainId: '1' }, IDENTITY_CHAIN_CONFIG] }],
    [/^claimsJson$/, { documents: [kycClaimsDocument(VALIDATOR_KEYS.A), kycClaimsDocument(VALIDATOR_KEYS.C), kycClaimsDocument(VALIDATOR_KEYS.A, { topic: '2' })] }],
    [/^attestationJson$/, { documents: [burnEvent(1n, 500n), burnEvent(2n, 5_000n)] }],
    [
      /^entryJson$/,
      {
        documents: [
          evidenceEntry(CAST.bankAOfficer, 'compliance-officer'),
          evidenceEntry(CAST.regulator, 'regulator', { shareIndex: 3 }),
          evidenceEntry(CAST.bankBOfficer, 'compliance-officer', { outcome: 'refused', reason: 'Only BankAMSP or a regulator may open file KYC-A-0001.' }),
          evidenceEntry(CAST.bankBOfficer, 'compliance-officer'),
        ],
      },
    ],
    [/^evidenceJson$/, { documents: [evidenceFileDocument(), evidenceFileDocument({ fileId: 'LEGAL-FUZZ-1', kind: 'legal' }), evidenceFileDocument({ investorId: INVESTORS.chloeB })] }],
    [/^proposalJson$/, { documents: [legalAction('L-FUZZ-NEW', 'start-remediation'), legalAction('L-FUZZ-NEW', 'cure'), legalAction('L-FUZZ-NEW', 'redeem')] }],
    [/^policyJson$/, { documents: [policyChange(2, { lockupSeconds: 0 }), policyChange(2, { minTransfer: '10000', defiEligible: false })] }],
    [
      /^screeningJson$/,
      { documents: [{ status: 'hit', listVersion: 'SDN 2026-05-30', matches: [{ uid: '36', score: 1 }] }, { status: 'clear', listVersion: 'SDN 2026-05-30', matches: [] }] },
    ],
  ];
  const everyDocument = documents.flatMap(([, hint]) => ('documents' in hint ? hint.documents : []));
  return [
    ...documents,
    [/Json$/, { documents: everyDocument }],
    [/^assetId$/, { values: [ASSET_ID] }],
    [/^spvId$/, { values: [SPV_ID] }],
    [/investorId$/i, { values: INVESTOR_IDS }],
    [/^transferId$/, { values: [PENDING_TRANSFER_ID, 'T-FUZZ-NEW'] }],
    [/^bridgeOutId$/, { values: [BRIDGE_OUT_IDS.escrowed, BRIDGE_OUT_IDS.pending, 'B-FUZZ-NEW'] }],
    [/^fileId$/, { values: [EVIDENCE_FILE_ID, ''] }],
    [/^proposalId$/, { values: [OPEN_PROPOSAL_ID, 'L-REMEDIATE', 'L-FUZZ-NEW'] }],
    [/^version$/, { values: ['2', '3'] }],
    [/^superThreshold$/, { values: ['2', '3', '4'] }],
    [/^identityId$/, { values: FUZZ_IDENTITIES.map(({ identity }) => identityIdOf(identity)) }],
    [/msp/i, { values: ['BankAMSP', 'BankBMSP', 'BankCMSP', 'RegulatorMSP'] }],
    [/^role$/, { values: ROLES }],
    [/amount/i, { values: ['1', '100', '1000', '5000', '20000', '100000', '600000'] }],
    [/reason|reference/i, { values: ['Court order 2026/17', 'Adverse media', ''] }],
    [/hash|sha256/i, { values: ['ab'.repeat(32), `0x${'ab'.repeat(32)}`] }],
    [/^pageSize$/, { values: ['1', '10', '100'] }],
    [/^bookmark$/, { values: [''] }],
    [/Iso$/, { values: ['2026-01-01T00:00:00.000Z', T0.toISOString(), '2027-01-01T00:00:00.000Z'] }],
    [/^token$/, { values: [CHAIN_CONFIG.tokens[0]?.token ?? '', WALLET_ONE.address] }],
    [/address|wallet/i, { values: [WALLET_ONE.address, WALLET_TWO.address, WALLET_TWO.address.toLowerCase(), VALIDATOR_KEYS.A.address, VALIDATOR_KEYS.C.address] }],
    [/chainId/i, { values: [CHAIN_ID.toString(), '1'] }],
    [/nonce/i, { values: ['1', '2'] }],
    [/signature/i, { values: [world.unusedBindingSignature] }, 'WalletContract'],
    [/signature/i, { values: [world.mintSignature, world.unusedBindingSignature] }],
  ];
}

/** Argument arbitraries by contract and parameter name, for one fuzz world. */
export type StoryArguments = (contract: string, name: string) => fc.Arbitrary<string>;

/**
 * Text for a parameter by its name: a story value (often), a near miss of one, a value meant for
 * another parameter, or junk. JSON parameters get their documents, mostly with one field off. A
 * name the table does not know gets every story value and document.
 */
export function storyArguments(world: FuzzWorld): StoryArguments {
  const table = hintTable(world);
  const everyValue = [...new Set(table.flatMap(([, hint]) => ('values' in hint ? hint.values : [])))];
  const everyDocument = table.find(([pattern]) => pattern.source === 'Json$')?.[1];
  const anyDocument = documentArgument(everyDocument !== undefined && 'documents' in everyDocument ? everyDocument.documents : []);
  return (contract, name) => {
    const hint = table.find(([pattern, , only]) => pattern.test(name) && (only === undefined || only === contract))?.[1];
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

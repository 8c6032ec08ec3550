import { bridgeOutRequest, CHAIN_CONFIG, ledgerForBridge, requestBridgeOut } from '@trestle/chaincode/src/testing/bridge-story';
import { ControlContract } from '@trestle/chaincode/src/controls/control-contract';
import { CAST, T0, tx, unixSeconds } from '@trestle/chaincode/src/testing/ledger-cast';
import { ASSET_ID, investorDocument, investorPii, ONE_YEAR_LATER } from '@trestle/chaincode/src/testing/ledger-documents';
import { INVESTORS } from '@trestle/chaincode/src/testing/ledger-story';
import { legalAction, propose } from '@trestle/chaincode/src/testing/legal-story';
import { AFTER_LOCKUP, DESK, request, transferRequest } from '@trestle/chaincode/src/testing/transfer-story';
import type { OracleNav } from '../../nav/read-oracle-nav';
import type { KnownValues } from '../../testing/rest-fuzz/schema-values';
import type { OfficerAccount } from '../accounts/officer-account';
import type { NavReader } from '../nav/nav-reader';
import type { OfficerVault } from '../vault/officer-vault';
import { addBankBOnlyRequests, BANK_B_ONLY, DANIEL_B } from './bank-b-story';
import { inProcessLedger } from './in-process-ledger';
import { CAST_IDENTITIES, castAccount, PASSWORD } from './officer-cast';
import { startHarness, type Harness } from './officer-harness';

// The officer service's REST fuzz runs on this: the bridge story on the in-process chaincode stub
// (UNIT-TEST STUB, no Fabric peer) with several records of each kind the routes name, so
// well-formed requests reach real records, and a fourth person who logs in but holds no ledger role.

/** The people the fuzz sends requests as: the access matrix's officers of both banks and regulator, and someone without the role. */
export const FUZZ_PEOPLE = ['alice', 'carol', 'rita', 'mallory'] as const;

export type FuzzPerson = (typeof FUZZ_PEOPLE)[number];

/** A BankA member with a service account (compliance-officer) whose ledger identity holds no role at all. */
const ROLELESS = 'mallory';

/** The records the fuzz world holds beyond the bridge story. */
export const FUZZ_RECORDS = {
  /** Pending anna → chloe transfers requested by bob, and one within BankB requested by carol. */
  transfers: ['T-F1', 'T-F2', 'T-F3', 'T-F4', 'T-F5', 'T-F6', BANK_B_ONLY.transferId],
  /** Pending bridge-outs of anna's units, and one of chloe's requested by carol. */
  bridgeOuts: ['BO-F1', 'BO-F2', 'BO-F3', 'BO-F4', BANK_B_ONLY.bridgeOutId],
  /** A remediation proposed by alice as the SPV administrator. */
  proposal: 'L-F',
  investors: [INVESTORS.annaA, INVESTORS.benA, INVESTORS.chloeB, DANIEL_B],
} as const;

// The evidence routes reach a vault that holds no file; who may open one is the share services' call, tested in compliance/src/vault.
const EMPTY_VAULT: OfficerVault = {
  open: () => Promise.reject(new Error('the fuzz world has no evidence files')),
  locate: () => Promise.resolve(undefined),
  requesterOf: (account) => ({ identityId: 'x509::CN=unused::CN=unused', mspId: account.mspId, role: account.role }),
};

/** UNIT-TEST STUB for the EVM chain: every oracle holds one valid NAV, so the NAV route answers without a node. */
const FIXED_NAV: NavReader = {
  chainId: CHAIN_CONFIG.chainId,
  read: async (oracle): Promise<OracleNav> => ({
    oracle,
    navPerUnit: 4_250_000_000n,
    valuationSeq: 1n,
    validUntil: ONE_YEAR_LATER,
    writtenOff: false,
    haircutBps: 0n,
    price: 10n ** 36n,
    schedule: [{ secondsAfterExpiry: 86_400, haircutBps: 500 }],
    outlook: { kind: 'valid', secondsUntilExpiry: 86_400, firstPoint: { secondsAfterExpiry: 86_400, haircutBps: 500 } },
    at: unixSeconds(AFTER_LOCKUP),
  }),
  close: () => {},
};

/** A running service over the fuzz world, and the fuzz people's accounts (mallory's added to the cast). */
export type FuzzWorld = { readonly harness: Harness; readonly accounts: Readonly<Record<FuzzPerson, OfficerAccount>> };

/** Starts the service over the fuzz world, its clock at the end of the lockup. */
export async function startFuzzWorld(): Promise<FuzzWorld> {
  const worldState = await ledgerForBridge();
  for (const transferId of FUZZ_RECORDS.transfers.slice(0, -1)) await request(worldState, transferRequest(transferId, 5_000n));
  for (const bridgeOutId of FUZZ_RECORDS.bridgeOuts.slice(0, -1)) await requestBridgeOut(worldState, bridgeOutRequest(bridgeOutId, 1_000n));
  await addBankBOnlyRequests(worldState);
  await new ControlContract().FreezePartial(tx(DESK.officerA, worldState, { at: AFTER_LOCKUP }).ctx, ASSET_ID, INVESTORS.annaA, '10', 'fuzz world set-up');
  await propose(worldState, legalAction(FUZZ_RECORDS.proposal, 'start-remediation'), CAST.spvAdmin, { at: AFTER_LOCKUP });
  // The harness makes its clock; the ledger reads it once the harness exists.
  let now = () => AFTER_LOCKUP.getTime();
  const ledger = inProcessLedger(worldState, { ...CAST_IDENTITIES, [ROLELESS]: CAST.nobody }, () => new Date(now()));
  const harness = await startHarness({ ledger, vault: EMPTY_VAULT, nav: FIXED_NAV }, worldState);
  now = () => harness.clock.now();
  const roleless: OfficerAccount = { ...(await castAccount('alice')), username: ROLELESS, displayName: 'Mallory (BankA, no ledger role)', walletLabel: ROLELESS };
  await harness.accounts.add(roleless);
  return { harness, accounts: { alice: await castAccount('alice'), carol: await castAccount('carol'), rita: await castAccount('rita'), mallory: roleless } };
}

/**
 * Values of the fuzz world by parameter or field name: ids of its records and the codes its ledger
 * accepts, so most well-formed requests name something that exists and can succeed.
 */
export const FUZZ_KNOWN_VALUES: KnownValues = {
  transferId: FUZZ_RECORDS.transfers,
  bridgeOutId: FUZZ_RECORDS.bridgeOuts,
  // Ids no one holds yet, so onboarding can succeed (and the routes that name them answer 404 until it does).
  investorId: [...FUZZ_RECORDS.investors, 'INV-A-0900', 'INV-B-0900', 'INV-A-0901'],
  assetId: [ASSET_ID],
  proposalId: [FUZZ_RECORDS.proposal],
  fileId: [`KYC-${INVESTORS.annaA}`],
  bank: ['BankAMSP', 'BankBMSP', 'RegulatorMSP'],
  actorMsp: ['BankAMSP', 'BankBMSP'],
  from: ['2026-01-01T00:00:00.000Z', T0.toISOString()],
  to: ['2027-01-01T00:00:00.000Z'],
  // The first page; any other bookmark is one the ledger never returned.
  bookmark: [''],
  username: ['alice', 'carol', 'rita', ROLELESS, 'bob'],
  password: [PASSWORD],
  reason: ['Checked by the fuzz'],
  amount: ['1', '10', '1000'],
  jurisdiction: [investorDocument('x').jurisdiction, 'LI'],
  investorType: ['professional', 'accredited'],
  kycExpiresAt: [ONE_YEAR_LATER],
  status: ['clear'],
  listVersion: ['SDN 2026-02-28'],
  screenedAt: [unixSeconds(T0) - 86_400],
  ...Object.fromEntries(['fullName', 'birthDate', 'postalCode', 'city'].map((key) => [key, [investorPii()[key] ?? (investorPii().address as Record<string, unknown>)[key]]])),
  lines: [['Bahnhofstrasse 1']],
  country: ['CH'],
  issuingCountry: ['CH'],
  reference: ['X1234567'],
};

import { bridgeOutRequest, CHAIN_CONFIG, ledgerForBridge, requestBridgeOut } from '@trestle/chaincode/src/testing/bridge-story';
import { ControlContract } from '@trestle/chaincode/src/controls/control-contract';
import { InvestorContract } from '@trestle/chaincode/src/investors/investor-contract';
import { CAST, T0, tx, unixSeconds } from '@trestle/chaincode/src/testing/ledger-cast';
import { ASSET_ID, investorDocument, investorPii, ONE_YEAR_LATER } from '@trestle/chaincode/src/testing/ledger-documents';
import { INVESTORS } from '@trestle/chaincode/src/testing/ledger-story';
import { stagePii } from '@trestle/chaincode/src/testing/staged-pii';
import { legalAction, propose } from '@trestle/chaincode/src/testing/legal-story';
import { AFTER_LOCKUP, DESK, request, transferRequest } from '@trestle/chaincode/src/testing/transfer-story';
import { isTrestleError } from '../../errors/trestle-error';
import type { InvestorRecord } from '../../ledger/investor';
import type { OracleNav } from '../../nav/read-oracle-nav';
import type { KnownValues } from '../../testing/rest-fuzz/schema-values';
import type { OfficerAccount } from '../accounts/officer-account';
import type { NavReader } from '../nav/nav-reader';
import type { OfficerVault } from '../vault/officer-vault';
import { addBankBOnlyRequests, BANK_B_ONLY, DANIEL_B } from './bank-b-story';
import { bankBLeaves } from './bank-leaves';
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

/** The operations the fuzz sends to the adoption world instead: they need a bank that left and requests waiting. */
export const ADOPTION_OPERATIONS: ReadonlySet<string> = new Set(['adoptInvestor', 'getAdoption', 'approveAdoption', 'rejectAdoption', 'listAdoptions']);

/** BankB's investors whose adoption by BankA waits in the adoption world. */
const ADOPTION_INVESTORS = [INVESTORS.chloeB, DANIEL_B] as const;

/**
 * The fuzz world after BankB left the consortium, with BankA's requests to adopt chloe and daniel
 * waiting for the regulator. Its own service and ledger: in the main world BankB's officer must
 * keep her roles.
 */
export async function startAdoptionFuzzWorld(): Promise<FuzzWorld> {
  const world = await startFuzzWorld();
  await bankBLeaves(world.harness);
  await keepAdoptionsWaiting(world);
  return world;
}

/**
 * Requests again, as BankA's officer, the adoption of each of those investors who is still BankB's
 * and has none waiting, so a rejection or withdrawal the fuzz made does not leave the next cases
 * only INVESTOR_ADOPTION_NOT_FOUND to find. Called before a case's before-snapshot. An approved
 * adoption is final: the investor is BankA's, and their adoption routes answer 404 or 409 after it.
 */
export async function keepAdoptionsWaiting(world: FuzzWorld): Promise<void> {
  const { worldState, clock } = world.harness;
  const investors = new InvestorContract();
  for (const investorId of ADOPTION_INVESTORS) {
    const investor = JSON.parse(await investors.GetInvestor(tx(DESK.regulator, worldState).ctx, investorId)) as InvestorRecord;
    if (investor.bankMsp !== 'BankBMSP' || (await adoptionWaits(investors, world, investorId))) continue;
    const { jurisdiction, investorType, kycLevel, kycExpiresAt, sanctions } = investor;
    const at = { at: new Date(clock.now()) };
    const piiHash = await stagePii(DESK.officerA, worldState, investorId, undefined, at);
    await investors.AdoptInvestor(tx(DESK.officerA, worldState, at).ctx, JSON.stringify({ investorId, jurisdiction, investorType, kycLevel, kycExpiresAt, sanctions }), piiHash, 'BankB left; KYC redone by BankA (fuzz world)');
  }
}

async function adoptionWaits(investors: InvestorContract, world: FuzzWorld, investorId: string): Promise<boolean> {
  try {
    await investors.GetAdoption(tx(DESK.regulator, world.harness.worldState).ctx, investorId);
    return true;
  } catch (error) {
    if (isTrestleError(error, 'INVESTOR_ADOPTION_NOT_FOUND')) return false;
    throw error;
  }
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

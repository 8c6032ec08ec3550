import test from 'ava';
import { consortiumWorld } from './testing/ledger-cast';
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { parseTrestleError } from '@trestle/compliance/src/errors/trestle-error';
import { CAST, castLedger } from './testing/ledger-cast';
import { investorDocument, json, piiTransient, SPV_ID, spvDocument } from './testing/ledger-documents';
import { piiHashOf } from './testing/staged-pii';
import { identityIdOf, snapshotLedger, stubContext, type TestIdentity, type WorldState } from './testing/stub-context';
import { BANK_A_ADMIN, BANK_A_ALICE } from './testing/test-identities';

// Builds chaincode/dist with tsc (which emits the decorator metadata tsx cannot) and loads it the
// way `fabric-chaincode-node server` does: package.json "main" through fabric-shim's bootstrap,
// then fabric-shim's own dispatcher, with only the chaincode stub in memory.

type Response = { status: number; message?: string; payload?: Uint8Array };
type TransactionMetadata = { name: string; tag?: string[]; parameters?: Array<{ name: string; schema: unknown }>; returns?: unknown };
type Chaincode = {
  metadata: { contracts: Record<string, { transactions: TransactionMetadata[] }> };
  Invoke(stub: unknown): Promise<Response>;
};
type ContractInfo = { contracts: Array<new () => unknown>; serializers: unknown; title: string; version: string };

const CHAINCODE_DIR = path.resolve(__dirname, '..');
const ALICE = identityIdOf(BANK_A_ALICE);

let chaincode: Chaincode;
let contracts: ContractInfo['contracts'];

test.before(() => {
  execFileSync(process.execPath, [path.join(CHAINCODE_DIR, 'scripts', 'build.cjs')], { stdio: 'inherit' });
  // fabric-shim's contract runtime is internal and untyped; these are the modules its CLI runs.
  /* eslint-disable @typescript-eslint/no-require-imports */
  const Bootstrap = require('fabric-shim/lib/contract-spi/bootstrap') as { getInfoFromContract(modulePath: string): ContractInfo };
  const ChaincodeFromContract = require('fabric-shim/lib/contract-spi/chaincodefromcontract') as new (...args: unknown[]) => Chaincode;
  /* eslint-enable @typescript-eslint/no-require-imports */
  const info = Bootstrap.getInfoFromContract(CHAINCODE_DIR);
  contracts = [...info.contracts];
  // The constructor appends fabric's system contract to the array it is given: pass a copy.
  chaincode = new ChaincodeFromContract([...info.contracts], info.serializers, {}, info.title, info.version);
});

function invoke(identity: TestIdentity, worldState: WorldState, fn: string, ...args: string[]) {
  return invokeOn('RoleContract', identity, worldState, fn, args);
}

function invokeOn(contract: string, identity: TestIdentity, worldState: WorldState, fn: string, args: string[], transient?: Record<string, string>) {
  const tx = stubContext({ identity, worldState, args: [`${contract}:${fn}`, ...args], transient });
  return { tx, response: chaincode.Invoke(tx.stub) };
}

test('package.json main exports contracts: RoleContract first, then the ledger, transfer, control, legal, audit, bridge and evidence contracts', (t) => {
  t.deepEqual(
    contracts.map((contract) => contract.name),
    ['RoleContract', 'ConsortiumContract', 'SpvContract', 'AssetContract', 'InvestorContract', 'WalletContract', 'TransferContract', 'ControlContract', 'LegalContract', 'AuditContract', 'BridgeContract', 'GatewayMessageContract', 'EvidenceContract'],
  );
});

test('the runtime metadata lists exactly the four transactions with typed parameters', (t) => {
  const transactions = chaincode.metadata.contracts.RoleContract?.transactions ?? [];
  const summary = Object.fromEntries(transactions.map((tx) => [tx.name, { tag: tx.tag, parameters: tx.parameters?.map((p) => [p.name, p.schema]), returns: tx.returns }]));
  const string = { type: 'string' };
  t.deepEqual(summary, {
    GrantRole: { tag: ['SUBMIT', 'submitTx'], parameters: [['identityId', string], ['role', string]], returns: undefined },
    RevokeRole: { tag: ['SUBMIT', 'submitTx'], parameters: [['identityId', string], ['role', string]], returns: undefined },
    ListRoles: { tag: ['EVALUATE'], parameters: [], returns: string },
    GetRoles: { tag: ['EVALUATE'], parameters: [['mspId', string], ['identityId', string]], returns: string },
  });
});

test('a grant submitted through the dispatcher is stored and listed', async (t) => {
  const worldState: WorldState = await consortiumWorld();
  const grant = invoke(BANK_A_ADMIN, worldState, 'GrantRole', ALICE, 'operator');
  t.is((await grant.response).status, 200);
  t.deepEqual(grant.tx.events.map((event) => event.name), ['RoleGranted']);

  const list = await invoke(BANK_A_ALICE, worldState, 'ListRoles').response;
  t.is(list.status, 200);
  const grants = JSON.parse(Buffer.from(list.payload ?? []).toString('utf8')) as Array<{ identityId: string; role: string }>;
  t.deepEqual(grants.map((g) => [g.identityId, g.role]), [[ALICE, 'operator']]);
});

test('a refusal reaches the client as a message it can parse back to the typed error', async (t) => {
  const response = await invoke(BANK_A_ALICE, new Map(), 'GrantRole', ALICE, 'operator').response;
  t.is(response.status, 500);
  t.is(parseTrestleError(response.message ?? '')?.code, 'CALLER_NOT_ORG_ADMIN');
});

test('helpers and inherited methods cannot be invoked as transactions', async (t) => {
  const worldState: WorldState = new Map();
  for (const fn of ['requireOrgAdmin', 'grantTarget', 'readGrants', 'beforeTransaction', 'getName', 'constructor']) {
    const response = await invoke(BANK_A_ADMIN, worldState, fn, ALICE, 'operator').response;
    t.is(response.status, 500, fn);
    t.regex(response.message ?? '', /does not exist/, fn);
  }
  t.is(worldState.size, 0);
});

// Every transaction of the ledger contracts, its kind, and its parameters (all strings on the wire).
const SUBMIT = ['SUBMIT', 'submitTx'];
const EVALUATE = ['EVALUATE'];
// A third element `true` marks a submit that answers a string (the record it wrote).
const LEDGER_TRANSACTIONS: Record<string, Record<string, [string[], string[], true?]>> = {
  SpvContract: {
    RegisterSpv: [SUBMIT, ['spvJson']],
    UpdateSpv: [SUBMIT, ['spvJson']],
    GetSpv: [EVALUATE, ['spvId']],
    ListSpvs: [EVALUATE, ['pageSize', 'bookmark']],
    GetSpvHistory: [EVALUATE, ['spvId']],
  },
  AssetContract: {
    CreateAsset: [SUBMIT, ['assetJson']],
    RecordLegalDocuments: [SUBMIT, ['assetId', 'documentsJson']],
    RecordValuation: [SUBMIT, ['assetId', 'valuationJson']],
    ApproveAsset: [SUBMIT, ['assetId']],
    TokenizeAsset: [SUBMIT, ['assetId', 'tokenizationJson']],
    GetAsset: [EVALUATE, ['assetId']],
    GetAssetHistory: [EVALUATE, ['assetId']],
    ListValuations: [EVALUATE, ['assetId']],
    GetHolding: [EVALUATE, ['assetId', 'investorId']],
    GetPolicy: [EVALUATE, ['assetId']],
    ProposePolicyChange: [SUBMIT, ['assetId', 'policyJson']],
    ApprovePolicyChange: [SUBMIT, ['assetId', 'version', 'reason']],
    RejectPolicyChange: [SUBMIT, ['assetId', 'version', 'reason']],
    ListPolicyChanges: [EVALUATE, ['assetId']],
  },
  InvestorContract: {
    StageInvestorPii: [SUBMIT, ['investorId'], true],
    DiscardStagedInvestorPii: [SUBMIT, ['investorId', 'piiHash']],
    OnboardInvestor: [SUBMIT, ['investorJson', 'piiHash']],
    AdoptInvestor: [SUBMIT, ['investorJson', 'piiHash', 'reason']],
    ApproveAdoption: [SUBMIT, ['investorId', 'reason']],
    RejectAdoption: [SUBMIT, ['investorId', 'reason']],
    ListAdoptionRequests: [EVALUATE, ['pageSize', 'bookmark']],
    GetAdoption: [EVALUATE, ['investorId']],
    UpdateInvestor: [SUBMIT, ['investorJson', 'piiHash']],
    SuspendInvestor: [SUBMIT, ['investorId', 'reason']],
    ReinstateInvestor: [SUBMIT, ['investorId', 'reason']],
    RevokeInvestor: [SUBMIT, ['investorId', 'reason']],
    EraseInvestorPii: [SUBMIT, ['investorId', 'reason']],
    GetInvestor: [EVALUATE, ['investorId']],
    ListInvestorsOfBank: [EVALUATE, ['bankMsp', 'pageSize', 'bookmark']],
    GetInvestorPii: [EVALUATE, ['investorId']],
    RecordScreening: [SUBMIT, ['investorId', 'screeningJson']],
  },
  WalletContract: {
    BindWallet: [SUBMIT, ['investorId', 'address', 'chainId', 'nonce', 'signature']],
    GetWalletBinding: [EVALUATE, ['address']],
  },
  TransferContract: {
    RequestTransfer: [SUBMIT, ['requestJson']],
    ApproveTransfer: [SUBMIT, ['transferId', 'reason']],
    RejectTransfer: [SUBMIT, ['transferId', 'reason']],
    CancelTransfer: [SUBMIT, ['transferId']],
    ExpireTransfer: [SUBMIT, ['transferId']],
    GetTransfer: [EVALUATE, ['transferId']],
    ListPendingTransfers: [EVALUATE, ['bankMsp', 'pageSize', 'bookmark']],
    CheckTransfer: [EVALUATE, ['requestJson']],
  },
  ControlContract: {
    FreezeInvestor: [SUBMIT, ['assetId', 'investorId', 'reason']],
    FreezePartial: [SUBMIT, ['assetId', 'investorId', 'amount', 'reason']],
    UnfreezeInvestor: [SUBMIT, ['assetId', 'investorId', 'reason']],
    UnfreezePartial: [SUBMIT, ['assetId', 'investorId', 'amount', 'reason']],
    ForcedTransfer: [SUBMIT, ['assetId', 'fromInvestorId', 'toInvestorId', 'amount', 'orderReference', 'documentHash']],
    PauseAsset: [SUBMIT, ['assetId', 'reason']],
    UnpauseAsset: [SUBMIT, ['assetId', 'reason']],
  },
  LegalContract: {
    ProposeLegalAction: [SUBMIT, ['proposalJson']],
    ApproveLegalAction: [SUBMIT, ['proposalId', 'reason']],
    RejectLegalAction: [SUBMIT, ['proposalId', 'reason']],
    WithdrawLegalAction: [SUBMIT, ['proposalId', 'reason']],
    GetLegalProposal: [EVALUATE, ['proposalId']],
    GetLegalHistory: [EVALUATE, ['assetId']],
  },
  AuditContract: {
    ListAudit: [EVALUATE, ['fromIso', 'toIso', 'pageSize', 'bookmark']],
  },
  EvidenceContract: {
    RegisterEvidence: [SUBMIT, ['evidenceJson'], true],
    GetEvidence: [EVALUATE, ['investorId', 'fileId']],
    ListEvidence: [EVALUATE, ['investorId', 'pageSize', 'bookmark']],
    RecordEvidenceAccess: [SUBMIT, ['entryJson']],
    ListEvidenceAccess: [EVALUATE, ['bankMsp', 'investorId', 'fileId', 'pageSize', 'bookmark']],
  },
};

test('the runtime metadata lists exactly the ledger transactions, SUBMIT or EVALUATE, with string parameters and results', (t) => {
  const string = { type: 'string' };
  for (const [contract, expected] of Object.entries(LEDGER_TRANSACTIONS)) {
    const transactions = chaincode.metadata.contracts[contract]?.transactions ?? [];
    const summary = Object.fromEntries(transactions.map((tx) => [tx.name, { tag: tx.tag, parameters: tx.parameters?.map((p) => [p.name, p.schema]), returns: tx.returns }]));
    const wanted = Object.fromEntries(
      Object.entries(expected).map(([name, [tag, parameters, answers]]) => [name, { tag, parameters: parameters.map((p) => [p, string]), returns: tag === EVALUATE || answers === true ? string : undefined }]),
    );
    t.deepEqual(summary, wanted, contract);
  }
});

test('an SPV registered through the dispatcher is read back; a refusal parses back to its typed error', async (t) => {
  const worldState = await castLedger();
  const registration = invokeOn('SpvContract', CAST.spvAdmin, worldState, 'RegisterSpv', [json(spvDocument())]);
  t.is((await registration.response).status, 200);
  t.deepEqual(registration.tx.events.map((event) => event.name), ['SpvRegistered']);
  const read = await invokeOn('SpvContract', CAST.appraiser, worldState, 'GetSpv', [SPV_ID]).response;
  t.is((JSON.parse(Buffer.from(read.payload ?? []).toString('utf8')) as { administeringBankMsp: string }).administeringBankMsp, 'BankAMSP');

  const refusal = await invokeOn('SpvContract', CAST.bankBOfficer, worldState, 'UpdateSpv', [json(spvDocument())]).response;
  t.is(refusal.status, 500);
  t.is(parseTrestleError(refusal.message ?? '')?.code, 'CALLER_OF_OTHER_BANK');
});

test('PII reaches the chaincode through the transient map of a dispatched StageInvestorPii, never through arguments; OnboardInvestor takes the hash it answers', async (t) => {
  const worldState = await castLedger();
  const staging = await invokeOn('InvestorContract', CAST.bankAOfficer, worldState, 'StageInvestorPii', ['INV-1'], piiTransient()).response;
  t.is(staging.status, 200);
  const piiHash = Buffer.from(staging.payload ?? []).toString('utf8');
  t.is(piiHash, piiHashOf(), 'the answer is the hash, as plain text');
  const onboarding = invokeOn('InvestorContract', CAST.bankAOfficer, worldState, 'OnboardInvestor', [json(investorDocument('INV-1')), piiHash]);
  t.is((await onboarding.response).status, 200);
  const withoutHash = await invokeOn('InvestorContract', CAST.bankAOfficer, worldState, 'OnboardInvestor', [json(investorDocument('INV-2'))], piiTransient()).response;
  t.is(withoutHash.status, 500, 'the transient map alone onboards nobody any more');
  const pii = await invokeOn('InvestorContract', CAST.bankAOfficer, worldState, 'GetInvestorPii', ['INV-1']).response;
  t.is((JSON.parse(Buffer.from(pii.payload ?? []).toString('utf8')) as { fullName: string }).fullName, 'Anna Muster');
  const denied = await invokeOn('InvestorContract', CAST.bankBOfficer, worldState, 'GetInvestorPii', ['INV-1']).response;
  t.is(parseTrestleError(denied.message ?? '')?.code, 'PII_ACCESS_DENIED');
});

test('ledger helpers cannot be invoked as transactions', async (t) => {
  const worldState = await castLedger();
  const before = snapshotLedger(worldState);
  for (const [contract, fn] of [['AssetContract', 'tokenizeAsset'], ['InvestorContract', 'onboardInvestor'], ['InvestorContract', 'changeInvestorStatus'], ['WalletContract', 'recoverBindingSigner'], ['SpvContract', 'readSpv'], ['TransferContract', 'approveTransfer'], ['TransferContract', 'settle'], ['ControlContract', 'changeFreeze'], ['ControlContract', 'setPaused'], ['LegalContract', 'proposeLegalAction'], ['LegalContract', 'applyLegalAction'], ['AuditContract', 'appendAudit']]) {
    const response = await invokeOn(contract as string, CAST.spvAdmin, worldState, fn as string, ['x']).response;
    t.is(response.status, 500, fn);
    t.regex(response.message ?? '', /does not exist/, fn);
  }
  t.deepEqual(snapshotLedger(worldState), before);
});

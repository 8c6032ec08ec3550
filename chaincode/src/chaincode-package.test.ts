import test from 'ava';
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { parseTrestleError } from '@trestle/compliance/src/errors/trestle-error';
import { identityIdOf, stubContext, type TestIdentity, type WorldState } from './testing/stub-context';
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
  const tx = stubContext({ identity, worldState, args: [`RoleContract:${fn}`, ...args] });
  return { tx, response: chaincode.Invoke(tx.stub) };
}

test('package.json main exports contracts: [RoleContract]', (t) => {
  t.deepEqual(
    contracts.map((contract) => contract.name),
    ['RoleContract'],
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
  const worldState: WorldState = new Map();
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

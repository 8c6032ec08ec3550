import '../testing/quiet-fabric-logs';
import path from 'node:path';
import { transactionsOf, type ContractTransaction } from '../fuzz/contract-transactions';
import { contracts } from '../index';
import { ACCESS_COLUMNS, ACCESS_IDENTITIES, type AccessColumn } from './access-identities';
import { cellOf, rowOf, type Access } from './access-matrix';
import { REST_ACCESS_MATRIX } from './rest-route-access';

/** Where the readable matrix lives: docs/access-matrix.md at the repository's root. */
export const ACCESS_MATRIX_DOC = path.resolve(__dirname, '..', '..', '..', 'docs', 'access-matrix.md');

const CELL: Readonly<Record<Access, string>> = { allow: 'allow', 'own-bank': 'own bank', 'other-bank': 'other bank', deny: '—' };
const HEADING: Readonly<Record<AccessColumn, string>> = {
  'compliance-officer': 'officer',
  operator: 'operator',
  'spv-admin': 'spv-admin',
  appraiser: 'appraiser',
  validator: 'validator',
  regulator: 'regulator',
  vault: 'vault',
  'org-admin': 'org admin',
  'no-role': 'no role',
};

/**
 * The matrix as Markdown: a table per contract (rows its transactions in the order fabric-shim
 * serves them, columns the roles), then the bridge plugin's REST routes. Deterministic, so a test
 * can compare it with the committed file.
 */
export function renderAccessMatrix(): string {
  const transactions = transactionsOf(contracts);
  const contractNames = [...new Set(transactions.map((transaction) => transaction.contract))];
  return [
    ...INTRODUCTION,
    `Size: ${transactions.length} transactions of ${contractNames.length} contracts × ${ACCESS_IDENTITIES.length} identities = ${transactions.length * ACCESS_IDENTITIES.length} calls, and ${REST_ACCESS_MATRIX.length} REST routes.`,
    '',
    realNetworkParagraph(transactions.length),
    '',
    ...contractNames.flatMap((contract) => contractTable(contract, transactions.filter((transaction) => transaction.contract === contract))),
    '## Bridge plugin REST routes',
    '',
    'From `bridge/src/plugin/openapi.json`, compared route for route by `rest-route-access.test.ts`, which also checks the spec declares no security scheme, no request body and GET only. `bridge/src/plugin/api-server-host.ts` binds the Cactus ApiServer to 127.0.0.1 with authorization off; `bridge/test/validator/no-secrets-in-output.test.ts` checks no answer carries a key or password. On the real network, `network/test/access/no-secrets-real.test.ts` hosts the plugin over BankA\'s ledger connection during a bridge run and calls every route (each answers without credentials) and calls it does not list (a POST on each route, a DELETE, an unknown path: each refused), then searches the answers for keys and passwords.',
    '',
    '| route | who may call | answers |',
    '|---|---|---|',
    ...REST_ACCESS_MATRIX.map((route) => `| \`${route.method} ${route.path}\` | ${route.access} | ${route.answers} |`),
    '',
    ...NOT_SHOWN,
  ].join('\n');
}

function contractTable(contract: string, transactions: readonly ContractTransaction[]): string[] {
  return [
    `## ${contract}`,
    '',
    `| transaction | kind | ${ACCESS_COLUMNS.map((column) => HEADING[column]).join(' | ')} | rule |`,
    `|---|---|${ACCESS_COLUMNS.map(() => ':-:').join('|')}|---|`,
    ...transactions.map((transaction) => {
      const row = rowOf(contract, transaction.name);
      if (row === undefined) throw new Error(`${contract}.${transaction.name} has no row in chaincode/src/access/access-matrix.ts; add one before generating`);
      const cells = ACCESS_COLUMNS.map((column) => CELL[cellOf(row, column)]);
      return `| \`${transaction.name}(${transaction.parameters.join(', ')})\` | ${transaction.kind} | ${cells.join(' | ')} | ${row.rule} |`;
    }),
    '',
  ];
}

/** How the same rows are checked on the real network, with the size of that check. */
function realNetworkParagraph(transactions: number): string {
  return (
    `Also checked on the real three-bank Fabric network by \`network/test/access/access-matrix-real.test.ts\` (\`npx ava --serial network/test/access/\` on a stack that is up): the same ${transactions} rows, read from \`access-matrix.ts\` when the test runs, × the same ${ACCESS_IDENTITIES.length} identities = ${transactions * ACCESS_IDENTITIES.length} calls, each identity a fresh certificate issued by its org's CA and granted exactly its column's role by its org's admin on the ledger (the org admins are the network's own), each call simulated on a real peer with \`evaluateTransaction\` (the chaincode decides on the real certificate and the committed grants; nothing is ordered). ` +
    'The calls are the stub test\'s (`access-cases.ts`) with their record ids translated to records made fresh on the network (an asset of a BankA SPV with its investors, a pending transfer, policy change, legal proposal and bridge-out, a KYC file, a bound wallet). A denied cell must be refused with the codes above; an allowed one must not be, though it may fail on the record\'s state, since the network holds one record of each kind where the stub has a ledger per chapter. ' +
    'Two cells of the wrong bank are checked as refused without their code, because the shared network cannot hold their record: `RejectAdoption` (an adoption request needs a bank that left the consortium) and `ProposeIdentityRegistration` (a BankC validator with a registered address and its signed claim). ' +
    'The test also submits four denied cells for real (each refused at endorsement, a read before and after unchanged), calls every row that needs a role as a member whose role was revoked, and calls names no contract serves (an unknown name, the methods every contract inherits from fabric-contract-api, an unknown contract): all refused.'
  );
}

const INTRODUCTION = [
  '# Access-control matrix',
  '',
  '<!-- Generated by `npm run access-matrix` from chaincode/src/access/; edit the data there, not this file. -->',
  '',
  'Who may call each transaction of the `trestle` chaincode and each REST route of the bridge plugin. The expected cells are written by hand from the rules in `chaincode/README.md` (`chaincode/src/access/access-matrix.ts`) and checked by `npx ava chaincode/src/access/`: every transaction the contracts serve is called by every identity below, with arguments taken from the ledger stories that succeed for whoever may call. An allowed call must succeed; a denied one must be refused with an access code and write nothing (state, private data, history, events). Deny by default: a column a row leaves out must be refused, and a transaction without a row fails the test.',
  '',
  'Identities (officer means compliance-officer): each role held at BankA, whose records (SPV, asset, investors, requests) every call acts on, and at BankC, party to none of them; the regulator of the Regulator org; an org admin (certificate OU=admin) holding no role at BankA and at BankC; a BankA member holding no role.',
  '',
  'Cells: **allow** the role, held in any org; **own bank** only when the caller\'s org is the bank the record belongs to (refused with `CALLER_OF_OTHER_BANK` or `PII_ACCESS_DENIED`); **other bank** only when it is not (refused with `APPRAISER_NOT_INDEPENDENT`, `APPROVER_NOT_INDEPENDENT` or, for a policy change, `POLICY_CHANGE_SAME_BANK`); **—** denied (`CALLER_LACKS_ROLE`, or `CALLER_NOT_ORG_ADMIN` for the admin transactions). Rules beyond the caller (never the requester, one vote per bank, states, times) are in the rule column and `chaincode/README.md`.',
  '',
];

const NOT_SHOWN = [
  '## What this does not show',
  '',
  '- The stub test\'s calls run on the stubbed chaincode context (`chaincode/src/testing/stub-context.ts`, fabric-shim\'s own `ClientIdentity` over real certificates); the real-network test above simulates its calls on a peer and commits none of them; its four denied submits are each refused at endorsement, before ordering.',
  '- A role counts only while the consortium membership lists the org as the kind that holds it (`chaincode/src/roles/grant-in-force.ts`): a bank\'s admin cannot grant `regulator`, nor the Regulator org\'s admin a bank role (`ROLE_NOT_FOR_ORG`). The matrix\'s identities hold bank roles at banks and `regulator` at the Regulator org.',
  '- Private keys, passwords and key shares in logs: `network/test/access/no-secrets-real.test.ts` searches every log of a real-network stack after an end-to-end run (transfer, bridge out and home, the validator processes), `bridge/test/validator/no-secrets-in-output.test.ts` a devnet run\'s output.',
  '',
];

import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { EVIDENCE_KINDS, MAX_EVIDENCE_FILE_BYTES, type EvidenceKind } from '../ledger/evidence-file';
import { readPublicKeyFile } from '../vault/keys/public-key-file';
import { FileVaultStore } from '../vault/store/file-vault-store';
import { FileAccountStore } from './accounts/account-store';
import type { OfficerAccount } from './accounts/officer-account';
import { fabricGatewayConnector } from './ledger/fabric-gateway-connector';
import type { LedgerConnector } from './ledger/ledger-contract';
import { accountsFileFromEnv, fabricOptionsFromEnv, vaultStoreDirFromEnv } from './service-config';
import type { EvidenceFileRecord } from '../ledger/evidence-file';
import { sealEvidence } from './vault/seal-evidence';
import { sealingLedgerOf } from './vault/sealing-ledger';
import { SEAL_EVIDENCE_USAGE } from './officer-usage';


/** What seal-evidence needs besides its arguments; `main` passes the real ones, tests the in-process stub. */
export type SealEvidenceDependencies = {
  readonly env: NodeJS.ProcessEnv;
  /** The ledger connector to sign with; default: the bank's Fabric gateway from FABRIC_* variables. */
  readonly ledger?: LedgerConnector;
  readonly log: (line: string) => void;
};

/**
 * `officer seal-evidence`: reads the file, seals it to the consortium key for the investor's bank
 * and the regulator, stores the envelope in the bank's store and registers it as the officer named
 * by --as (or the only compliance officer of the account file). Returns the ledger's record.
 */
export async function sealEvidenceCommand(args: readonly string[], dependencies: SealEvidenceDependencies): Promise<EvidenceFileRecord> {
  const { values } = parseArgs({
    args: [...args],
    options: { investor: { type: 'string' }, 'file-id': { type: 'string' }, kind: { type: 'string' }, in: { type: 'string' }, as: { type: 'string' } },
    strict: true,
  });
  const { investor, kind, as } = values;
  const fileId = values['file-id'];
  if (investor === undefined || fileId === undefined || kind === undefined || values.in === undefined) throw new Error(`--investor, --file-id, --kind and --in are required\nusage: ${SEAL_EVIDENCE_USAGE}`);
  if (!(EVIDENCE_KINDS as readonly string[]).includes(kind)) throw new Error(`--kind must be one of ${EVIDENCE_KINDS.join(', ')}`);
  const { env } = dependencies;
  const account = await sealingAccount(new FileAccountStore(accountsFileFromEnv(env)), as);
  const keyFile = env.OFFICER_VAULT_PUBLIC_KEY_FILE;
  if (keyFile === undefined || keyFile === '') throw new Error('OFFICER_VAULT_PUBLIC_KEY_FILE is not set; see compliance/src/officer/README.md');
  const key = await readPublicKeyFile(keyFile);
  const file = await readEvidenceFile(path.resolve(values.in));
  const connector = dependencies.ledger ?? fabricGatewayConnector(fabricOptionsFromEnv(env));
  try {
    return await sealEvidence({
      file,
      investorId: investor,
      fileId,
      kind: kind as EvidenceKind,
      key,
      store: new FileVaultStore(vaultStoreDirFromEnv(account.mspId, env)),
      ledger: sealingLedgerOf(await connector.ledgerFor(account), dependencies.log),
    });
  } finally {
    if (dependencies.ledger === undefined) await connector.close();
  }
}

// --as, or the account file's only compliance officer: sealing registers on the ledger as that person.
async function sealingAccount(accounts: FileAccountStore, username: string | undefined): Promise<OfficerAccount> {
  const officers = (await accounts.list()).filter((account) => account.role === 'compliance-officer');
  const account = username === undefined ? (officers.length === 1 ? officers[0] : undefined) : officers.find((officer) => officer.username === username);
  if (account === undefined) {
    throw new Error(username === undefined ? `name the officer with --as (the account file has ${officers.length} compliance officers)` : `${username} is not a compliance-officer account in ${accounts.path}`);
  }
  return account;
}

async function readEvidenceFile(file: string): Promise<Uint8Array> {
  const info = await stat(file);
  if (!info.isFile()) throw new Error(`--in ${file} is not a regular file`);
  if (info.size === 0 || info.size > MAX_EVIDENCE_FILE_BYTES) throw new Error(`--in ${file} must hold 1 to ${MAX_EVIDENCE_FILE_BYTES} bytes`);
  return readFile(file);
}

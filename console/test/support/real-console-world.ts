import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { EvidenceFileRecord } from '@trestle/compliance/src/ledger/evidence-file';
import { sealEvidenceCommand } from '@trestle/compliance/src/officer/seal-evidence-command';
import type { TransferRecord } from '@trestle/compliance/src/transfers/transfer-record';
import type { StackConfig } from '@trestle/network/src/stack/stack-config';
import { awaitEveryPeerDiscovered } from '@trestle/network/test/support/fabric-client';
import { ensurePeopleRoles, uniqueSuffix } from '@trestle/network/test/support/ledger-people';
import { ledgerCli, tokenizedAsset, type LedgerCli, type TokenizedAsset } from '@trestle/network/test/support/tokenized-asset';
import { startRealOfficerService, type RealOfficerService } from './real-officer-service';
import { startRealShareServices, VAULT_PEOPLE, type RealShareServices } from './real-share-services';

// TEST-ONLY: the console suite's world on the REAL network: roles (the people's, and `vault` for
// each bank's share-service identity), a fresh tokenized asset with no lockup, three share services,
// BankA's and BankB's officer services with the built console, the sender's KYC file sealed and
// registered with `officer seal-evidence` as officer A1, and a BankA → BankB transfer requested
// through the CLI by BankA's operator. Ids carry a fresh suffix: the network is shared.

/** Who logs in where: A1 and A2 at BankA's service, B1 at BankB's, the regulator at both and at her own org's. */
export const REAL_ACCOUNTS = {
  a1: { username: 'a1', displayName: 'Officer A1', role: 'compliance-officer', identity: 'bankA/officer1' },
  a2: { username: 'a2', displayName: 'Officer A2', role: 'compliance-officer', identity: 'bankA/officer2' },
  b1: { username: 'b1', displayName: 'Officer B1', role: 'compliance-officer', identity: 'bankB/officer1' },
  rita: { username: 'rita', displayName: 'Rita (Regulator)', role: 'regulator', identity: 'regulator/rita' },
} as const;

/** The text of the sender's KYC file, sealed before the suite opens it. */
export const KYC_TEXT = 'Passport X1234567 seen in branch; proof of address: utility bill, 2026-10.';

export type RealConsoleWorld = {
  readonly stack: StackConfig;
  readonly cli: LedgerCli;
  readonly asset: TokenizedAsset;
  readonly shares: RealShareServices;
  readonly bankA: RealOfficerService;
  readonly bankB: RealOfficerService;
  /** The regulator's org's service (its connection profile names no peer of its own). */
  readonly regulator: RealOfficerService;
  /** The BankA → BankB transfer the officers approve in the browser. */
  readonly transferId: string;
  /** The sender's sealed KYC file as the ledger registered it. */
  readonly kyc: EvidenceFileRecord;
  close(): Promise<void>;
};

/** Requests a transfer through the CLI as `as`; the ledger's record. */
export function requestTransfer(cli: LedgerCli, asset: TokenizedAsset, from: string, to: string, amount: bigint, as: string): Promise<TransferRecord> {
  return cli.json<TransferRecord>('transfer', 'request', '--as', as, '--asset', asset.assetId, '--from', from, '--to', to, '--amount', amount.toString(), '--id', `T-CON-${uniqueSuffix()}`);
}

/** Builds the world on `stack`'s running network (about a minute: every step is a real transaction). */
export async function buildRealConsoleWorld(stack: StackConfig, consoleDir: string): Promise<RealConsoleWorld> {
  await awaitEveryPeerDiscovered(stack, 'bankA');
  await awaitEveryPeerDiscovered(stack, 'bankB');
  await ensurePeopleRoles(stack);
  await ensurePeopleRoles(stack, VAULT_PEOPLE);
  const cli = ledgerCli(stack);
  const folder = mkdtempSync(path.join(tmpdir(), 'trestle-console-real-'));
  const closers: Array<() => Promise<void> | void> = [() => rmSync(folder, { recursive: true, force: true }), () => cli.dispose()];
  const close = async () => {
    for (const closer of closers.reverse()) await closer();
  };
  try {
    const asset = await tokenizedAsset(cli, { tag: 'CON', policy: { lockupSeconds: 0 } });
    const shares = await startRealShareServices(stack, folder);
    closers.push(() => shares.close());
    const serviceFolder = (bank: string) => path.join(folder, bank);
    const bankA = await startRealOfficerService({ stack, org: 'bankA', accounts: [REAL_ACCOUNTS.a1, REAL_ACCOUNTS.a2, REAL_ACCOUNTS.rita], consoleDir, shares, folder: serviceFolder('bankA') });
    closers.push(() => bankA.close());
    const bankB = await startRealOfficerService({ stack, org: 'bankB', accounts: [REAL_ACCOUNTS.b1, REAL_ACCOUNTS.rita], consoleDir, shares, folder: serviceFolder('bankB') });
    closers.push(() => bankB.close());
    // The regulator's own org's service: the share services take requesters only from the calling org.
    const regulator = await startRealOfficerService({ stack, org: 'regulator', accounts: [REAL_ACCOUNTS.rita], consoleDir, shares, folder: serviceFolder('regulator'), storeDir: bankA.env.OFFICER_VAULT_STORE_DIR });
    closers.push(() => regulator.close());

    const kycFile = path.join(folder, 'kyc.txt');
    writeFileSync(kycFile, KYC_TEXT);
    const sender = asset.investors.a1;
    const kyc = await sealEvidenceCommand(['--investor', sender, '--file-id', `KYC-${sender}`, '--kind', 'kyc', '--in', kycFile, '--as', REAL_ACCOUNTS.a1.username], { env: bankA.env, log: () => undefined });
    const transfer = await requestTransfer(cli, asset, sender, asset.investors.b1, 5_000n, 'bankA/operator1');
    return { stack, cli, asset, shares, bankA, bankB, regulator, transferId: transfer.transferId, kyc, close };
  } catch (error) {
    await close();
    throw error;
  }
}

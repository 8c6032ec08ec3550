import { Context, Contract, Info, Returns, Transaction } from 'fabric-contract-api';
import { TrestleError } from '@trestle/compliance/src/errors/trestle-error';
import { parseSpvDocument, parseSpvRecord, type Spv } from '@trestle/compliance/src/ledger/spv';
import { callerOf } from '../identity/caller';
import { requireOwnBank } from '../identity/require-own-bank';
import { LEDGER_READERS } from '../roles/reader-roles';
import { requireAnyRole, requireRole } from '../roles/require-role';
import { ledgerIdArgument } from '../support/arguments';
import { keyHistory } from '../support/key-history';
import { emitLedgerEvent } from '../support/ledger-event';
import { pageSizeArgument, readPage } from '../support/pagination';
import { sortedJson } from '../support/sorted-json';
import { decodeJson, hasState, writeRecord } from '../support/state';
import { txTimestampIso } from '../support/tx-time';
import { readSpv, SPV_KEY_TYPE, spvKey } from './spv-key';

/**
 * Special Purpose Vehicles. An SPV administrator registers one for their bank, which then alone
 * may change it; every participant can read every SPV and its history of changes.
 */
@Info({ title: 'SpvContract', description: 'Special Purpose Vehicles, registered and kept up to date by the bank that administers them' })
export class SpvContract extends Contract {
  constructor() {
    super('SpvContract');
  }

  /** Registers an SPV (JSON document) administered by the caller's bank; only an spv-admin may. */
  @Transaction()
  async RegisterSpv(ctx: Context, spvJson: string): Promise<void> {
    await requireRole(ctx, 'spv-admin');
    const caller = callerOf(ctx);
    const document = parseSpvDocument(spvJson);
    const key = spvKey(ctx, document.spvId);
    if (await hasState(ctx, key)) {
      throw new TrestleError('SPV_ALREADY_REGISTERED', 'An SPV with this id is already registered; choose another id or update that one.', { details: { spvId: document.spvId } });
    }
    const now = txTimestampIso(ctx);
    const spv: Spv = { ...document, administeringBankMsp: caller.mspId, registeredAt: now, registeredBy: caller.identityId, updatedAt: now, updatedBy: caller.identityId };
    await writeRecord(ctx, key, spv);
    emitLedgerEvent(ctx, { type: 'SpvRegistered', payload: spv });
  }

  /** Replaces an SPV's description with the JSON document; only an spv-admin of its administering bank may. */
  @Transaction()
  async UpdateSpv(ctx: Context, spvJson: string): Promise<void> {
    await requireRole(ctx, 'spv-admin');
    const caller = callerOf(ctx);
    const document = parseSpvDocument(spvJson);
    const current = await readSpv(ctx, document.spvId);
    requireOwnBank(caller, current.administeringBankMsp, 'SPV');
    const spv: Spv = { ...current, ...document, updatedAt: txTimestampIso(ctx), updatedBy: caller.identityId };
    await writeRecord(ctx, spvKey(ctx, spv.spvId), spv);
    emitLedgerEvent(ctx, { type: 'SpvUpdated', payload: spv });
  }

  /** One SPV as JSON. */
  @Transaction(false)
  @Returns('string')
  async GetSpv(ctx: Context, spvId: string): Promise<string> {
    await requireAnyRole(ctx, LEDGER_READERS);
    return sortedJson(await readSpv(ctx, ledgerIdArgument(spvId, 'spvId')));
  }

  /** A page of SPVs in id order as JSON `{records, bookmark, fetchedRecordsCount}`; bookmark "" starts. */
  @Transaction(false)
  @Returns('string')
  async ListSpvs(ctx: Context, pageSize: string, bookmark: string): Promise<string> {
    await requireAnyRole(ctx, LEDGER_READERS);
    const page = await readPage(ctx, SPV_KEY_TYPE, [], pageSizeArgument(pageSize), bookmark, async (row) => parseSpvRecord(decodeJson(row.value)));
    return sortedJson(page);
  }

  /** Every version of an SPV, newest first, as JSON `[{txId, timestamp, isDelete, record}]`. */
  @Transaction(false)
  @Returns('string')
  async GetSpvHistory(ctx: Context, spvId: string): Promise<string> {
    await requireAnyRole(ctx, LEDGER_READERS);
    const spv = await readSpv(ctx, ledgerIdArgument(spvId, 'spvId'));
    return sortedJson(await keyHistory(ctx, spvKey(ctx, spv.spvId), parseSpvRecord));
  }
}

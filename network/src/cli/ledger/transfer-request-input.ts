import { randomUUID } from 'node:crypto';
import { TrestleError } from '@trestle/compliance/src/errors/trestle-error';
import type { JsonObject } from '@trestle/compliance/src/json/json-value';
import { parseTransferRequest, parseTravelRuleData, TRAVEL_RULE_TRANSIENT_KEY } from '@trestle/compliance/src/transfers/transfer-request';
import { readJsonDocument } from './ledger-action';

/** The flags of the short form of a request, instead of a JSON file. */
export interface TransferFlags {
  readonly asset?: string;
  readonly from?: string;
  readonly to?: string;
  readonly amount?: string;
  readonly id?: string;
}

/** A request ready to submit: its JSON text (validated here as the chaincode will) and its id. */
export interface TransferRequestText {
  readonly transferId: string;
  readonly json: string;
}

const FLAG_NAMES = ['asset', 'from', 'to', 'amount', 'id'] as const;

/**
 * The transfer request from a JSON file (`-` for stdin) or from the flags, never both. The flag
 * form makes a fresh transfer id when `--id` is not given. The request is validated with the
 * chaincode's own parser before anything is sent, so a malformed one is refused with
 * TRANSFER_INVALID listing every problem, and nothing reaches the ledger.
 */
export function transferRequestOf(file: string | undefined, flags: TransferFlags): TransferRequestText {
  const given = FLAG_NAMES.filter((name) => flags[name] !== undefined);
  let document: JsonObject;
  if (file !== undefined) {
    if (given.length > 0) {
      throw new TrestleError('CLI_INPUT_INVALID', `Give the request as a file or as flags, not both (file ${file} and --${given.join(', --')}).`, { details: { file } });
    }
    document = readJsonDocument(file, 'transfer request');
  } else {
    const missing = (['asset', 'from', 'to', 'amount'] as const).filter((name) => flags[name] === undefined);
    if (missing.length > 0) {
      throw new TrestleError('CLI_INPUT_INVALID', `Give a request file, or --asset, --from, --to and --amount (missing --${missing.join(', --')}).`, { details: { missing: [...missing] } });
    }
    document = { transferId: flags.id ?? `tr-${randomUUID()}`, assetId: flags.asset ?? '', fromInvestorId: flags.from ?? '', toInvestorId: flags.to ?? '', amount: flags.amount ?? '' };
  }
  const json = JSON.stringify(document);
  return { transferId: parseTransferRequest(json).transferId, json };
}

/** The transient map with the travel-rule data of `file`, validated first; empty without a file. */
export function travelRuleTransient(file: string | undefined): Record<string, Uint8Array> {
  if (file === undefined) return {};
  const json = JSON.stringify(readJsonDocument(file, 'travel-rule data'));
  parseTravelRuleData(json);
  return { [TRAVEL_RULE_TRANSIENT_KEY]: Buffer.from(json, 'utf8') };
}

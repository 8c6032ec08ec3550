import { Context, Contract, Info, Returns, Transaction } from 'fabric-contract-api';
import { isLedgerGatewayMessage, LEDGER_GATEWAY_MESSAGES, MAX_GATEWAY_REASON_CHARS, type LedgerGatewayMessage } from '@trestle/compliance/src/bridge/gateway-message';
import { TrestleError } from '@trestle/compliance/src/errors/trestle-error';
import { isPlainText } from '@trestle/compliance/src/rules/plain-text';
import { requireAnyRole, requireRole } from '../roles/require-role';
import { requiredArgument } from '../support/arguments';
import { sortedJson } from '../support/sorted-json';
import { addressArgument, chainIdArgument, txHashArgument, uintArgument } from './bridge-arguments';
import { legalStateDrift, listOpenGatewayMessages, proposeGatewayMessage, readGatewayMessage, recordGatewayRelayed, recordGatewaySignature } from './gateway-message-steps';

const READERS = ['compliance-officer', 'operator', 'regulator', 'validator'] as const;

function typeArgument(value: unknown): LedgerGatewayMessage {
  const type = requiredArgument(value, 'type');
  if (!isLedgerGatewayMessage(type)) throw new TrestleError('BRIDGE_OUT_INVALID', `The type argument must be one of ${LEDGER_GATEWAY_MESSAGES.join(', ')}.`, { details: { argument: 'type' } });
  return type;
}

function gatewayReasonArgument(value: unknown): string {
  const reason = requiredArgument(value, 'reason');
  if (!isPlainText(reason, 1, MAX_GATEWAY_REASON_CHARS)) throw new TrestleError('REASON_INVALID', `The reason must be 1 to ${MAX_GATEWAY_REASON_CHARS} characters without control characters.`, { details: { argument: 'reason' } });
  return reason;
}

/**
 * Gateway messages other than Mint on the same quorum path (DESIGN.md §7): a validator proposes
 * (the ledger numbers it and, for a legal state, fills the state from the asset's record), the
 * banks' validators sign, a relayer submits and records the EVM transaction.
 */
@Info({ title: 'GatewayMessageContract', description: 'Pause, unpause and legal-state messages for the bridge gateway, signed by a quorum of banks' })
export class GatewayMessageContract extends Contract {
  constructor() {
    super('GatewayMessageContract');
  }

  /** Proposes a message (`token` only for SetLegalState, else empty) with the reason people will read. */
  @Transaction()
  async ProposeGatewayMessage(ctx: Context, chainId: string, type: string, token: string, reason: string): Promise<void> {
    await requireRole(ctx, 'validator');
    const kind = typeArgument(type);
    const address = kind === 'SetLegalState' ? addressArgument(token, 'token') : undefined;
    await proposeGatewayMessage(ctx, chainIdArgument(chainId), kind, address, gatewayReasonArgument(reason));
  }

  /** Records the caller's bank's validator signature of the message. */
  @Transaction()
  async RecordGatewaySignature(ctx: Context, chainId: string, type: string, nonce: string, signature: string): Promise<void> {
    await requireRole(ctx, 'validator');
    await recordGatewaySignature(ctx, chainIdArgument(chainId), typeArgument(type), uintArgument(nonce, 'nonce', 1n), signature);
  }

  /** Records the EVM transaction that carried the message. */
  @Transaction()
  async RecordGatewayRelayed(ctx: Context, chainId: string, type: string, nonce: string, evmTxHash: string): Promise<void> {
    await requireRole(ctx, 'validator');
    await recordGatewayRelayed(ctx, chainIdArgument(chainId), typeArgument(type), uintArgument(nonce, 'nonce', 1n), txHashArgument(evmTxHash, 'evmTxHash'));
  }

  /** One message, in any state. */
  @Transaction(false)
  @Returns('string')
  async GetGatewayMessage(ctx: Context, chainId: string, type: string, nonce: string): Promise<string> {
    await requireAnyRole(ctx, READERS);
    return sortedJson(await readGatewayMessage(ctx, chainIdArgument(chainId), typeArgument(type), uintArgument(nonce, 'nonce', 1n)));
  }

  /** The chain's messages not yet relayed: the validators' and relayers' work list. */
  @Transaction(false)
  @Returns('string')
  async ListOpenGatewayMessages(ctx: Context, chainId: string): Promise<string> {
    await requireAnyRole(ctx, READERS);
    return sortedJson(await listOpenGatewayMessages(ctx, chainIdArgument(chainId)));
  }

  /** The bridged assets whose ledger legal state the gateway does not hold yet, and none is on its way. */
  @Transaction(false)
  @Returns('string')
  async ListLegalStateDrift(ctx: Context, chainId: string): Promise<string> {
    await requireAnyRole(ctx, READERS);
    return sortedJson(await legalStateDrift(ctx, chainIdArgument(chainId)));
  }
}

import { Context, Contract, Info, Returns, Transaction } from 'fabric-contract-api';
import { isLedgerGatewayMessage, LEDGER_GATEWAY_MESSAGES, MAX_GATEWAY_REASON_CHARS, type GatewayMessageRecord, type LedgerGatewayMessage } from '@trestle/compliance/src/bridge/gateway-message';
import { TrestleError } from '@trestle/compliance/src/errors/trestle-error';
import { isPlainText } from '@trestle/compliance/src/rules/plain-text';
import { requireAnyRole, requireRole } from '../roles/require-role';
import { requiredArgument } from '../support/arguments';
import { sortedJson } from '../support/sorted-json';
import { addressArgument, chainIdArgument, txHashArgument, uintArgument } from './bridge-arguments';
import type { MessageId } from './bridge-keys';
import { activeChain } from './bridge-registry';
import { signaturesThatCount } from './entries-in-force';
import { listOpenGatewayMessages, proposeGatewayMessage, proposeValidatorSet, readGatewayMessage, recordGatewayRelayed, recordGatewaySignature } from './gateway-message-steps';
import { proposeIdentityRegistration, proposeIdentityRevocation } from './identity-message-steps';
import { mirrorDrift } from './mirror-drift';

const READERS = ['compliance-officer', 'operator', 'regulator', 'validator'] as const;

/** Who may propose a SetValidators: the ledger derives the set, so a bank's operator (by hand, after a membership change) or its validator. */
const VALIDATOR_SET_PROPOSERS = ['operator', 'validator'] as const;

/** Messages as relayers read them: only the signatures of banks in force now count (entries-in-force.ts). */
async function asCounted(ctx: Context, chainId: string, records: readonly GatewayMessageRecord[]): Promise<GatewayMessageRecord[]> {
  if (records.length === 0) return [];
  const { threshold } = await activeChain(ctx, chainId);
  return Promise.all(records.map((record) => signaturesThatCount(ctx, record, threshold, 'PROPOSED')));
}

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

function messageId(chainId: unknown, type: unknown, verifyingContract: unknown, nonce: unknown): MessageId {
  return { chainId: chainIdArgument(chainId), type: typeArgument(type), verifyingContract: addressArgument(verifyingContract, 'verifyingContract'), nonce: uintArgument(nonce, 'nonce', 1n) };
}

/**
 * The quorum messages other than Mint on the ledger's path (DESIGN.md §7, §8): pause, unpause,
 * legal state, KYC phase and validator set for the gateway; NAV and write-off for an asset's
 * NavOracle. A validator proposes (a validator set, an operator too; the ledger derives the fields
 * from its own records and numbers the message), the validators of the banks in force sign, a
 * relayer submits and records the EVM transaction. A message is named by its chain, type, domain
 * contract and nonce.
 */
@Info({ title: 'GatewayMessageContract', description: 'Pause, unpause, legal-state, KYC-phase, validator-set, identity, NAV and write-off messages, signed by a quorum of banks' })
export class GatewayMessageContract extends Contract {
  constructor() {
    super('GatewayMessageContract');
  }

  /** Proposes a message: `token` names the asset for SetLegalState, Nav and WriteOff (empty for Pause and Unpause); the reason is for the people reading status and audit. */
  @Transaction()
  async ProposeGatewayMessage(ctx: Context, chainId: string, type: string, token: string, reason: string): Promise<void> {
    await requireRole(ctx, 'validator');
    const kind = typeArgument(type);
    if (kind === 'SetKycPhase') throw new TrestleError('BRIDGE_OUT_INVALID', 'SetKycPhase names a wallet too; propose it with ProposeKycPhase.', { details: { argument: 'type' } });
    if (kind === 'SetValidators') throw new TrestleError('BRIDGE_OUT_INVALID', 'SetValidators takes a super threshold; propose it with ProposeValidatorSet.', { details: { argument: 'type' } });
    if (kind === 'RegisterIdentity' || kind === 'RevokeIdentity') {
      throw new TrestleError('BRIDGE_OUT_INVALID', `${kind} names a wallet; propose it with ProposeIdentityRegistration or ProposeIdentityRevocation.`, { details: { argument: 'type' } });
    }
    const address = kind === 'Pause' || kind === 'Unpause' ? undefined : addressArgument(token, 'token');
    await proposeGatewayMessage(ctx, chainIdArgument(chainId), kind, address, gatewayReasonArgument(reason));
  }

  /** Proposes carrying the KYC phase of the investor `wallet` is bound to, for the asset whose token is `token`. */
  @Transaction()
  async ProposeKycPhase(ctx: Context, chainId: string, token: string, wallet: string, reason: string): Promise<void> {
    await requireRole(ctx, 'validator');
    await proposeGatewayMessage(ctx, chainIdArgument(chainId), 'SetKycPhase', addressArgument(token, 'token'), gatewayReasonArgument(reason), addressArgument(wallet, 'wallet'));
  }

  /**
   * Proposes registering `wallet` on `token`'s identity registry (identity mirroring), as a validator
   * of the bank whose investor the wallet is bound to: the ledger derives investorRef and country,
   * `claimsJson` is `{"identity": address, "claims": [{topic, issuer, signature, data}]}` with
   * exactly one KYC claim of the chain's ClaimIssuer signed by the bank's validator key.
   */
  @Transaction()
  async ProposeIdentityRegistration(ctx: Context, chainId: string, token: string, wallet: string, claimsJson: string, reason: string): Promise<void> {
    await requireRole(ctx, 'validator');
    const claims = requiredArgument(claimsJson, 'claimsJson');
    await proposeIdentityRegistration(ctx, chainIdArgument(chainId), addressArgument(token, 'token'), addressArgument(wallet, 'wallet'), claims, gatewayReasonArgument(reason));
  }

  /** Proposes removing `wallet` from `token`'s identity registry, as any member bank's validator, once its investor is REVOKED, erased or a sanctions hit. */
  @Transaction()
  async ProposeIdentityRevocation(ctx: Context, chainId: string, token: string, wallet: string, reason: string): Promise<void> {
    await requireRole(ctx, 'validator');
    await proposeIdentityRevocation(ctx, chainIdArgument(chainId), addressArgument(token, 'token'), addressArgument(wallet, 'wallet'), gatewayReasonArgument(reason));
  }

  /**
   * Proposes carrying the validators of the banks in force to the gateway (after a membership
   * change), with the chain configuration's threshold and `superThreshold` (from the threshold to
   * the number of validators: the signatures an unpause needs).
   */
  @Transaction()
  async ProposeValidatorSet(ctx: Context, chainId: string, superThreshold: string, reason: string): Promise<void> {
    await requireAnyRole(ctx, VALIDATOR_SET_PROPOSERS);
    await proposeValidatorSet(ctx, chainIdArgument(chainId), uintArgument(superThreshold, 'superThreshold', 1n), gatewayReasonArgument(reason));
  }

  /** Records the caller's bank's validator signature of the message. */
  @Transaction()
  async RecordGatewaySignature(ctx: Context, chainId: string, type: string, verifyingContract: string, nonce: string, signature: string): Promise<void> {
    await requireRole(ctx, 'validator');
    await recordGatewaySignature(ctx, messageId(chainId, type, verifyingContract, nonce), signature);
  }

  /** Records the EVM transaction that carried the message. */
  @Transaction()
  async RecordGatewayRelayed(ctx: Context, chainId: string, type: string, verifyingContract: string, nonce: string, evmTxHash: string): Promise<void> {
    await requireRole(ctx, 'validator');
    await recordGatewayRelayed(ctx, messageId(chainId, type, verifyingContract, nonce), txHashArgument(evmTxHash, 'evmTxHash'));
  }

  /** One message, in any state, with the signatures that count now (a removed bank's are left out; SIGNED only while the rest reach the threshold). */
  @Transaction(false)
  @Returns('string')
  async GetGatewayMessage(ctx: Context, chainId: string, type: string, verifyingContract: string, nonce: string): Promise<string> {
    await requireAnyRole(ctx, READERS);
    const id = messageId(chainId, type, verifyingContract, nonce);
    const record = await readGatewayMessage(ctx, id);
    return sortedJson(await signaturesThatCount(ctx, record, (await activeChain(ctx, id.chainId)).threshold, 'PROPOSED'));
  }

  /** The chain's messages not yet relayed, with the signatures that count now: the validators' and relayers' work list. */
  @Transaction(false)
  @Returns('string')
  async ListOpenGatewayMessages(ctx: Context, chainId: string): Promise<string> {
    await requireAnyRole(ctx, READERS);
    const id = chainIdArgument(chainId);
    return sortedJson(await asCounted(ctx, id, await listOpenGatewayMessages(ctx, id)));
  }

  /** What the ledger holds that the EVM side does not yet (legal states, KYC phases, identities, NAVs, write-offs), with nothing on its way. */
  @Transaction(false)
  @Returns('string')
  async ListMirrorDrift(ctx: Context, chainId: string): Promise<string> {
    await requireAnyRole(ctx, READERS);
    return sortedJson(await mirrorDrift(ctx, chainIdArgument(chainId)));
  }
}

import { Context, Contract, Info, Returns, Transaction } from 'fabric-contract-api';
import { parseBridgeChainConfig } from '@trestle/compliance/src/bridge/bridge-chain';
import { evaluateBridgeOut } from '@trestle/compliance/src/bridge/bridge-out-rules';
import { parseBridgeOutRequest, type BridgeOutRecord } from '@trestle/compliance/src/bridge/bridge-out';
import { parseBurnEvent } from '@trestle/compliance/src/bridge/burn-attestation';
import { parseEscrowMoveEvent } from '@trestle/compliance/src/bridge/escrow-move';
import { TrestleError } from '@trestle/compliance/src/errors/trestle-error';
import { formatDecimalAmount } from '@trestle/compliance/src/policy/decimal-amount';
import { TRANSFER_TTL_SECONDS } from '@trestle/compliance/src/transfers/transfer-record';
import { callerOf } from '../identity/caller';
import { requireOwnBank } from '../identity/require-own-bank';
import { requireAnyRole, requireRole } from '../roles/require-role';
import { ledgerIdArgument, reasonArgument } from '../support/arguments';
import { pageSizeArgument, readPage } from '../support/pagination';
import { pendingAtBank, requireExpired, rulesRefusal } from '../support/pending-request';
import { sortedJson } from '../support/sorted-json';
import { txTimestampIso, txTimestampSeconds } from '../support/tx-time';
import { attestBurn } from './attest-burn';
import { attestEscrowMove } from './attest-escrow-move';
import { addressArgument, bridgeOutIdArgument, chainIdArgument, txHashArgument, uintArgument } from './bridge-arguments';
import { approveChain, proposeChain, registerValidator } from './bridge-config-steps';
import { IN_FLIGHT_INDEX, PENDING_INDEX } from './bridge-keys';
import { ledgerBridgeOutInput } from './bridge-out-input';
import { approveBridgeOut, closeBridgeOut, recordRequest, requireBankOfBridgeOut, requireOpenBridgeOut } from './bridge-out-steps';
import { findBridgeOut, readBridgeOut, readBridgeOutByNonce } from './bridge-out-store';
import { activeChain, allValidators, findChain, readEscrow } from './bridge-registry';
import { findBurn } from './burn-store';
import { signaturesThatCount } from './entries-in-force';
import { findEscrowMove } from './escrow-move-store';
import { recordMinted, recordMintSignature } from './mint-steps';

/** Who may read the bridge's records. */
const BRIDGE_READERS = ['compliance-officer', 'operator', 'regulator', 'validator'] as const;
const ANY_ROLE = ['compliance-officer', 'operator', 'spv-admin', 'appraiser', 'validator', 'regulator'] as const;

/**
 * The Fabric side of the bridge (DESIGN.md §7). A bridge-out passes the transfer rules that
 * concern the holder and the officers' approvals like a transfer; the last approval moves the units
 * to the chain's escrow and numbers the Mint. Each bank's validator records its EIP-712 signature
 * (verified here against the bank's registered address) until the chain's threshold makes it
 * SIGNED; a relayer records the EVM transaction (MINTED). Burns come home by attestations: at the
 * threshold of matching attestations from distinct banks, escrow releases the units.
 */
@Info({ title: 'BridgeContract', description: 'Bridge-outs to escrow with validator signatures, and burns released home by quorum attestations' })
export class BridgeContract extends Contract {
  constructor() {
    super('BridgeContract');
  }

  /** Registers or rotates the caller's bank's validator EVM address; an org admin only. */
  @Transaction()
  async RegisterValidator(ctx: Context, address: string): Promise<void> {
    await registerValidator(ctx, addressArgument(address, 'address'));
  }

  /** Proposes a chain's bridge configuration (JSON: chainId, gateway, threshold, confirmations, tokens), as an operator. */
  @Transaction()
  async ProposeBridgeChain(ctx: Context, configJson: string): Promise<void> {
    await requireRole(ctx, 'operator');
    await proposeChain(ctx, parseBridgeChainConfig(configJson));
  }

  /** Puts the waiting proposal in force, restated exactly, as an operator of another bank. */
  @Transaction()
  async ApproveBridgeChain(ctx: Context, configJson: string): Promise<void> {
    await requireRole(ctx, 'operator');
    await approveChain(ctx, parseBridgeChainConfig(configJson));
  }

  /** Requests a bridge-out (JSON: bridgeOutId, assetId, investorId, chainId, wallet, amount) for an investor of the caller's bank. */
  @Transaction()
  async RequestBridgeOut(ctx: Context, requestJson: string): Promise<void> {
    await requireAnyRole(ctx, ['operator', 'compliance-officer']);
    const caller = callerOf(ctx);
    const request = parseBridgeOutRequest(requestJson);
    if ((await findBridgeOut(ctx, request.bridgeOutId)) !== undefined) {
      throw new TrestleError('BRIDGE_OUT_ALREADY_EXISTS', 'A bridge-out with this id already exists; a retried request is not a second bridge-out.', { details: { bridgeOutId: request.bridgeOutId } });
    }
    const chainId = request.chainId.toString();
    const ledger = await ledgerBridgeOutInput(ctx, { ...request, chainId });
    requireOwnBank(caller, ledger.sender.bankMsp, 'investor');
    const verdict = evaluateBridgeOut(ledger.input);
    if (!verdict.allowed) throw rulesRefusal('BRIDGE_OUT_REFUSED', 'bridge-out', { bridgeOutId: request.bridgeOutId }, verdict);
    const now = txTimestampSeconds(ctx);
    const record: BridgeOutRecord = {
      bridgeOutId: request.bridgeOutId,
      assetId: request.assetId,
      investorId: request.investorId,
      bankMsp: ledger.sender.bankMsp,
      chainId,
      wallet: ledger.wallet,
      token: ledger.token,
      amount: formatDecimalAmount(request.amount),
      status: 'PENDING',
      policyVersion: ledger.policy.version,
      approvalsRequired: verdict.approvalsRequired,
      approvals: [],
      requestVerdicts: verdict.verdicts,
      approvalVerdicts: null,
      requestedAt: txTimestampIso(ctx),
      requestedAtSeconds: now,
      expiresAtSeconds: now + TRANSFER_TTL_SECONDS,
      requestedBy: caller.identityId,
      requesterMsp: caller.mspId,
      nonce: null,
      fabricTxId: null,
      escrowedAt: null,
      signatures: [],
      evmTxHash: null,
      mintedAt: null,
      closure: null,
      blocked: null,
    };
    await recordRequest(ctx, record);
  }

  /** Approves a pending bridge-out as a compliance officer of the investor's bank; the last approval needed escrows the units. */
  @Transaction()
  async ApproveBridgeOut(ctx: Context, bridgeOutId: string, reason: string): Promise<void> {
    await requireRole(ctx, 'compliance-officer');
    await approveBridgeOut(ctx, bridgeOutIdArgument(bridgeOutId), reason === undefined || reason === '' ? null : reasonArgument(reason));
  }

  /** Rejects a pending bridge-out, with a reason, as a compliance officer of the investor's bank. */
  @Transaction()
  async RejectBridgeOut(ctx: Context, bridgeOutId: string, reason: string): Promise<void> {
    await requireRole(ctx, 'compliance-officer');
    const why = reasonArgument(reason);
    const record = requireOpenBridgeOut(await readBridgeOut(ctx, bridgeOutIdArgument(bridgeOutId)), 'be rejected');
    requireBankOfBridgeOut(callerOf(ctx), record);
    await closeBridgeOut(ctx, record, 'REJECTED', why);
  }

  /** Withdraws a pending bridge-out, as an operator or officer of the requester's bank. */
  @Transaction()
  async CancelBridgeOut(ctx: Context, bridgeOutId: string): Promise<void> {
    await requireAnyRole(ctx, ['operator', 'compliance-officer']);
    const record = requireOpenBridgeOut(await readBridgeOut(ctx, bridgeOutIdArgument(bridgeOutId)), 'be cancelled');
    requireOwnBank(callerOf(ctx), record.requesterMsp, 'bridge-out request');
    await closeBridgeOut(ctx, record, 'CANCELLED', null);
  }

  /** Expires a pending bridge-out past its time to live; anyone with a role may. */
  @Transaction()
  async ExpireBridgeOut(ctx: Context, bridgeOutId: string): Promise<void> {
    await requireAnyRole(ctx, ANY_ROLE);
    const record = requireOpenBridgeOut(await readBridgeOut(ctx, bridgeOutIdArgument(bridgeOutId)), 'expire');
    requireExpired(ctx, record, 'bridge-out', { bridgeOutId: record.bridgeOutId });
    await closeBridgeOut(ctx, record, 'EXPIRED', null);
  }

  /** Records the caller's bank's validator signature (0x, 65 bytes) of the Mint numbered `nonce` on `chainId`. */
  @Transaction()
  async RecordMintSignature(ctx: Context, chainId: string, nonce: string, signature: string): Promise<void> {
    await requireRole(ctx, 'validator');
    await recordMintSignature(ctx, chainIdArgument(chainId), uintArgument(nonce, 'nonce', 1n), signature);
  }

  /** Records the EVM transaction that minted the nonce; repeating it changes nothing. */
  @Transaction()
  async RecordMinted(ctx: Context, chainId: string, nonce: string, evmTxHash: string): Promise<void> {
    await requireRole(ctx, 'validator');
    await recordMinted(ctx, chainIdArgument(chainId), uintArgument(nonce, 'nonce', 1n), txHashArgument(evmTxHash, 'evmTxHash'));
  }

  /** Records the caller's bank's attestation (JSON: the BurnedForRedeem event's fields) of a final burn; the threshold releases it. */
  @Transaction()
  async AttestBurn(ctx: Context, attestationJson: string): Promise<void> {
    await requireRole(ctx, 'validator');
    await attestBurn(ctx, parseBurnEvent(attestationJson));
  }

  /**
   * Records the caller's bank's attestation (JSON: a final token transfer between beneficial
   * owners' wallets, venue transfers resolved to the borrower); the threshold moves the escrow's
   * attribution from the sender's investor to the receiver's.
   */
  @Transaction()
  async AttestEscrowMove(ctx: Context, attestationJson: string): Promise<void> {
    await requireRole(ctx, 'validator');
    await attestEscrowMove(ctx, parseEscrowMoveEvent(attestationJson));
  }

  /** The chain's configuration in force and any proposal waiting. */
  @Transaction(false)
  @Returns('string')
  async GetBridgeChain(ctx: Context, chainId: string): Promise<string> {
    await requireAnyRole(ctx, BRIDGE_READERS);
    const id = chainIdArgument(chainId);
    const record = await findChain(ctx, id);
    if (record === undefined) throw new TrestleError('BRIDGE_CHAIN_UNKNOWN', 'No bank has proposed a bridge configuration for this chain.', { details: { chainId: id } });
    return sortedJson(record);
  }

  /** Every bank's registered validator address. */
  @Transaction(false)
  @Returns('string')
  async ListBridgeValidators(ctx: Context): Promise<string> {
    await requireAnyRole(ctx, BRIDGE_READERS);
    return sortedJson(await allValidators(ctx));
  }

  /** One bridge-out, in any state. */
  @Transaction(false)
  @Returns('string')
  async GetBridgeOut(ctx: Context, bridgeOutId: string): Promise<string> {
    await requireAnyRole(ctx, BRIDGE_READERS);
    return sortedJson(await readBridgeOut(ctx, bridgeOutIdArgument(bridgeOutId)));
  }

  /**
   * The bridge-out holding a Mint nonce on a chain, as relayers collect it: with the signatures that
   * count now (a removed bank's are left out, and it is SIGNED only while the rest reach the
   * threshold); GetBridgeOut keeps every signature stored.
   */
  @Transaction(false)
  @Returns('string')
  async GetMint(ctx: Context, chainId: string, nonce: string): Promise<string> {
    await requireAnyRole(ctx, BRIDGE_READERS);
    const id = chainIdArgument(chainId);
    const record = await readBridgeOutByNonce(ctx, id, uintArgument(nonce, 'nonce', 1n));
    return sortedJson(await signaturesThatCount(ctx, record, (await activeChain(ctx, id)).threshold, 'APPROVED'));
  }

  /** A page of the chain's bridge-outs in escrow and not yet MINTED, in nonce order, with the signatures that count now (as GetMint): the validators' and relayers' work list. */
  @Transaction(false)
  @Returns('string')
  async ListPendingMints(ctx: Context, chainId: string, pageSize: string, bookmark: string): Promise<string> {
    await requireAnyRole(ctx, BRIDGE_READERS);
    const id = chainIdArgument(chainId);
    const page = await readPage(ctx, IN_FLIGHT_INDEX, [id], pageSizeArgument(pageSize), bookmark, async (row) => {
      const [, nonce = ''] = ctx.stub.splitCompositeKey(row.key).attributes;
      return readBridgeOutByNonce(ctx, id, BigInt(nonce));
    });
    if (page.records.length === 0) return sortedJson(page);
    const { threshold } = await activeChain(ctx, id);
    return sortedJson({ ...page, records: await Promise.all(page.records.map((record) => signaturesThatCount(ctx, record, threshold, 'APPROVED'))) });
  }

  /** A page of the bridge-outs waiting for approval at one bank, for its officers and operators or a regulator. */
  @Transaction(false)
  @Returns('string')
  async ListPendingBridgeOuts(ctx: Context, bankMsp: string, pageSize: string, bookmark: string): Promise<string> {
    const grant = await requireAnyRole(ctx, BRIDGE_READERS);
    // Validators work from ListPendingMints; requests still awaiting officers are their own bank's business.
    return sortedJson(await pendingAtBank(ctx, grant, PENDING_INDEX, bankMsp, pageSize, bookmark, 'list of bridge-outs', (id) => readBridgeOut(ctx, id)));
  }

  /** A burn of the chain's gateway in force: its attestations and, once released, where its units went. */
  @Transaction(false)
  @Returns('string')
  async GetBurn(ctx: Context, chainId: string, burnNonce: string): Promise<string> {
    await requireAnyRole(ctx, BRIDGE_READERS);
    const id = chainIdArgument(chainId);
    const nonce = uintArgument(burnNonce, 'burnNonce');
    const gateway = (await findChain(ctx, id))?.active?.gateway;
    const burn = gateway === undefined ? undefined : await findBurn(ctx, id, gateway, nonce);
    if (burn === undefined) throw new TrestleError('BRIDGE_MINT_UNKNOWN', 'No validator has attested a burn with this number on this chain.', { details: { chainId: id, burnNonce } });
    return sortedJson(burn);
  }

  /** A token transfer's attestations and, once applied, whose escrow moved to whom. */
  @Transaction(false)
  @Returns('string')
  async GetEscrowMove(ctx: Context, chainId: string, txHash: string, logIndex: string): Promise<string> {
    await requireAnyRole(ctx, BRIDGE_READERS);
    const id = chainIdArgument(chainId);
    const hash = txHashArgument(txHash, 'txHash');
    const index = uintArgument(logIndex, 'logIndex');
    const move = index > BigInt(Number.MAX_SAFE_INTEGER) ? undefined : await findEscrowMove(ctx, id, hash, Number(index));
    if (move === undefined) throw new TrestleError('BRIDGE_MOVE_UNKNOWN', 'No validator has attested a transfer at this transaction and log index on this chain.', { details: { chainId: id, txHash: hash, logIndex } });
    return sortedJson(move);
  }

  /** The units of an asset in escrow (and in suspense) for a chain. */
  @Transaction(false)
  @Returns('string')
  async GetEscrow(ctx: Context, assetId: string, chainId: string): Promise<string> {
    await requireAnyRole(ctx, BRIDGE_READERS);
    return sortedJson(await readEscrow(ctx, ledgerIdArgument(assetId, 'assetId'), chainIdArgument(chainId)));
  }

  /** A dry run of a bridge-out request: the verdict, writing nothing. */
  @Transaction(false)
  @Returns('string')
  async CheckBridgeOut(ctx: Context, requestJson: string): Promise<string> {
    await requireAnyRole(ctx, BRIDGE_READERS);
    const request = parseBridgeOutRequest(requestJson);
    const { input } = await ledgerBridgeOutInput(ctx, { ...request, chainId: request.chainId.toString() });
    return sortedJson(evaluateBridgeOut(input));
  }
}

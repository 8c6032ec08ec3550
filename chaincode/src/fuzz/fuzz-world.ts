import '../testing/quiet-fabric-logs';
import { TRANSFER_REQUEST_TYPES, transferRequestDomain } from '@trestle/compliance/src/transfers/transfer-signature';
import { ControlContract } from '../controls/control-contract';
import { CAST, T0, tx } from '../testing/ledger-cast';
import { ASSET_ID } from '../testing/ledger-documents';
import { INVESTORS, ledgerAt } from '../testing/ledger-story';
import { snapshotLedger, type LedgerSnapshot, type WorldState } from '../testing/stub-context';
import { CHAIN_ID, signBinding, WALLET_ONE, WALLET_TWO } from '../testing/test-wallets';
import { AFTER_LOCKUP, ledgerForTransfers, request, TRAVEL_RULE, transferRequest } from '../testing/transfer-story';
import { WalletContract } from '../wallets/wallet-contract';

/** One chapter of the story: a ledger every case on it starts from, and that ledger as it was. */
export type Chapter = { readonly name: string; readonly ledger: WorldState; readonly baseline: LedgerSnapshot };

/** The chapters fuzz cases run on, and signed values that only make sense on them. */
export type FuzzWorld = {
  /** The first is the tokenized asset with transfers; the others stop earlier in the asset's life. */
  readonly chapters: readonly Chapter[];
  /** A signature that would bind WALLET_TWO to chloe through BankB (nonce 1, devnet chain id). */
  readonly unusedBindingSignature: string;
  /** A request from anna to chloe signed by anna's bound wallet. */
  readonly signedRequest: Record<string, unknown>;
};

/** The id of the transfer left PENDING, so approve, reject, cancel and expire have one to act on. */
export const PENDING_TRANSFER_ID = 'T-FUZZ-PENDING';

/** Units of ben's frozen in the tokenized chapter, so unfreezes can succeed. */
export const BEN_FROZEN = '1000';

/**
 * The transfer story's tokenized asset (three holders, four-eyes officers on both banks) plus a
 * pending transfer above the travel-rule threshold, anna's bound wallet and a partial freeze of
 * ben's units; and the same story stopped at DRAFT, VALUED and APPROVED, where the lifecycle steps
 * can still succeed. Built once per test file; each case runs on a copy of one chapter.
 */
export async function fuzzWorld(): Promise<FuzzWorld> {
  const tokenized = await ledgerForTransfers();
  await request(tokenized, transferRequest(PENDING_TRANSFER_ID, 20_000n), undefined, { transient: TRAVEL_RULE });
  const annaBinding = await signBinding(WALLET_ONE, { investorId: INVESTORS.annaA, bank: 'BankAMSP' });
  await new WalletContract().BindWallet(tx(CAST.bankAOfficer, tokenized, { at: T0 }).ctx, INVESTORS.annaA, WALLET_ONE.address, CHAIN_ID.toString(), '1', annaBinding);
  await new ControlContract().FreezePartial(tx(CAST.regulator, tokenized, { at: AFTER_LOCKUP }).ctx, ASSET_ID, INVESTORS.benA, BEN_FROZEN, 'Garnishment order pending');

  const chapters: Chapter[] = [];
  for (const [name, ledger] of [['TOKENIZED', tokenized], ['DRAFT', await ledgerAt('DRAFT')], ['VALUED', await ledgerAt('VALUED')], ['APPROVED', await ledgerAt('APPROVED')]] as const) {
    chapters.push({ name, ledger, baseline: snapshotLedger(ledger) });
  }
  return { chapters, unusedBindingSignature: await signBinding(WALLET_TWO, { investorId: INVESTORS.chloeB, bank: 'BankBMSP' }), signedRequest: await signedRequest() };
}

async function signedRequest(): Promise<Record<string, unknown>> {
  const document = transferRequest('T-FUZZ-SIGNED', 5_000n);
  const message = { ...document, amount: 5_000n };
  const types = { TransferRequest: TRANSFER_REQUEST_TYPES.TransferRequest.map((field) => ({ ...field })) };
  const signature = await WALLET_ONE.signTypedData(transferRequestDomain(CHAIN_ID), types, message);
  return { ...document, wallet: { address: WALLET_ONE.address, signature } };
}

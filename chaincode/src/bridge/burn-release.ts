import type { Context } from 'fabric-contract-api';
import { investorRef } from '@trestle/compliance/src/bridge/investor-ref';
import type { BridgeEscrow } from '@trestle/compliance/src/bridge/bridge-escrow';
import type { BurnEvent, BurnRecord, BurnRelease } from '@trestle/compliance/src/bridge/burn-attestation';
import { creditReleasedUnits, reduceEscrow } from '@trestle/compliance/src/bridge/escrow-units';
import { TrestleError } from '@trestle/compliance/src/errors/trestle-error';
import { kycPhase } from '@trestle/compliance/src/ledger/kyc-phase';
import { holdingRecord, type Holding } from '@trestle/compliance/src/ledger/holding';
import { formatDecimalAmount } from '@trestle/compliance/src/policy/decimal-amount';
import { appendAudit } from '../audit/audit-key';
import { holdingsOf, writeHolding } from '../assets/holdings';
import { findInvestor } from '../investors/investor-key';
import { emitLedgerEvent } from '../support/ledger-event';
import { txTimestampIso, txTimestampSeconds } from '../support/tx-time';
import { findWalletBinding } from '../wallets/wallet-key';
import { readEscrow, writeEscrow } from './bridge-registry';
import { writeBurn } from './burn-store';

/** Who gets released units: an investor, or suspense with the reason. */
type ReleaseTarget = { readonly investorId: string; readonly bankMsp: string } | { readonly suspenseReason: string; readonly burner: string | undefined };

/**
 * The investor the burn returns units to: the one whose wallet burned, if that wallet is bound on
 * this chain, the burn names that same investor, and the investor may hold units now (KYC active
 * and not frozen, sanctions clear). Otherwise suspense, where units wait, still counted, until an
 * officer resolves them; never an investor the chain did not prove.
 */
async function releaseTarget(ctx: Context, event: BurnEvent): Promise<ReleaseTarget> {
  const binding = await findWalletBinding(ctx, event.from);
  if (binding === undefined || binding.chainId !== event.chainId) return { suspenseReason: 'The burning wallet is not bound to an investor on this chain.', burner: undefined };
  if (investorRef(binding.investorId) !== event.fabricInvestorRef) return { suspenseReason: 'The burn names an investor other than the one the burning wallet is bound to.', burner: binding.investorId };
  const investor = await findInvestor(ctx, binding.investorId);
  if (investor === undefined) return { suspenseReason: 'The investor of the burning wallet is not on the ledger.', burner: binding.investorId };
  // Bringing one's own units home is unwinding: allowed through grace and repay-only, not once frozen.
  const phase = kycPhase(investor.kycExpiresAt, txTimestampSeconds(ctx));
  if (investor.kycStatus !== 'active' || phase === 'frozen' || investor.sanctions.status !== 'clear') {
    return { suspenseReason: `The investor may not hold units now (KYC ${investor.kycStatus}, ${phase}, sanctions ${investor.sanctions.status}).`, burner: binding.investorId };
  }
  return { investorId: investor.investorId, bankMsp: investor.bankMsp };
}

/**
 * Releases a burn that reached the threshold of matching attestations: the asset's escrow for the
 * chain falls by the amount, and the units go to the burner's holding or to suspense. Units in
 * escrow are conserved: holdings' balances plus escrow plus suspense stay the same.
 */
export async function releaseBurn(ctx: Context, burn: BurnRecord, event: BurnEvent, assetId: string, gateway: string): Promise<void> {
  const amount = BigInt(event.amount);
  const pool = await readEscrow(ctx, assetId, event.chainId);
  const holdings = await holdingsOf(ctx, assetId);
  const attributed = holdings.reduce((sum, holding) => sum + holding.escrowed, 0n);
  if (amount > BigInt(pool.escrowed) || amount > attributed) {
    // More burned than ever escrowed: the EVM supply exceeded the escrow (DESIGN.md §9, invariant 2).
    throw new TrestleError('BRIDGE_ESCROW_INSUFFICIENT', 'The burn returns more units than the escrow holds for this asset and chain; the bridge is out of balance, pause it and reconcile.', {
      details: { assetId, chainId: event.chainId, burnNonce: event.burnNonce, amount: event.amount, escrowed: pool.escrowed },
    });
  }
  const target = await releaseTarget(ctx, event);
  const burner = 'investorId' in target ? target.investorId : target.burner;
  const changed = new Map(reduceEscrow(holdings, burner, amount).map((holding) => [holding.investorId, holding]));
  if ('investorId' in target) {
    const base: Holding = changed.get(target.investorId) ?? holdings.find((h) => h.investorId === target.investorId) ?? { assetId, investorId: target.investorId, bankMsp: target.bankMsp, balance: 0n, frozen: 0n, escrowed: 0n, lots: [] };
    changed.set(target.investorId, creditReleasedUnits(base, amount, txTimestampSeconds(ctx)));
  }
  const suspense = 'investorId' in target ? 0n : amount;
  const escrow: BridgeEscrow = { ...pool, escrowed: formatDecimalAmount(BigInt(pool.escrowed) - amount), suspense: formatDecimalAmount(BigInt(pool.suspense) + suspense) };
  const release: BurnRelease = {
    assetId,
    amount: event.amount,
    investorId: 'investorId' in target ? target.investorId : null,
    suspenseReason: 'investorId' in target ? null : target.suspenseReason,
    releasedAt: txTimestampIso(ctx),
    txId: ctx.stub.getTxID(),
  };
  const released: BurnRecord = { ...burn, status: 'RELEASED', release };
  for (const holding of changed.values()) await writeHolding(ctx, holding, holding.balance + holding.escrowed === 0n ? null : holding);
  await writeEscrow(ctx, escrow);
  await writeBurn(ctx, gateway, released);
  await appendAudit(ctx, {
    action: 'bridge-burn-released',
    assetId,
    policyVersion: null,
    transferId: `burn:${event.chainId}:${event.burnNonce}`,
    investorIds: release.investorId === null ? [] : [release.investorId],
    amount: event.amount,
    reason: release.suspenseReason,
    documentHash: null,
    verdicts: null,
  });
  emitLedgerEvent(ctx, { type: 'BurnReleased', payload: { burn: released, holdings: [...changed.values()].map(holdingRecord), escrow } });
}

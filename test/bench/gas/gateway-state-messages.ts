import { messageSubject } from '@trestle/bridge/src/evm/message-subject';
import { typeHashOf } from '@trestle/bridge/src/evm/deploy/gateway-quorum';
import type { GasMeasurement } from '../../src/bench-report';
import type { BenchConsortium } from './bench-consortium';
import { BenchPreconditionError } from './gateway-mint';

/** `IBridgeGateway.LegalState` and `KycPhase`. */
const LEGAL_STATE = { Normal: 0, Remediation: 1 } as const;
const KYC_PHASE = { RepayOnly: 1, Frozen: 2 } as const;

type StateMessage = 'SetLegalState' | 'SetKycPhase';

/** The gateway's latest applied nonce for `type` and `subject` (BridgeGateway.latestNonce, 0 before the first). */
async function latestNonce(b: BenchConsortium, type: StateMessage, subject: string): Promise<bigint> {
  return (await b.consortium.gateway.latestNonce(typeHashOf(type), subject)) as bigint;
}

/** Fails unless `subject` has had no message of `type`: a "first" figure must be one. */
async function requireFirst(b: BenchConsortium, type: StateMessage, subject: string): Promise<void> {
  const latest = await latestNonce(b, type, subject);
  if (latest !== 0n) throw new BenchPreconditionError(`${type} already applied for this subject (latest nonce ${latest})`);
}

/** Fails unless the gateway recorded two messages of `type` in order for `subject`, the second last. */
async function requireRepeatApplied(b: BenchConsortium, type: StateMessage, subject: string): Promise<void> {
  const latest = await latestNonce(b, type, subject);
  if (latest < 2n) throw new BenchPreconditionError(`the repeat ${type} was not recorded as the newest (latest nonce ${latest})`);
}

/**
 * The asset's legal state carried from the ledger, 2 of 3 signatures: its first message (REMEDIATION:
 * the type's nonce word, the token's latest-nonce slot and the module's flag all go from zero), then
 * the next for the same token (CURED, back to Normal: the flag is cleared, so part is refunded).
 * Leaves the asset Normal.
 */
export async function measureLegalStates(b: BenchConsortium): Promise<GasMeasurement[]> {
  const { gateway, quorum } = b.consortium;
  const token = b.suite.token;
  const subject = messageSubject('SetLegalState', { token });
  await requireFirst(b, 'SetLegalState', subject);
  const send = (state: number) => quorum.send('SetLegalState', { token, state }, (n, s) => gateway.setLegalState(token, state, n, s));
  const first = await send(LEGAL_STATE.Remediation);
  const repeat = await send(LEGAL_STATE.Normal);
  await requireRepeatApplied(b, 'SetLegalState', subject);

  const signatures = `${b.shape.threshold} of ${b.shape.validators} signatures`;
  return [
    { name: `gateway.setLegalState.${b.shape.tag}.first`, label: `gateway setLegalState, ${signatures}, asset's first (Normal to Remediation)`, gasUsed: first.gasUsed },
    { name: `gateway.setLegalState.${b.shape.tag}.repeat`, label: `gateway setLegalState, ${signatures}, next for the asset (Remediation to Normal, cured)`, gasUsed: repeat.gasUsed },
  ];
}

/**
 * One holder's KYC phase carried from the ledger, 2 of 3 signatures: the wallet's first (Current to
 * repay-only at the end of the grace period: nonce word, latest-nonce slot and phase from zero),
 * then its next (repay-only to frozen: every slot already set).
 */
export async function measureKycPhases(b: BenchConsortium, wallet: string): Promise<GasMeasurement[]> {
  const { gateway, quorum } = b.consortium;
  const token = b.suite.token;
  const subject = messageSubject('SetKycPhase', { token, wallet });
  await requireFirst(b, 'SetKycPhase', subject);
  const send = (phase: number) => quorum.send('SetKycPhase', { token, wallet, phase }, (n, s) => gateway.setKycPhase(token, wallet, phase, n, s));
  const first = await send(KYC_PHASE.RepayOnly);
  const repeat = await send(KYC_PHASE.Frozen);
  await requireRepeatApplied(b, 'SetKycPhase', subject);

  const signatures = `${b.shape.threshold} of ${b.shape.validators} signatures`;
  return [
    { name: `gateway.setKycPhase.${b.shape.tag}.first`, label: `gateway setKycPhase, ${signatures}, wallet's first (Current to repay-only)`, gasUsed: first.gasUsed },
    { name: `gateway.setKycPhase.${b.shape.tag}.repeat`, label: `gateway setKycPhase, ${signatures}, next for the wallet (repay-only to frozen)`, gasUsed: repeat.gasUsed },
  ];
}

import type { RuleId } from './rule-id';
import { pass, fail, type RuleVerdict, type TransferRule } from './rule-verdict';
import type { TransferCheckInput } from './transfer-check-input';
import { partyOf, type Side } from './wording';

const RULE = { sender: 'sender-sanctions', receiver: 'receiver-sanctions' } as const satisfies Record<Side, RuleId>;

const REASON = {
  sender: { hit: 'SANCTIONS_HIT_SENDER', pending: 'SANCTIONS_PENDING_SENDER' },
  receiver: { hit: 'SANCTIONS_HIT_RECEIVER', pending: 'SANCTIONS_PENDING_RECEIVER' },
} as const;

/** The sender must be screened clear against the sanctions list. */
export const checkSenderSanctions: TransferRule = (input) => checkSanctions(input, 'sender');
/** The receiver must be screened clear against the sanctions list. */
export const checkReceiverSanctions: TransferRule = (input) => checkSanctions(input, 'receiver');

function checkSanctions(input: TransferCheckInput, side: Side): RuleVerdict {
  const { status, listVersion } = partyOf(input, side).sanctions;
  const details = { status, listVersion };
  if (status === 'clear') return pass(RULE[side], `The ${side} is clear on sanctions list version ${listVersion}.`, details);
  if (status === 'hit') {
    return fail(RULE[side], REASON[side].hit, `The ${side} matches sanctions list version ${listVersion}; no transfer may involve them while the hit stands.`, details);
  }
  // Pending, or a status this code does not know: not clear, so fail closed.
  return fail(RULE[side], REASON[side].pending, `The ${side}'s screening against sanctions list version ${listVersion} is not clear yet; it must clear before the transfer.`, details);
}

import { pass, fail, type RuleVerdict } from './rule-verdict';
import type { TransferCheckInput } from './transfer-check-input';

/**
 * A receiver who becomes a new holder must not take the asset above the policy's maximum number
 * of holders. A sender who moves their whole balance and has nothing in escrow stops being a
 * holder, which frees a slot for the receiver. When the count already exceeds the maximum (the
 * policy was tightened), a new holder is refused until it comes back down, even as a replacement.
 */
export function checkHolderCount(input: TransferCheckInput): RuleVerdict {
  const { maxHolders, version } = input.policy;
  const { balance, escrowed } = input.senderHolding;
  const joins = input.amount > 0n && !input.receiverIsHolder;
  const leaves = input.amount > 0n && input.amount === balance && escrowed === 0n;
  const after = input.holderCount + (joins ? 1 : 0) - (leaves ? 1 : 0);
  const details = { holderCount: input.holderCount, holdersAfter: after, maxHolders, receiverJoins: joins, senderLeaves: leaves, policyVersion: version };
  if (!joins) {
    const why = input.amount > 0n ? 'The receiver already holds units' : 'No units move';
    return pass('holder-count', `${why}, so the number of holders does not grow past ${input.holderCount}.`, details);
  }
  const freed = leaves ? ' (the sender leaves, freeing a slot)' : '';
  if (after <= maxHolders) {
    return pass('holder-count', `The receiver becomes a new holder: ${after} holders of at most ${maxHolders}${freed}.`, details);
  }
  return fail('holder-count', 'MAX_HOLDERS_EXCEEDED', `The receiver would be a new holder, bringing the asset to ${after} holders${freed}, above the maximum of ${maxHolders} set by policy version ${version}.`, details);
}

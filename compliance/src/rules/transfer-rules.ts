import { checkAmountPositive } from './amount-positive-rule';
import { checkAssetNotPaused } from './asset-not-paused-rule';
import { checkHolderCount } from './holder-count-rule';
import { checkReceiverInvestorType, checkSenderInvestorType } from './investor-type-rule';
import { checkReceiverJurisdiction, checkSenderJurisdiction } from './jurisdiction-rule';
import { checkReceiverKyc, checkSenderKyc } from './kyc-rule';
import { checkLockup } from './lockup-rule';
import { checkMaxBalance } from './max-balance-rule';
import { checkMinTransfer } from './min-transfer-rule';
import type { RuleId } from './rule-id';
import type { TransferRule } from './rule-verdict';
import { checkReceiverSanctions, checkSenderSanctions } from './sanctions-rule';
import { checkTravelRuleData } from './travel-rule-data-rule';
import { checkUnfrozenBalance } from './unfrozen-balance-rule';

/** The function behind each rule id; the type makes a rule without a function a compile error. */
export const TRANSFER_RULES: { readonly [Id in RuleId]: TransferRule } = {
  'amount-positive': checkAmountPositive,
  'asset-not-paused': checkAssetNotPaused,
  'sender-kyc': checkSenderKyc,
  'receiver-kyc': checkReceiverKyc,
  'sender-sanctions': checkSenderSanctions,
  'receiver-sanctions': checkReceiverSanctions,
  'sender-jurisdiction': checkSenderJurisdiction,
  'receiver-jurisdiction': checkReceiverJurisdiction,
  'sender-investor-type': checkSenderInvestorType,
  'receiver-investor-type': checkReceiverInvestorType,
  'min-transfer': checkMinTransfer,
  'unfrozen-balance': checkUnfrozenBalance,
  lockup: checkLockup,
  'max-balance': checkMaxBalance,
  'holder-count': checkHolderCount,
  'travel-rule': checkTravelRuleData,
};

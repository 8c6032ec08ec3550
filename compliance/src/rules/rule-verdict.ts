import type { JsonObject } from '../json/json-value';
import type { ReasonCode } from './reason-code';
import type { RuleId } from './rule-id';
import type { TransferCheckInput } from './transfer-check-input';

/**
 * One rule's judgement of a transfer. JSON-safe as it is (amounts in `details` are decimal
 * strings), so chaincode can store it with the transfer request unchanged.
 */
export type RuleVerdict = {
  readonly rule: RuleId;
  readonly passed: boolean;
  /** `OK` when passed. */
  readonly reason: ReasonCode;
  /** What was found, with the numbers, phrased so a person knows what to do next. */
  readonly sentence: string;
  /** The numbers behind the sentence, for machines. */
  readonly details: JsonObject;
};

/** A rule: a pure function of the input. */
export type TransferRule = (input: TransferCheckInput) => RuleVerdict;

/** A passing verdict. */
export function pass(rule: RuleId, sentence: string, details: JsonObject): RuleVerdict {
  return { rule, passed: true, reason: 'OK', sentence, details };
}

/** A failing verdict. */
export function fail(rule: RuleId, reason: Exclude<ReasonCode, 'OK'>, sentence: string, details: JsonObject): RuleVerdict {
  return { rule, passed: false, reason, sentence, details };
}

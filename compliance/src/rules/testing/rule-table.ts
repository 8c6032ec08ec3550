import type { TestFn } from 'ava';
import type { ReasonCode } from '../reason-code';
import type { RuleId } from '../rule-id';
import type { TransferRule } from '../rule-verdict';
import { transferInput, type InputChanges } from './transfer-input-fixture';

/** One row of a rule's table: a title ending the test name, the changed input, the reason expected, and words the sentence must contain. */
export type RuleCase = readonly [title: string, changes: InputChanges, reason: ReasonCode, sentence?: RegExp];

/** Registers one test per row, each running `rule` alone on `transferInput(changes)`. */
export function ruleTable(test: TestFn, subject: string, id: RuleId, rule: TransferRule, cases: readonly RuleCase[]): void {
  for (const [title, changes, reason, sentence] of cases) {
    test(`${subject} ${title}`, (t) => {
      const verdict = rule(transferInput(changes));
      t.like(verdict, { rule: id, reason, passed: reason === 'OK' });
      if (sentence !== undefined) t.regex(verdict.sentence, sentence);
    });
  }
}

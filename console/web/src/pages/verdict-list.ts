import { h } from '../dom';
import type { Verdict } from '../types';

/** Every rule's verdict as the rules engine worded it: passed or failed, the sentence, and the rule and reason code for reference. */
export function verdictList(title: string, verdicts: readonly Verdict[], testId: string): HTMLElement {
  const failed = verdicts.filter((verdict) => !verdict.passed).length;
  const summary = failed === 0 ? `All ${verdicts.length} rules passed.` : `${failed} of ${verdicts.length} rules failed.`;
  return h(
    'section',
    { class: 'card', 'data-testid': testId },
    h('h2', {}, title),
    h('p', { class: failed === 0 ? 'ok' : 'bad' }, summary),
    h(
      'ul',
      { class: 'verdicts' },
      ...verdicts.map((verdict) =>
        h(
          'li',
          { class: verdict.passed ? 'passed' : 'failed', 'data-rule': verdict.rule },
          h('span', { class: 'mark', 'aria-label': verdict.passed ? 'passed' : 'failed' }, verdict.passed ? '✓' : '✗'),
          h('span', { class: 'sentence' }, verdict.sentence),
          h('span', { class: 'rule' }, verdict.passed ? verdict.rule : `${verdict.rule} · ${verdict.reason}`),
        ),
      ),
    ),
  );
}

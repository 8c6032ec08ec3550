import { ApiError, messageOf } from '../api';
import { h } from '../dom';
import type { Problem } from '../types';

type Control = HTMLInputElement | HTMLSelectElement;

type Field = { readonly control: Control; readonly error: HTMLElement; readonly label: string; readonly required: () => boolean };

type FieldOptions = {
  readonly required?: boolean | (() => boolean);
  readonly type?: string;
  readonly value?: string;
  readonly placeholder?: string;
  readonly maxlength?: number;
  readonly hint?: string;
  /** Personal data: the browser is asked not to remember it. */
  readonly personal?: boolean;
  /** Shown and sent but not editable (an update's investor id). */
  readonly readOnly?: boolean;
};

/** A DOM id and test id from a field key such as `pii.address.lines[0]`. */
function idOf(key: string): string {
  return `field-${key.replace(/[^A-Za-z0-9]+/g, '-')}`;
}

/**
 * The inputs of a form, each keyed by its path in the request body (`investor.jurisdiction`,
 * `pii.address.city`), with a labelled control and an error line beside it, so the service's
 * problems (reported by path) land next to the field they are about.
 */
export class FormFields {
  readonly #fields = new Map<string, Field>();

  /** A text-like input (text, date) with its label and error line. */
  input(key: string, label: string, options: FieldOptions = {}): HTMLElement {
    const id = idOf(key);
    const control = h('input', { id, name: key, type: options.type ?? 'text', value: options.value, placeholder: options.placeholder, maxlength: options.maxlength === undefined ? undefined : String(options.maxlength), autocomplete: options.personal === true ? 'off' : undefined, readonly: options.readOnly === true, 'data-testid': id });
    return this.#add(key, label, control, options);
  }

  /** A select of fixed choices; `blank` adds an empty first choice (for optional selects). */
  select(key: string, label: string, choices: readonly string[], options: FieldOptions & { readonly blank?: boolean } = {}): HTMLElement {
    const id = idOf(key);
    const all = options.blank === true ? ['', ...choices] : choices;
    const control = h('select', { id, name: key, 'data-testid': id }, ...all.map((choice) => h('option', { value: choice, selected: choice === options.value }, choice === '' ? '—' : choice)));
    return this.#add(key, label, control, options);
  }

  #add(key: string, label: string, control: Control, options: FieldOptions): HTMLElement {
    const required = typeof options.required === 'function' ? options.required : () => options.required === true;
    const error = h('span', { id: `${control.id}-error`, class: 'field-error', hidden: true, 'data-testid': `${control.id}-error` });
    control.setAttribute('aria-describedby', error.id);
    if (options.required === true) control.required = true;
    this.#fields.set(key, { control, error, label, required });
    return h('div', { class: 'field' }, h('label', { for: control.id }, label, required() ? ' *' : ''), control, options.hint === undefined ? null : h('span', { class: 'muted hint' }, options.hint), error);
  }

  /** The trimmed value of a field ('' when there is no such field). */
  value(key: string): string {
    return this.#fields.get(key)?.control.value.trim() ?? '';
  }

  /** Shows `problem` beside the field. */
  mark(key: string, problem: string): void {
    const field = this.#fields.get(key);
    if (field === undefined) return;
    field.error.textContent = `${field.label} ${problem}`;
    field.error.hidden = false;
    field.control.setAttribute('aria-invalid', 'true');
  }

  /** Removes every problem shown. */
  clearProblems(): void {
    for (const field of this.#fields.values()) {
      field.error.hidden = true;
      field.error.textContent = '';
      field.control.removeAttribute('aria-invalid');
    }
  }

  /** Marks every required field left blank; true when none is. */
  checkRequired(): boolean {
    let complete = true;
    for (const [key, field] of this.#fields) {
      if (field.required() && !field.control.disabled && field.control.value.trim() === '') {
        this.mark(key, 'is required.');
        complete = false;
      }
    }
    return complete;
  }

  /** Empties the fields whose key starts with `prefix` (personal data after a submit). */
  clear(prefix: string): void {
    for (const [key, field] of this.#fields) if (key.startsWith(prefix)) field.control.value = field.control instanceof HTMLSelectElement ? (field.control.options[0]?.value ?? '') : '';
  }

  /** Enables or disables the fields whose key starts with `prefix`. */
  setEnabled(prefix: string, enabled: boolean): void {
    for (const [key, field] of this.#fields) if (key.startsWith(prefix)) field.control.disabled = !enabled;
  }

  /**
   * Places each problem beside its field: the one its path names, else the first field inside it
   * (a problem with `address` lands on the first address field). Returns the problems no field
   * holds, for the form's general error line.
   */
  place(problems: readonly Problem[]): Problem[] {
    const unplaced: Problem[] = [];
    for (const problem of problems) {
      const key = this.#fields.has(problem.path) ? problem.path : [...this.#fields.keys()].find((candidate) => candidate.startsWith(`${problem.path}.`) || candidate.startsWith(`${problem.path}[`));
      if (key === undefined) unplaced.push(problem);
      else this.mark(key, problem.problem);
    }
    return unplaced;
  }
}

/**
 * The service's problems with paths in the form's terms (`investor.…`, `pii.…`): its schema check
 * reports `body.investor.jurisdiction`, compliance's investor reader `jurisdiction` (INVESTOR_INVALID)
 * and its PII reader `address.city` (INVESTOR_PII_INVALID).
 */
export function problemsOf(error: ApiError): Problem[] {
  const details = error.details;
  if (typeof details !== 'object' || details === null || !('problems' in details) || !Array.isArray(details.problems)) return [];
  const prefix = error.code === 'INVESTOR_INVALID' ? 'investor.' : error.code === 'INVESTOR_PII_INVALID' ? 'pii.' : '';
  return (details.problems as unknown[]).flatMap((item): Problem[] => {
    if (typeof item !== 'object' || item === null) return [];
    const { path, problem } = item as { path?: unknown; problem?: unknown };
    if (typeof path !== 'string' || typeof problem !== 'string') return [];
    const bodyPath = path.replace(/^body\./, '');
    return [{ path: prefix === '' ? bodyPath : path === '' ? prefix.slice(0, -1) : `${prefix}${path}`, problem }];
  });
}

/**
 * The sentence under a form after the service refused it: its message, after each problem it names
 * was placed beside its field; the problems no field holds are appended.
 */
export function refusalText(fields: FormFields, failure: unknown): string {
  const unplaced = failure instanceof ApiError ? fields.place(problemsOf(failure)) : [];
  return `${messageOf(failure)}${unplaced.length === 0 ? '' : ` ${unplaced.map((problem) => `${problem.path === '' ? 'The request' : problem.path} ${problem.problem}.`).join(' ')}`}`;
}

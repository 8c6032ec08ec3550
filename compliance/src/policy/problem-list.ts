import type { TrestleErrorCode } from '../errors/error-code';
import { TrestleError } from '../errors/trestle-error';

/** One thing wrong with a document: where (`lots[2].amount`) and what, as a phrase. */
export type Problem = { readonly path: string; readonly problem: string };

/**
 * Collects every problem found in one document, in the order they were found, so that the person
 * sending it can fix them all in one round instead of one error per attempt.
 */
export class ProblemList {
  readonly #problems: Problem[] = [];

  /** Records that the value at `path` is wrong. */
  add(path: string, problem: string): void {
    this.#problems.push({ path, problem });
  }

  /**
   * Whether any problem lies at `path`, inside it, or at a parent of it (whose fields are then
   * stand-ins). Checks across fields run only on fields that read cleanly, so a stand-in value never
   * causes a second, misleading problem.
   */
  touches(path: string): boolean {
    return this.#problems.some((problem) => isWithin(problem.path, path) || isWithin(path, problem.path));
  }

  /** Throws one `TrestleError` listing every problem, when there is any; `what` names the document. */
  throwIfAny(code: TrestleErrorCode, what: string): void {
    const count = this.#problems.length;
    if (count === 0) return;
    const problems = this.#problems.map(({ path, problem }) => ({ path, problem }));
    throw new TrestleError(code, `The ${what} has ${count} ${count === 1 ? 'problem' : 'problems'}; fix each one listed in the details and send it again.`, {
      details: { problems },
    });
  }
}

/** Whether `path` is `outer` or lies inside it. */
function isWithin(path: string, outer: string): boolean {
  return outer === '' || path === outer || path.startsWith(`${outer}.`) || path.startsWith(`${outer}[`);
}

/** The path of `key` inside the value at `path` (`''` is the document itself). */
export function childPath(path: string, key: string | number): string {
  if (typeof key === 'number') return `${path}[${key}]`;
  return path === '' ? key : `${path}.${key}`;
}

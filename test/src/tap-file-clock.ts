/**
 * How long each test file of a serial ava run took, read from its TAP lines as they arrive: npm
 * test's budget (30 minutes) is mostly the integration suites, one file at a time on the shared
 * network, and this says which files spend it. ava titles a test `<file path without .test.ts, its
 * folders joined by ' › '> › <test title>`, the path relative to the folder all its files share;
 * `fileOf` tells which leading part names a file, and which.
 */
export class TapFileClock {
  readonly #seconds = new Map<string, number>();
  readonly #fileOf = new Map<string, string | undefined>();
  #lastLineAt: number;

  constructor(
    startedAt: number,
    /** The test file a title's leading part (`a/b/c`, for `a › b › c › …`) names, or undefined when none. */
    private readonly fileOf: (pathWithoutSuffix: string) => string | undefined,
  ) {
    this.#lastLineAt = startedAt;
  }

  /** Counts the time since the previous result line toward the file of this one (serial: one file runs at a time). */
  observe(line: string, at: number): void {
    const title = /^(?:not )?ok \d+ - (.+?)(?: # (?:SKIP|TODO).*)?$/.exec(line)?.[1];
    if (title === undefined) return;
    const file = this.#file(title);
    if (file === undefined) return;
    this.#seconds.set(file, (this.#seconds.get(file) ?? 0) + (at - this.#lastLineAt) / 1000);
    this.#lastLineAt = at;
  }

  /** The files, slowest first, with their seconds. */
  slowest(count: number): Array<{ readonly file: string; readonly seconds: number }> {
    return [...this.#seconds].map(([file, seconds]) => ({ file, seconds })).sort((a, b) => b.seconds - a.seconds).slice(0, count);
  }

  #file(title: string): string | undefined {
    const parts = title.split(' › ');
    for (let length = parts.length - 1; length >= 1; length--) {
      const path = parts.slice(0, length).join('/');
      if (!this.#fileOf.has(path)) this.#fileOf.set(path, this.fileOf(path));
      const file = this.#fileOf.get(path);
      if (file !== undefined) return file;
    }
    return undefined;
  }
}

import type { Clock } from '../session/clock';

/** A clock tests move by hand, so waits, lockouts and expiries need no sleeping. */
export class FakeClock implements Clock {
  #now: number;

  constructor(start: Date) {
    this.#now = start.getTime();
  }

  now = (): number => this.#now;

  /** Moves the clock forward by `seconds`. */
  advance(seconds: number): void {
    this.#now += seconds * 1000;
  }
}

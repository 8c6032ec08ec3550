/** Milliseconds since the epoch, injected so tests move time instead of sleeping. */
export type Clock = { readonly now: () => number };

/** The machine's clock. */
export const SYSTEM_CLOCK: Clock = { now: () => Date.now() };

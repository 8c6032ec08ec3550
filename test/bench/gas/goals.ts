import type { GoalSpec } from '../../src/bench-report';

/** The goals for the public chain. */
export const GAS_GOALS: readonly GoalSpec[] = [
  { kind: 'gas-below', description: 'gateway mint with 2 of 3 signatures (repeat) below 200k gas', measurement: 'gateway.mint.2of3.repeat', limit: 200_000n },
  { kind: 'ratio-below', description: 'supplyCollateral with ERC-3643 below 2x plain', call: 'supplyCollateral', limit: 2 },
  { kind: 'ratio-below', description: 'liquidate with ERC-3643 below 2x plain', call: 'liquidate', limit: 2 },
];

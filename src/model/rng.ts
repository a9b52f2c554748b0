// The seeded stream. Alea (seedrandom) with its state kept in the model state, so that a step
// is a pure function of its inputs.

import seedrandom from 'seedrandom';
import type { RngState } from './types.js';

export interface Rng {
  /** Uniform on [0, 1). */
  next(): number;
  state(): RngState;
}

export function rngFromSeed(seed: string): Rng {
  const prng = seedrandom.alea(seed, { state: true });
  return { next: () => prng(), state: () => prng.state() as RngState };
}

export function rngFromState(state: RngState): Rng {
  const prng = seedrandom.alea('', { state: { ...state } });
  return { next: () => prng(), state: () => prng.state() as RngState };
}

/** Standard normal draw (Box-Muller; one uniform pair per draw keeps streams aligned). */
export function normal(rng: Rng): number {
  const u1 = 1 - rng.next();
  const u2 = rng.next();
  return Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * u2);
}

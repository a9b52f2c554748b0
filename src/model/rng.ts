// The seeded stream. Alea (seedrandom) with its state kept in the model state, so that a step
// is a pure function of its inputs.

import seedrandom from 'seedrandom';
import type { RngState } from './types.js';

export interface Rng {
  /** Uniform on [0, 1). */
  next(): number;
  state(): RngState;
  /** Uniforms drawn so far: tells whether the state moved without copying it. */
  draws(): number;
}

function wrap(prng: ReturnType<typeof seedrandom.alea>): Rng {
  let n = 0;
  return {
    next: () => {
      n++;
      return prng();
    },
    state: () => prng.state() as RngState,
    draws: () => n,
  };
}

export function rngFromSeed(seed: string): Rng {
  return wrap(seedrandom.alea(seed, { state: true }));
}

export function rngFromState(state: RngState): Rng {
  return wrap(seedrandom.alea('', { state: { ...state } }));
}

/** Standard normal draw (Box-Muller; one uniform pair per draw keeps streams aligned). */
export function normal(rng: Rng): number {
  const u1 = 1 - rng.next();
  const u2 = rng.next();
  return Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * u2);
}

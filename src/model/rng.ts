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
  return rngFromState(aleaSeedState(seed));
}

// Alea's seeding (Mash, by Johannes Baagøe, as in seedrandom's lib/alea.js), giving the state
// seedrandom.alea(seed) starts from: a test holds the two equal. Written out because seedrandom's
// keeps Mash's accumulator in a closure variable that V8 boxes at every write, which made seeding a
// run's three streams cost more than all its quiet steps; here it lives in a local.
const TWO_32 = 0x100000000;
const TWO_MINUS_32 = 2.3283064365386963e-10;

function mash(n: number, data: string): number {
  for (let i = 0; i < data.length; i++) {
    n += data.charCodeAt(i);
    let h = 0.02519603282416938 * n;
    n = h >>> 0;
    h -= n;
    h *= n;
    n = h >>> 0;
    h -= n;
    n += h * TWO_32;
  }
  return n;
}

const mashed = (n: number): number => (n >>> 0) * TWO_MINUS_32;
// Every seed starts from Mash's three spaces.
const SPACES = [0, 0, 0];
let spaced = 0xefc8249d;
for (let k = 0; k < 3; k++) SPACES[k] = mashed((spaced = mash(spaced, ' ')));

export function aleaSeedState(seed: string): RngState {
  let n = spaced;
  const s = [0, 0, 0];
  for (let k = 0; k < 3; k++) {
    n = mash(n, seed);
    s[k] = SPACES[k] - mashed(n);
    if (s[k] < 0) s[k] += 1;
  }
  return { c: 1, s0: s[0], s1: s[1], s2: s[2] };
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

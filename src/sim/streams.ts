// Random streams derived from (seed, run, purpose): run i of every scenario in a batch draws the
// same parameters and the same shocks (common random numbers), whichever worker computes it.

import { rngFromSeed, type Rng } from '../model/rng.js';

export type Purpose = 'params' | 'shocks' | 'decisions';

/** `null` is the central run: central parameters, its own shock stream. */
export function streamSeed(seed: string, runIndex: number | null, purpose: Purpose): string {
  return `${seed}|${runIndex === null ? 'central' : runIndex}|${purpose}`;
}

export function stream(seed: string, runIndex: number | null, purpose: Purpose): Rng {
  return rngFromSeed(streamSeed(seed, runIndex, purpose));
}

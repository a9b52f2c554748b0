// Random streams derived from (seed, run, purpose): run i of every scenario in a batch draws the
// same parameters and the same shocks (common random numbers), whichever worker computes it.

import { aleaSeedStates, rngFromSeed, rngFromState, type Rng } from '../model/rng.js';

export type Purpose = 'params' | 'shocks' | 'decisions';

const PURPOSES: readonly [Purpose, Purpose, Purpose] = ['params', 'shocks', 'decisions'];

const runLabel = (runIndex: number | null): string => (runIndex === null ? 'central' : String(runIndex));

/** `null` is the central run: central parameters, its own shock stream. */
export function streamSeed(seed: string, runIndex: number | null, purpose: Purpose): string {
  return `${seed}|${runLabel(runIndex)}|${purpose}`;
}

export function stream(seed: string, runIndex: number | null, purpose: Purpose): Rng {
  return rngFromSeed(streamSeed(seed, runIndex, purpose));
}

/** A run's three streams, each the same as stream() makes, seeded together: a batch seeds three for every run. */
export function runStreams(seed: string, runIndex: number | null): Record<Purpose, Rng> {
  const [params, shocks, decisions] = aleaSeedStates([seed, '|', runLabel(runIndex), '|'], PURPOSES);
  return { params: rngFromState(params), shocks: rngFromState(shocks), decisions: rngFromState(decisions) };
}

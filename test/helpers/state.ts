// Test helpers: a starting state from a shipped baseline at central parameters.
import { initialState } from '../../src/model/baseline.js';
import { centralParams, type Params } from '../../src/model/params.js';
import { rngFromSeed } from '../../src/model/rng.js';
import type { State } from '../../src/model/types.js';
import { loadBaseline, loadParamSpecs } from '../../src/scenario/seeds.js';

export function central(overrides: Partial<Params> = {}): Params {
  return { ...centralParams(loadParamSpecs()), ...overrides };
}

export function eveState(params: Params = central(), baseline = 'busan-eve-2025-10-30'): State {
  const b = loadBaseline(baseline);
  return initialState(b.baseline, {
    start_date: b.as_of,
    step_unit: 'week',
    rng: rngFromSeed('test').state(),
    decision_rng: rngFromSeed('test-decisions').state(),
    params,
  });
}

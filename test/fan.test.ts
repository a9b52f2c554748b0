// The fan in play: its runs go through quiet stretches in one go (sim/run.ts runFrom) and must give
// what advance() gives step by step, from any point of a session; its bands are plain percentiles.

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { METRIC_NAMES } from '../src/model/metrics.js';
import type { Metrics } from '../src/model/metrics.js';
import { loadScenario } from '../src/scenario/load.js';
import type { Scenario } from '../src/scenario/compile.js';
import { advance, runParamsFrom } from '../src/sim/run.js';
import { runStreams } from '../src/sim/streams.js';
import { bandsOf, FAN_METRICS, fanRuns, newBuffer } from '../src/tui/ensemble/fan.js';
import { createSession, currentSnapshot, reduce } from '../src/tui/session/index.js';
import type { Snapshot } from '../src/tui/session/types.js';

/** The fan's values the plain way: advance() one step at a time, stopping at an error. */
function stepByStep(scn: Scenario, seed: string, from: Snapshot, runs: number): Float64Array[] {
  const steps = scn.horizon - from.state.step;
  const values = FAN_METRICS.map(() => new Float64Array(runs * steps).fill(NaN));
  for (let i = 0; i < runs; i++) {
    const streams = runStreams(seed, i);
    const params = runParamsFrom(scn, i, streams.params);
    let state = { ...from.state, rng: streams.shocks.state(), decision_rng: streams.decisions.state() };
    let last: Metrics | null = from.metrics;
    for (let j = 0; j < steps; j++) {
      const r = advance(scn, state, params, last);
      FAN_METRICS.forEach((name, m) => (values[m][j * runs + i] = r.metrics[name]));
      state = r.state;
      last = r.metrics;
    }
  }
  return values;
}

describe("play's fan", () => {
  const cases: [string, number][] = [
    ['busan-truce', 0],
    ['busan-truce', 3],
    ['rare-earth-squeeze', 0],
    ['rare-earth-squeeze', 2],
    ['truce-lapses', 1],
  ];
  it.each(cases)('gives %s, from a session %i x 10 steps in, what advance() gives step by step', (name, tens) => {
    const scn = loadScenario(name);
    let session = createSession(scn);
    for (let k = 0; k < tens; k++) session = reduce(session, { type: 'step10' });
    const from = currentSnapshot(session);
    expect(from.state.step).toBe(10 * tens);
    const runs = 12;
    const buf = newBuffer(from.state.step, scn.horizon, runs);
    fanRuns(scn, session.seed, from, buf, 0, 5); // in two pieces, as the background job does
    fanRuns(scn, session.seed, from, buf, 5, runs);
    const want = stepByStep(scn, session.seed, from, runs);
    FAN_METRICS.forEach((metric, m) => {
      const first = buf.values[m].findIndex((v, k) => !Object.is(v, want[m][k]));
      expect(first, `${metric}: first value that differs`).toBe(-1);
    });
    expect(METRIC_NAMES).toEqual(expect.arrayContaining(FAN_METRICS));
  });

  it('bands are the 5th, 50th and 95th percentiles (linear between ranks) of the runs that reached the step', () => {
    const buf = newBuffer(0, 2, 6);
    // Step 0: the runs give 5, 1, 4, 2, 3 and one stopped (NaN); step 1: all 7 but the last, 107.
    [5, 1, 4, 2, 3, NaN].forEach((v, i) => (buf.values[0][i] = v)); // step 0's runs, then step 1's
    [7, 7, 7, 7, 7, 107].forEach((v, i) => (buf.values[0][6 + i] = v));
    const fan = bandsOf(buf, 6);
    const band = fan.bands[FAN_METRICS[0]]!;
    // Five values 1..5: ranks at 4 x 0.05 = 0.2, 4 x 0.5 = 2 and 4 x 0.95 = 3.8.
    expect(band.p5[0]).toBeCloseTo(1.2, 12);
    expect(band.p50[0]).toBe(3);
    expect(band.p95[0]).toBeCloseTo(4.8, 12);
    // Six values: ranks 0.25, 2.5 and 4.75; the 95th lies three quarters of the way from 7 to 107.
    expect(band.p5[1]).toBe(7);
    expect(band.p50[1]).toBe(7);
    expect(band.p95[1]).toBeCloseTo(82, 12);
    expect({ fromStep: fan.fromStep, runsDone: fan.runsDone, runsTotal: fan.runsTotal }).toEqual({ fromStep: 0, runsDone: 6, runsTotal: 6 });
  });

  it('bands equal the percentiles of the sorted runs, whatever their number, order, ties and gaps, step after step', () => {
    const sortedQuantile = (xs: number[], q: number) => {
      const s = [...xs].sort((a, b) => a - b);
      const pos = (s.length - 1) * q;
      const lo = Math.floor(pos);
      const hi = Math.min(s.length - 1, lo + 1);
      return s[lo] + (s[hi] - s[lo]) * (pos - lo);
    };
    const value = fc.oneof(fc.integer({ min: -40, max: 40 }).map((k) => k / 8), fc.constant(NaN));
    // Several steps: each step's percentiles are its own runs', whatever the steps around it hold.
    const columns = fc.integer({ min: 1, max: 60 }).chain((runs) => fc.array(fc.array(value, { minLength: runs, maxLength: runs }), { minLength: 1, maxLength: 4 }));
    fc.assert(
      fc.property(columns, (steps) => {
        const runs = steps[0].length;
        const buf = newBuffer(0, steps.length, runs);
        steps.forEach((xs, j) => xs.forEach((v, i) => (buf.values[0][j * runs + i] = v)));
        const band = bandsOf(buf, runs).bands[FAN_METRICS[0]]!;
        steps.forEach((xs, j) => {
          const kept = xs.filter((v) => !Number.isNaN(v));
          const want = kept.length === 0 ? [NaN, NaN, NaN] : [0.05, 0.5, 0.95].map((q) => sortedQuantile(kept, q));
          expect([band.p5[j], band.p50[j], band.p95[j]], `step ${j}`).toEqual(want);
        });
      }),
      { numRuns: 400 },
    );
  });
});

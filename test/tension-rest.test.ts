import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { measuresTension } from '../src/model/regime.js';
import { loadScenario } from '../src/scenario/load.js';
import { runScenario, startRun } from '../src/sim/run.js';

// jan-2025 starts at 35 while its measures alone imply about 26.6 (20 of rivalry, 0.3 a point of
// each side's average tariff above 10%): before, tension slid toward 26.6 within months, about
// 8 points down by the end of the first year, in every run.
const dir = mkdtempSync(join(tmpdir(), 'rest-'));
const file = join(dir, 'at-rest.yaml');
writeFileSync(file, 'name: at-rest\ndescription: "no moves from the 2025 inauguration"\nbaseline: jan-2025\nhorizon: 105\n');
const scn = loadScenario(file);
const RUNS = 200;
const runs = Array.from({ length: RUNS }, (_, i) => runScenario(scn, { run_index: i }).rows.map((r) => r.escalation_index));

describe('tension at rest', () => {
  it('starts above the level its measures imply (the case that drifted)', () => {
    const start = startRun(scn, scn.seed, null).state;
    expect(start.escalation_index).toBe(35);
    expect(measuresTension(start)).toBeCloseTo(26.6, 1);
  });

  it('with no moves, stays at its starting value on average over 200 runs', () => {
    // The index is an AR(1) around its resting level: x' = x + pull (rest - x) + noise e, e ~ N(0, 1).
    // Its spread around the rest is at most noise / sqrt(2 pull - pull^2): with the ranges' extremes
    // (noise 3, pull 0.04) 10.7 points. So the mean of 200 independent runs has a standard error
    // of at most 10.7 / sqrt(200) = 0.76, and 35 +- 3 is four of them (the old drift was -8).
    for (const week of [13, 26, 52, 104]) {
      const mean = runs.reduce((a, r) => a + r[week], 0) / RUNS;
      expect(Math.abs(mean - 35)).toBeLessThan(3);
    }
  });

  it('keeps its noise: runs spread around the rest, and a run wanders', () => {
    const at52 = runs.map((r) => r[52]);
    const mean = at52.reduce((a, b) => a + b, 0) / RUNS;
    const sd = Math.sqrt(at52.reduce((a, b) => a + (b - mean) ** 2, 0) / (RUNS - 1));
    // The narrowest spread the ranges allow (noise 0.5, pull 0.15) is 0.95; the central one 3.8.
    expect(sd).toBeGreaterThan(2);
    expect(sd).toBeLessThan(10.7);
    const one = runs[0];
    expect(Math.max(...one) - Math.min(...one)).toBeGreaterThan(3);
  });
});

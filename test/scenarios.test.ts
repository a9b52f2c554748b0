import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CONTRACT_METRICS } from '../src/model/metrics.js';
import { compileSource } from '../src/scenario/compile.js';
import { loadScenario } from '../src/scenario/load.js';
import { SCENARIOS_DIR } from '../src/scenario/paths.js';
import type { Metrics } from '../src/model/metrics.js';
import { advance, quietStretch, type Row, runScenario, startRun } from '../src/sim/run.js';
import { stepByStep } from './helpers/stepByStep.js';

const at = (rows: Row[], date: string) => {
  const row = rows.find((r) => r.date >= date);
  if (!row) throw new Error(`no row on or after ${date}`);
  return row;
};

describe('shipped scenarios', () => {
  const files = readdirSync(SCENARIOS_DIR).filter((f) => f.endsWith('.yaml'));

  it('ship the six the project promises, and more', () => {
    const names = files.map((f) => f.replace('.yaml', ''));
    expect(names).toEqual(expect.arrayContaining(['busan-truce', 'history-2025', 'truce-lapses', 'rare-earth-squeeze', 'soybean-shortfall', 'diversification']));
  });

  it.each(files)('%s loads, runs over its horizon and reports the metric contract', (file) => {
    const scn = loadScenario(`${SCENARIOS_DIR}${file}`);
    expect(scn.description.length).toBeGreaterThan(20);
    const r = runScenario(scn);
    expect(r.rows).toHaveLength(scn.horizon);
    for (const row of r.rows) {
      expect(row.date).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      for (const m of CONTRACT_METRICS) expect(Number.isFinite(row[m]), `${file} ${row.date} ${m}`).toBe(true);
    }
  });
});

// Data-consistency checks, not calibration: history-2025 scripts the tariff layers as announced, so
// these hold the seeds and the model's trade-weighted averaging to PIIE's published averages; they
// do not test the model's economics. Where a figure is a seed's own input, the test says so. Band
// basis: +-3 pp, for PIIE averaging over HS lines with 2024 weights where the model averages over its
// segments with the same weights.
describe('data consistency: history-2025 reproduces the published averages (PIIE) from its scripted layers', () => {
  const rows = runScenario(loadScenario('history-2025')).rows;
  it('US average tariff on China at inauguration (2025-01-20): 20.8%, the seed\'s own starting level (input echo)', () => {
    expect(Math.abs(at(rows, '2025-01-20').us_tariff_on_cn_pct - 20.8)).toBeLessThan(3);
  });
  const checkpoints: [string, string, number][] = [
    ['mid-April', '2025-04-14', 124.1],
    ['after Geneva', '2025-05-19', 51.1],
    ['before Busan', '2025-10-27', 57],
    ['after Busan', '2025-11-10', 47],
  ];
  it.each(checkpoints)('US average tariff on China, %s (%s): about %d%% (scripted layers, averaged)', (_name, date, published) => {
    expect(Math.abs(at(rows, date).us_tariff_on_cn_pct - published)).toBeLessThan(3);
  });
  it("China's average tariff on US goods: 21.1% before (the seed's own input), about 147.6% at the peak, 32.6% after Geneva (scripted layers, averaged)", () => {
    expect(at(rows, '2025-01-20').cn_tariff_on_us_pct).toBeCloseTo(21.1, 1);
    expect(Math.abs(at(rows, '2025-04-14').cn_tariff_on_us_pct - 147.6)).toBeLessThan(3);
    expect(Math.abs(at(rows, '2025-05-19').cn_tariff_on_us_pct - 32.6)).toBeLessThan(3);
  });
  it('soybean tariff ~23% before Busan and ~13% after (scripted); purchases near zero from May to October', () => {
    expect(at(rows, '2025-10-27').cn_soybean_tariff_pct).toBe(23);
    expect(at(rows, '2025-11-10').cn_soybean_tariff_pct).toBe(13);
    expect(at(rows, '2025-07-07').soybean_purchases_mmt).toBeLessThan(1);
  });
});

describe('busan-truce', () => {
  const r = runScenario(loadScenario('busan-truce'));
  it('starts on the eve of Busan with the October measures in force', () => {
    const first = r.rows[0];
    expect(first.date).toBe('2025-10-30');
    expect(first.us_tariff_on_cn_pct).toBeCloseTo(55.6, 6);
    expect(first.rare_earth_curb).toBe(0.2);
    expect(first.truce_active).toBe(1);
  });
  it('puts the Busan terms in force on 2025-11-10: ~47% US average, general licences, soybean purchases resume', () => {
    const after = at(r.rows, '2025-11-10');
    expect(Math.abs(after.us_tariff_on_cn_pct - 47)).toBeLessThan(3);
    expect(after.rare_earth_curb).toBe(0);
    expect(after.us_rare_earth_supply_index).toBe(1);
    expect(after.soybean_purchases_mmt).toBeGreaterThan(12);
    expect(after.soybean_purchases_mmt).toBeLessThanOrEqual(25);
    expect(after.us_imports_from_cn_bn).toBeGreaterThan(r.rows[0].us_imports_from_cn_bn);
  });
  it('keeps the truce in force up to the 2026-11-10 deadline', () => {
    expect(r.rows.filter((row) => row.date < '2026-11-10').every((row) => row.truce_active === 1)).toBe(true);
  });
});

describe('determinism', () => {
  it('the same seed gives the same numbers; another seed other shocks', () => {
    const scn = loadScenario('truce-lapses');
    const a = JSON.stringify(runScenario(scn, { seed: 7 }));
    const b = JSON.stringify(runScenario(loadScenario('truce-lapses'), { seed: 7 }));
    const c = JSON.stringify(runScenario(scn, { seed: 8 }));
    expect(a).toBe(b);
    expect(c).not.toBe(a);
  });
  it('run i draws its own parameters, the same every time', () => {
    const scn = loadScenario('busan-truce');
    const r1 = runScenario(scn, { run_index: 3 });
    const r2 = runScenario(scn, { run_index: 3 });
    const r3 = runScenario(scn, { run_index: 4 });
    expect(r1.params).toEqual(r2.params);
    expect(r1.params.armington_sigma).not.toBe(r3.params.armington_sigma);
    expect(r1.rows).toEqual(r2.rows);
  });
});

describe('quiet stretches (sim/run.ts runSteps)', () => {
  const files = readdirSync(SCENARIOS_DIR).filter((f) => f.endsWith('.yaml'));

  it.each(files)('%s: runScenario gives what advance() gives step by step (drawn runs, past the horizon too)', (file) => {
    const scn = loadScenario(`${SCENARIOS_DIR}${file}`);
    for (const [runIndex, steps] of [
      [0, scn.horizon],
      [7, scn.horizon + 30],
    ]) {
      const fast = runScenario(scn, { run_index: runIndex, steps });
      const slow = stepByStep(scn, { run_index: runIndex, steps });
      // Byte for byte: the JSON a user gets.
      expect(JSON.stringify(fast.rows)).toBe(JSON.stringify(slow.rows));
      expect(fast.events).toEqual(slow.events);
      expect(fast.final).toEqual(slow.final);
    }
  });

  it('busan-truce is quiet from its last summit to the deadline decision: the strategies wait for it', () => {
    const scn = loadScenario('busan-truce');
    const { params, state: start, rngs } = startRun(scn, scn.seed, 0);
    let state = start;
    let last: Metrics | null = null;
    const quiet: number[] = [];
    let due = NaN;
    for (let k = 0; k < scn.horizon; k++) {
      quiet.push(quietStretch(scn, state, params, last, scn.horizon).end);
      if (k === 3) due = state.agreements.find((a) => a.active && a.is_truce)!.expires_step!;
      const r = advance(scn, state, params, last, [], rngs);
      last = r.metrics;
      state = r.state;
    }
    // Steps 0 and 2 hold summits and step 27 requests the Section 301 continuation (2026-05-06); from 3
    // the stretch runs to that step, and from there to the truce's deadline (2026-11-10), where the bargainers decide.
    expect(scn.timeline.map((m, k) => (m.length > 0 ? k : -1)).filter((k) => k >= 0)).toEqual([0, 2, 27]);
    expect(due).toBe(54);
    expect(quiet.slice(0, 4)).toEqual([0, 2, 2, 27]);
    expect(quiet.slice(4, 27).every((q) => q === 27)).toBe(true);
    expect(quiet[27]).toBe(27);
    expect(quiet.slice(28, due).every((q) => q === due)).toBe(true);
    expect(quiet[due]).toBe(due);
  });

  it.each(['truce-lapses', 'rare-earth-squeeze'])('%s: most weeks are quiet, as its rules cannot fire before the measures change', (name) => {
    const scn = loadScenario(name);
    const { params, state: start, rngs } = startRun(scn, scn.seed, 0);
    let state = start;
    let last: Metrics | null = null;
    let quiet = 0;
    for (let k = 0; k < scn.horizon; k++) {
      if (quietStretch(scn, state, params, last, scn.horizon).end > k) quiet++;
      const r = advance(scn, state, params, last, [], rngs);
      last = r.metrics;
      state = r.state;
    }
    expect(quiet).toBeGreaterThan(scn.horizon * 0.75);
    expect(quiet).toBeLessThan(scn.horizon);
  });
});

describe('a scenario compiled again from its source (as a batch worker compiles it)', () => {
  const files = readdirSync(SCENARIOS_DIR).filter((f) => f.endsWith('.yaml'));
  it.each(files)('%s: the source is plain data, holds its rules parsed, and runs the same', (file) => {
    const scn = loadScenario(`${SCENARIOS_DIR}${file}`);
    const copy = structuredClone(scn.source);
    expect(JSON.parse(JSON.stringify(copy))).toEqual(copy);
    expect(Object.keys(copy.conditions).sort()).toEqual([...new Set((scn.spec.rules ?? []).map((r) => r.when))].sort());
    const again = compileSource(copy);
    for (const run_index of [null, 5]) expect(JSON.stringify(runScenario(again, { run_index }))).toBe(JSON.stringify(runScenario(scn, { run_index })));
  });
  it('a source that lacks a seed says so', () => {
    const { source } = loadScenario('busan-truce');
    expect(() => compileSource({ ...source, seeds: { ...source.seeds, records: {} } })).toThrow(/busan-truce.yaml: the scenario's source lacks record record-2025/);
  });
});

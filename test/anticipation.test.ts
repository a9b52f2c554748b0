// Trade that sees it coming: a dated increase pulls imports forward and depresses them after; a
// threat not in force moves them a little (model/economics/anticipation.ts).
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { frontLoadingFactor } from '../src/model/economics/anticipation.js';
import { loadScenario } from '../src/scenario/load.js';
import { type Row, runScenario } from '../src/sim/run.js';
import { central } from './helpers/state.js';

const dir = mkdtempSync(join(tmpdir(), 'tariff-sim-anticipation-'));
let files = 0;
function run(moves: string, horizon = 40): Row[] {
  const file = join(dir, `s${files++}.yaml`);
  writeFileSync(
    file,
    `name: list-3
description: "test: the 2018 List 3 tariff, 10% from 2018-09-24, due to rise to 25% on 2019-01-01"
baseline: pre-dispute-2017
start: 2018-09-03
step: week
horizon: ${horizon}
seed: 1
timeline:
${moves}
`,
  );
  return runScenario(loadScenario(file)).rows;
}

// The same tariffs three ways: announced with its date, the step unannounced, and no step at all.
const announced = run(`  - { at: 2018-09-24, why: "List 3", moves: [{ actor: us, type: add_tariff_layer, layer: list3, scope: [all], rate_pct: 10, expires: 2019-01-01, snapback_rate_pct: 25 }] }`, 60);
const surprise = run(`  - { at: 2018-09-24, why: "List 3", moves: [{ actor: us, type: add_tariff_layer, layer: list3, scope: [all], rate_pct: 10 }] }
  - { at: 2019-01-01, why: "step", moves: [{ actor: us, type: set_tariff, layer: list3, rate_pct: 25 }] }`, 60);
const k = announced.findIndex((r) => r.date >= '2019-01-01');

describe('a dated increase', () => {
  it('pulls imports forward in the weeks before it and depresses them after', () => {
    expect(announced[k].us_tariff_on_cn_pct).toBeCloseTo(surprise[k].us_tariff_on_cn_pct, 9);
    for (let t = k - 3; t < k; t++) expect(announced[t].us_imports_from_cn_bn).toBeGreaterThan(surprise[t].us_imports_from_cn_bn);
    for (let t = k; t < k + 4; t++) expect(announced[t].us_imports_from_cn_bn).toBeLessThan(surprise[t].us_imports_from_cn_bn);
    // Before the date the pull is the factor's: elasticity x ln(1 + 15 pp / (100 + 13.1%)) x how far
    // into the 8-week window (the tariff is 3.1% MFN + 10%, the step adds 15 pp on every segment).
    const p = central();
    const rise = Math.log(1 + 15 / (100 + 13.1));
    for (let t = k - 3; t < k; t++)
      expect(announced[t].us_imports_from_cn_bn / surprise[t].us_imports_from_cn_bn).toBeCloseTo(frontLoadingFactor(k - t, p.front_loading_window_weeks, rise, p.front_loading_elasticity), 9);
    // Well before the window, nothing moves.
    expect(announced[k - 12].us_imports_from_cn_bn).toBe(surprise[k - 12].us_imports_from_cn_bn);
  });

  it('what is bought ahead is worked off after: the goods are the same over the whole stretch', () => {
    let extra = 0;
    for (let t = 0; t < announced.length; t++) extra += announced[t].us_imports_from_cn_bn - surprise[t].us_imports_from_cn_bn;
    let ahead = 0;
    for (let t = 0; t < k; t++) ahead += announced[t].us_imports_from_cn_bn - surprise[t].us_imports_from_cn_bn;
    expect(ahead).toBeGreaterThan(0);
    // 43 weeks after the date, with a half-life of 4 weeks (half the window): 0.5^(43/4), under 0.1%
    // of the stock, is left.
    expect(Math.abs(extra)).toBeLessThan(0.001 * ahead);
  });

  it('the pull builds up to the date, by the elasticity times the log price rise at most', () => {
    const p = central();
    const rise = Math.log(1.25 / 1.1);
    expect(frontLoadingFactor(10, 8, rise, p.front_loading_elasticity)).toBe(1);
    expect(frontLoadingFactor(6, 8, rise, p.front_loading_elasticity)).toBeLessThan(frontLoadingFactor(2, 8, rise, p.front_loading_elasticity));
    expect(frontLoadingFactor(1e-9, 8, rise, p.front_loading_elasticity)).toBeCloseTo(Math.exp(p.front_loading_elasticity * rise), 6);
    expect(frontLoadingFactor(0, 8, rise, p.front_loading_elasticity)).toBe(1);
  });
});

describe('a threat not in force', () => {
  it('moves imports a little through uncertainty, and lifts when the threat is dropped', () => {
    // Basis: trade-policy uncertainty effects are small (Caldara et al. 2020): a +100 pp threat costs
    // under 5% of imports at the central parameters (0.05 x ln 2 of the price: about 3%).
    const quiet = run(`  - { at: 2018-09-24, why: "List 3", moves: [{ actor: us, type: add_tariff_layer, layer: list3, scope: [all], rate_pct: 10 }] }`, 12);
    const threat = run(`  - { at: 2018-09-24, why: "List 3", moves: [{ actor: us, type: add_tariff_layer, layer: list3, scope: [all], rate_pct: 10 }, { actor: us, type: threaten_tariff, layer: list3, rate_pct: 110 }] }
  - { at: 2018-10-29, why: "dropped", moves: [{ actor: us, type: drop_tariff_threat, layer: list3 }] }`, 12);
    const t = threat.findIndex((r) => r.date >= '2018-10-01');
    const fall = 1 - threat[t].us_imports_from_cn_bn / quiet[t].us_imports_from_cn_bn;
    expect(fall).toBeGreaterThan(0);
    expect(fall).toBeLessThan(0.05);
    expect(threat[t].us_tariff_on_cn_pct).toBe(quiet[t].us_tariff_on_cn_pct);
    expect(threat[threat.length - 1].us_imports_from_cn_bn).toBeCloseTo(quiet[quiet.length - 1].us_imports_from_cn_bn, 9);
  });
});

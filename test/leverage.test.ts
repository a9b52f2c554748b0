// The leverage ledgers: each side's cost is the sum of its named parts, the levers' costs move the
// right way, and the published magnitudes the model claims to match, each with its band and the
// band's basis (docs/calibration.md sections 4, 5, 7 and 11).
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CN_LEDGER_PARTS, leverageBalance, magnetOutputAtRiskBn, US_LEDGER_PARTS } from '../src/model/economics/ledgers.js';
import { derived } from '../src/model/derived.js';
import type { Metrics } from '../src/model/metrics.js';
import { loadScenario } from '../src/scenario/load.js';
import { loadMagnetSectors, loadParamSpecs } from '../src/scenario/seeds.js';
import { type Row, runScenario } from '../src/sim/run.js';
import { dayOfYear } from '../src/model/calendar.js';
import { privateSoybeanDemandMmt, soybeanSeason, soybeanTargetMmt } from '../src/model/economics/soybeans.js';
import { step } from '../src/model/step.js';
import { central, eveState } from './helpers/state.js';

const dir = mkdtempSync(join(tmpdir(), 'tariff-sim-leverage-'));
let files = 0;
/** A scenario from YAML text (written to a file, loaded as a user's would be). */
function scenario(text: string) {
  const file = join(dir, `s${files++}.yaml`);
  writeFileSync(file, text);
  return loadScenario(file);
}

const at = (rows: Row[], date: string) => {
  const row = rows.find((r) => r.date >= date);
  if (!row) throw new Error(`no row on or after ${date}`);
  return row;
};
const between = (rows: Row[], from: string, to: string) => rows.filter((r) => r.date >= from && r.date < to);
const sum = (rows: Row[], m: keyof Metrics) => rows.reduce((a, r) => a + r[m], 0);

describe('the two ledgers', () => {
  it.each(['history-2025', 'busan-truce', 'rare-earth-squeeze', 'truce-lapses'])('%s: each ledger is the sum of its named parts, every step, in drawn runs too', (name) => {
    const scn = loadScenario(name);
    for (const runIndex of [null, 3]) {
      for (const row of runScenario(scn, { run_index: runIndex }).rows) {
        let us = 0;
        for (const part of US_LEDGER_PARTS) us += row[part];
        let cn = 0;
        for (const part of CN_LEDGER_PARTS) cn += row[part];
        expect(row.us_economic_cost_bn).toBeCloseTo(us, 9);
        expect(row.cn_economic_cost_bn).toBeCloseTo(cn, 9);
        expect(row.leverage_balance).toBeCloseTo(cn / (us + cn), 12);
        for (const part of [...US_LEDGER_PARTS, ...CN_LEDGER_PARTS]) expect(row[part], `${name} ${row.date} ${part}`).toBeGreaterThanOrEqual(0);
      }
    }
  });

  it('the US ledger has the five parts the issue names, China the six; the balance is 0.5 when neither pays', () => {
    expect([...US_LEDGER_PARTS]).toEqual(['us_deadweight_loss_bn', 'us_output_at_risk_bn', 'us_soybean_farm_loss_bn', 'us_tech_export_loss_bn', 'us_port_fee_cost_bn']);
    expect(CN_LEDGER_PARTS).toHaveLength(6);
    expect(leverageBalance(0, 0)).toBe(0.5);
    expect(leverageBalance(30, 10)).toBe(0.25);
  });
});

describe('rare earths reach the US economy', () => {
  const L = derived(central(), 'week').ledger;

  it('the magnet-dependent sectors in seeds/ sum to the output the parameter scales, each with a source', () => {
    const sectors = loadMagnetSectors().sectors;
    expect(sectors.length).toBeGreaterThanOrEqual(5);
    const total = sectors.reduce((a, s) => a + s.output_bn, 0);
    const spec = loadParamSpecs().us_magnet_dependent_output_bn;
    expect(spec.central).toBe(total);
    expect(spec.low).toBe(total);
    expect(spec.high).toBe(total);
  });

  it("scale: a 10% shortfall idles about the US share of Goldman Sachs' $150bn of world output", () => {
    // Basis: $150bn of world output for a 10% disruption (Goldman Sachs, 2025-10-20) times the US
    // share of world manufacturing, about 16% (UNSD): about $24bn a year. Band: shares of 10-25%.
    const at10 = magnetOutputAtRiskBn(0.1, L);
    expect(at10).toBeGreaterThan(150 * 0.1);
    expect(at10).toBeLessThan(150 * 0.25);
    // Far above the magnets' own value: the US share of a $6bn world market is under $2bn in all.
    expect(at10).toBeGreaterThan(10 * 2 * 0.1);
  });

  it('grows more than proportionally with the shortfall, never falls as it deepens, and never passes the whole output', () => {
    fc.assert(
      fc.property(fc.double({ min: 0, max: 1, noNaN: true }), fc.double({ min: 0, max: 1, noNaN: true }), (a, b) => {
        const [lo, hi] = a < b ? [a, b] : [b, a];
        expect(magnetOutputAtRiskBn(hi, L)).toBeGreaterThanOrEqual(magnetOutputAtRiskBn(lo, L));
        expect(magnetOutputAtRiskBn(hi, L)).toBeLessThanOrEqual(L.magnet_dependent_output_bn);
      }),
    );
    expect(magnetOutputAtRiskBn(0, L)).toBe(0);
    expect(magnetOutputAtRiskBn(0.4, L)).toBeGreaterThan(2 * magnetOutputAtRiskBn(0.2, L));
  });

  it("a step's output at risk is the closed form of its supply shortfall", () => {
    const rows = runScenario(loadScenario('rare-earth-squeeze')).rows;
    for (const r of rows) expect(r.us_output_at_risk_bn).toBeCloseTo(magnetOutputAtRiskBn(1 - r.us_rare_earth_supply_index, L), 9);
  });

  it('a tighter curb never lowers us_output_at_risk_bn (or the magnet price), step by step', () => {
    const levels = [0.2, 0.4, 0.6, 0.8, 1];
    const runs = levels.map(
      (level, i) =>
        runScenario(
          scenario(`name: curb-${i}
description: "test: curb at ${level} from the Busan eve"
baseline: busan-eve-2025-10-30
step: week
horizon: 40
seed: 1
timeline:
  - { at: 1, why: curb, moves: [{ actor: cn, type: impose_rare_earth_curbs, level: ${level}, licence_delay_weeks: 8 }] }
`),
        ).rows,
    );
    for (let k = 1; k < runs.length; k++)
      for (let t = 0; t < runs[k].length; t++) {
        expect(runs[k][t].us_output_at_risk_bn).toBeGreaterThanOrEqual(runs[k - 1][t].us_output_at_risk_bn);
        expect(runs[k][t].magnet_price_index).toBeGreaterThanOrEqual(runs[k - 1][t].magnet_price_index);
      }
    // A full curb idles real output once the inventory is gone.
    expect(runs[4][39].us_output_at_risk_bn).toBeGreaterThan(100);
  });

  // Run in each test, not at load: a run at load time would count as reaching every mutant (static).
  const historyRows = () => runScenario(loadScenario('history-2025')).rows;

  it('history-2025: the May 2025 dip in US magnet supply and the recovery after Geneva and London', () => {
    // Basis: China's magnet exports to the US fell from over 400 t a month (2024) to 46 t in May 2025
    // (-93% y/y) and Ford idled a plant for a week: supply falls well short (below 70% of demand)
    // once the inventory is gone, by mid-June. They recovered to 353 t in June and 619 t in July:
    // by mid-July supply is back within 5% of demand.
    const history = historyRows();
    const dip = Math.min(...between(history, '2025-05-01', '2025-06-16').map((r) => r.us_rare_earth_supply_index));
    expect(dip).toBeLessThan(0.7);
    expect(Math.min(...between(history, '2025-01-20', '2025-04-01').map((r) => r.us_rare_earth_supply_index))).toBe(1);
    expect(at(history, '2025-07-14').us_rare_earth_supply_index).toBeGreaterThan(0.95);
    // The price rises while the flow is short (IEA: ex-China prices up to about 6x) and falls back.
    expect(at(history, '2025-05-05').magnet_price_index).toBeGreaterThan(2);
    expect(at(history, '2025-07-14').magnet_price_index).toBeLessThan(1.5);
  });

  it("history-2025: the shortage's output loss is real but small next to the tariffs' cost", () => {
    // Basis: one plant idled for a week (Ford, May 2025) against tariffs that raised the price level
    // (Yale Budget Lab): over the year, output at risk above zero and under a third of the
    // deadweight loss.
    const history = historyRows();
    const lost = sum(history, 'us_output_at_risk_bn');
    expect(lost).toBeGreaterThan(0);
    expect(lost).toBeLessThan(sum(history, 'us_deadweight_loss_bn') / 3);
  });

  it('rare-earth-squeeze: a year-long curb makes output at risk the largest part of the US ledger', () => {
    const rows = runScenario(loadScenario('rare-earth-squeeze')).rows;
    const curbed = between(rows, '2026-05-01', '2027-05-01');
    for (const r of curbed) {
      for (const part of US_LEDGER_PARTS) if (part !== 'us_output_at_risk_bn') expect(r.us_output_at_risk_bn).toBeGreaterThan(r[part]);
    }
    expect(sum(curbed, 'us_output_at_risk_bn')).toBeGreaterThan(sum(curbed, 'us_economic_cost_bn') / 2);
    // China's rare-earth revenue lost is small: the US flow was worth well under $1bn a year.
    for (const r of curbed) expect(r.cn_rare_earth_export_loss_bn).toBeLessThan(1);
    expect(curbed[0].cn_rare_earth_export_loss_bn).toBeGreaterThan(0);
  });
});

describe('technology controls reach both economies', () => {
  it('calibrated on the H20: one chip line (0.15 of breadth) costs US sellers $5.5-15bn a year', () => {
    // Basis: the H20 licence requirement cost its maker up to $5.5bn in charges, on China sales of
    // $12-15bn in 2024 (Nvidia 8-K, April 2025): the charges are the floor, the sales the ceiling.
    const rows = runScenario(
      scenario(`name: h20
description: "test: one chip line's worth of controls, from the 2017 state"
baseline: pre-dispute-2017
step: week
horizon: 4
seed: 1
timeline:
  - { at: 1, why: H20, moves: [{ actor: us, type: impose_tech_controls, level: 0.15 }] }
`),
    ).rows;
    expect(rows[0].us_tech_export_loss_bn).toBe(0);
    expect(rows[2].us_tech_export_loss_bn).toBeGreaterThanOrEqual(5.5);
    expect(rows[2].us_tech_export_loss_bn).toBeLessThanOrEqual(15);
    expect(rows[2].cn_output_at_risk_bn).toBeGreaterThan(0);
  });

  it('a broader control never lowers cn_output_at_risk_bn (breadth, software-made items, the Affiliates Rule)', () => {
    const settings: [number, boolean, boolean][] = [
      [0, false, false],
      [0, true, false],
      [0.2, true, false],
      [0.2, true, true],
      [0.5, true, true],
      [0.8, true, true],
      [1, true, true],
    ];
    let last = -1;
    for (const [level, affiliates, software] of settings) {
      const row = runScenario(
        scenario(`name: tech
description: "test: technology controls at ${level}"
baseline: pre-dispute-2017
step: week
horizon: 3
seed: 1
timeline:
  - { at: 1, why: controls, moves: [{ actor: us, type: impose_tech_controls, level: ${level}, affiliates_rule: ${affiliates}, software_controls: ${software} }] }
`),
      ).rows[2];
      expect(row.cn_output_at_risk_bn).toBeGreaterThanOrEqual(last);
      expect(row.us_tech_export_loss_bn).toBeGreaterThanOrEqual(0);
      last = row.cn_output_at_risk_bn;
    }
    expect(last).toBeGreaterThan(0);
  });
});

describe('2018 calibration cases, from the 2017 state', () => {
  it("+25 pp on US soybeans from 2018-07-06 cuts China's 2018 purchases near USDA's -49%", () => {
    // Basis: USDA, China's imports of US soybeans 32.9 MMT (2017) -> 16.6 MMT (2018), -49%, calendar
    // years. Band -35% to -65%. The tariff came in July, after most of the 2017/18 season's sales.
    const text = (moves: string) => `name: soy-2018
description: "test: the 2018 soybean tariff"
baseline: pre-dispute-2017
start: 2018-01-01
step: week
horizon: 53
seed: 1
timeline:
  - { at: 2018-07-06, why: "2018 retaliation", moves: [${moves}] }
`;
    const year = (rows: Row[]) => at(rows, '2018-12-31').soybean_purchased_cumulative_mmt;
    const tariff = runScenario(scenario(text('{ actor: cn, type: set_tariff, layer: cn_soybean_retaliation_2018, rate_pct: 25 }'))).rows;
    const none = runScenario(scenario(text('{ actor: cn, type: set_tariff, layer: cn_soybean_retaliation_2018, rate_pct: 0 }'))).rows;
    const fall = year(tariff) / year(none) - 1;
    expect(fall).toBeLessThan(-0.35);
    expect(fall).toBeGreaterThan(-0.65);
    // Purchases respond over weeks, not in one step: in the first week after the tariff buyers shed
    // less than half of what they have shed six weeks on (each against the run without it).
    const k = tariff.findIndex((r) => r.date >= '2018-07-06');
    const shed = (t: number) => none[t].soybean_purchases_mmt - tariff[t].soybean_purchases_mmt;
    expect(shed(k)).toBeGreaterThan(0);
    expect(shed(k)).toBeLessThan(shed(k + 6) / 2);
    // Growers lose revenue, China pays a premium for substitutes.
    expect(tariff[k + 10].us_soybean_farm_loss_bn).toBeGreaterThan(none[k + 10].us_soybean_farm_loss_bn);
    expect(tariff[k + 10].cn_soybean_cost_premium_bn).toBeGreaterThan(0);
  });

  it('US sales to China follow the marketing year: most of a year falls in September-February', () => {
    // Basis: USDA FAS export sales: US exports to China concentrate in September-February.
    const rows = runScenario(
      scenario(`name: soy-season
description: "test: a quiet year from the 2017 state"
baseline: pre-dispute-2017
start: 2018-01-01
step: week
horizon: 53
seed: 1
`),
    ).rows.slice(0, 52);
    const total = sum(rows, 'soybean_purchases_mmt');
    const season = sum(rows.filter((r) => r.date < '2018-03-01' || r.date >= '2018-09-01'), 'soybean_purchases_mmt');
    expect(season / total).toBeGreaterThan(0.7);
    // Brazil fills the rest of China's needs, so its share peaks in the other half of the year.
    expect(at(rows, '2018-05-15').brazil_soybeans_to_cn_mmt).toBeGreaterThan(at(rows, '2018-11-15').brazil_soybeans_to_cn_mmt);
  });

  it("a 2018-like retaliation (+17.5 pp on US goods other than soybeans) cuts them 7-15% in the first year", () => {
    // Basis: Fajgelbaum et al. (QJE 2020): US exports hit by retaliation fell about 11%; China's
    // 2018 retaliation was 10-25 pp on about $110bn of US goods (midpoint 17.5). Band 7-15%.
    const text = (rate: number) => `name: retaliation-2018
description: "test: China's 2018 retaliation"
baseline: pre-dispute-2017
start: 2018-01-01
step: week
horizon: 80
seed: 1
timeline:
  - { at: 2018-07-06, why: "2018 retaliation", moves: [{ actor: cn, type: set_tariff, layer: cn_retaliation_2018, rate_pct: ${rate} }] }
`;
    const p = central();
    const nonSoy = (r: Row) => r.us_exports_to_cn_bn - (r.soybean_purchases_mmt * p.soybean_price_usd_per_t) / 1000;
    const hit = runScenario(scenario(text(17.5))).rows;
    const none = runScenario(scenario(text(0))).rows;
    const k = hit.findIndex((r) => r.date >= '2018-07-06');
    let a = 0;
    let b = 0;
    for (let t = k; t < k + 52; t++) {
      a += nonSoy(hit[t]);
      b += nonSoy(none[t]);
    }
    const fall = 1 - a / b;
    expect(fall).toBeGreaterThan(0.07);
    expect(fall).toBeLessThan(0.15);
  });
});

describe('soybean commitments with a date', () => {
  it('busan-truce buys the 12 MMT tranche around its 2025-12-31 date, then 25 MMT a year honoured with compliance', () => {
    // Basis: 12 MMT by end-2025 and 25 MMT a year in 2026-2028 (White House); 8.5-10 MMT bought by
    // early January and the 12 MMT met about 2026-01-20 (Reuters, traders).
    const rows = runScenario(loadScenario('busan-truce')).rows;
    const byJan = at(rows, '2026-01-08').soybean_purchased_cumulative_mmt - rows[0].soybean_purchased_cumulative_mmt;
    expect(byJan).toBeGreaterThan(6);
    expect(byJan).toBeLessThan(13);
    // Without the tranche, only the yearly commitment's pace: clearly less by January.
    const yearly = scenario(`name: busan-no-tranche
description: "test: the Busan terms with the yearly commitment only"
baseline: busan-eve-2025-10-30
step: week
horizon: 12
seed: 2025
timeline:
  - at: 2025-11-10
    why: "yearly commitment only"
    moves:
      - { actor: cn, type: commit_soybean_purchases, mmt_per_yr: 25 }
`);
    const alone = runScenario(yearly).rows;
    expect(at(alone, '2026-01-08').soybean_purchased_cumulative_mmt).toBeLessThan(byJan - 1);
    // 2026 as a whole: about 25 MMT x compliance (0.8 at low tension), within the parameter's range.
    const in2026 = at(rows, '2027-01-01').soybean_purchased_cumulative_mmt - at(rows, '2026-01-01').soybean_purchased_cumulative_mmt;
    expect(in2026).toBeGreaterThan(25 * 0.5);
    expect(in2026).toBeLessThanOrEqual(25);
  });

  it("a step moves purchases part of the way to the target the season, the market and the commitment set", () => {
    const p = central();
    const d = derived(p, 'week');
    const s0 = eveState(p);
    const commit = { move: { actor: 'cn' as const, type: 'commit_soybean_purchases' as const, mmt_per_yr: 25 }, source: 'script', why: 'test' };
    const next = step(s0, [commit], p).state.soybeans;
    // The eve's 23% on US beans; the commitment ends the boycott. 25 x compliance (0.8) beats the market.
    const market = privateSoybeanDemandMmt(23, 3, false, d.soybeans);
    const committed = { ...s0.soybeans, commitment_mmt: 25, boycott: false };
    const target = soybeanTargetMmt(committed, market, soybeanSeason(dayOfYear('2025-10-30'), d.soybeans), 0, d.soybeans);
    expect(target).toBeCloseTo(25 * 0.8 * soybeanSeason(dayOfYear('2025-10-30'), d.soybeans), 12);
    expect(next.flow_mmt).toBeCloseTo(s0.soybeans.flow_mmt + d.soybean_response * (target - s0.soybeans.flow_mmt), 12);
    expect(next.flow_mmt).toBeGreaterThan(s0.soybeans.flow_mmt);
    // A half-life of 3 weeks: 1 - 0.5^(1/3) of the gap a week.
    expect(d.soybean_response).toBeCloseTo(1 - Math.pow(0.5, 1 / 3), 12);
  });

  it('a tranche needs both its size and its date, and a date after the current step', () => {
    const bad = (moves: string) => () =>
      runScenario(
        scenario(`name: bad
description: "test: a malformed tranche"
baseline: busan-eve-2025-10-30
step: week
horizon: 3
seed: 1
timeline:
  - { at: 1, why: tranche, moves: [${moves}] }
`),
      );
    expect(bad('{ actor: cn, type: commit_soybean_purchases, mmt: 12 }')).toThrow(/by|tranche/);
    expect(bad('{ actor: cn, type: commit_soybean_purchases }')).toThrow(/mmt_per_yr/);
    expect(bad('{ actor: cn, type: commit_soybean_purchases, mmt: 12, by: 2025-11-01 }')).toThrow(/not after/);
  });
});

// README "Who has leverage?" quotes a table of yearly averages; users quote it, so it is held to what
// the model prints (a documentation check, like the batch excerpt: it says nothing about whether the
// model is right, only that the README says what the model does).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { MetricName } from '../src/model/metrics.js';
import { loadScenario } from '../src/scenario/load.js';
import { runScenario } from '../src/sim/run.js';
import { ROOT } from './helpers/cli.js';

/** The table's rows: README label, metric, digits shown. */
const ROWS: [string, MetricName, number][] = [
  ['US tariff on China, %', 'us_tariff_on_cn_pct', 1],
  ["China's tariff on the US, %", 'cn_tariff_on_us_pct', 1],
  ['US magnet supply, share of demand', 'us_rare_earth_supply_index', 2],
  ['magnet price, 2024 = 1', 'magnet_price_index', 1],
  ['US deadweight loss', 'us_deadweight_loss_bn', 1],
  ['US output at risk', 'us_output_at_risk_bn', 1],
  ['US soybean farm loss', 'us_soybean_farm_loss_bn', 1],
  ['US tech export loss', 'us_tech_export_loss_bn', 1],
  ['US port fees', 'us_port_fee_cost_bn', 1],
  ['**US economic cost**', 'us_economic_cost_bn', 1],
  ["China's exporters' lost surplus", 'cn_export_surplus_loss_bn', 1],
  ["China's buyers' loss from its retaliation", 'cn_retaliation_loss_bn', 1],
  ["China's output at risk (tech)", 'cn_output_at_risk_bn', 1],
  ["China's soybean premium", 'cn_soybean_cost_premium_bn', 1],
  ["China's rare-earth revenue lost", 'cn_rare_earth_export_loss_bn', 1],
  ["China's port fees", 'cn_port_fee_cost_bn', 1],
  ["**China's economic cost**", 'cn_economic_cost_bn', 1],
  ["leverage balance (China's share)", 'leverage_balance', 2],
];

function yearlyAverages(name: string): Record<MetricName, number> {
  const rows = runScenario(loadScenario(name)).rows.filter((r) => r.date >= '2026-05-01' && r.date <= '2027-04-30');
  const avg = {} as Record<MetricName, number>;
  for (const [, m] of ROWS) avg[m] = rows.reduce((a, r) => a + r[m], 0) / rows.length;
  return avg;
}

/** A cell as the README writes it: bold marks stripped, a note in brackets dropped, "0" for a zero. */
const cell = (text: string) => Number(text.replace(/\*\*/g, '').replace(/\s*\(.*\)\s*$/, '').trim());

describe('README "Who has leverage?"', () => {
  it('quotes the yearly averages that busan-truce and rare-earth-squeeze give at the central parameters', () => {
    const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
    const section = readme.slice(readme.indexOf('## Who has leverage?'));
    const table = section.slice(section.indexOf('| | busan-truce | rare-earth-squeeze |'));
    const all = table.split('\n').slice(2);
    const lines = all.slice(0, all.findIndex((l) => !l.startsWith('|')));
    const truce = yearlyAverages('busan-truce');
    const squeeze = yearlyAverages('rare-earth-squeeze');
    expect(lines).toHaveLength(ROWS.length);
    ROWS.forEach(([label, m, digits], i) => {
      const [, name, a, b] = lines[i].split('|').map((x) => x.trim());
      expect(name, `row ${i + 1}`).toBe(label);
      // Half a unit of the last digit shown: the README rounds, the model does not.
      const tolerance = 0.5 * 10 ** -digits + 1e-9;
      expect(Math.abs(cell(a) - truce[m]), `${label}, busan-truce: README ${a}, model ${truce[m]}`).toBeLessThanOrEqual(tolerance);
      expect(Math.abs(cell(b) - squeeze[m]), `${label}, rare-earth-squeeze: README ${b}, model ${squeeze[m]}`).toBeLessThanOrEqual(tolerance);
    });
  });
});

import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { METRIC_NAMES } from '../src/model/metrics.js';
import { loadScenario } from '../src/scenario/load.js';
import { RULE_NAMES } from '../src/scenario/rules/names.js';
import { runScenario } from '../src/sim/run.js';

const dir = mkdtempSync(join(tmpdir(), 'cost-'));
function scenario(name: string, strategies: string, extra = ''): string {
  const file = join(dir, `${name}.yaml`);
  // From the 2025 inauguration, the US puts its reciprocal tariff at 125% in week 4: its average tariff
  // on China goes from 21% to 103%, and what that costs the US rises far past $40bn a year.
  writeFileSync(
    file,
    `name: ${name}
description: "the US tariff jumps in week 4; who gives way"
baseline: jan-2025
horizon: 30
timeline:
  - at: 4
    moves:
      - { actor: us, type: set_tariff, layer: us_ieepa_reciprocal, rate_pct: 125 }
strategies:
${strategies}
${extra}`,
  );
  return file;
}

const US_CONCEDES = `  us:
    type: cost_threshold
    cost_metric: us_deadweight_loss_bn
    concede_above_bn: 40
    concede:
      - { actor: us, type: lower_tariff, layer: us_ieepa_reciprocal, by_pp: 115 }`;

describe('cost_threshold', () => {
  it('concedes its moves the step after its cost passes the level, once', () => {
    const r = runScenario(loadScenario(scenario('concedes', US_CONCEDES)));
    const past = r.rows.findIndex((row) => row.us_deadweight_loss_bn > 40);
    expect(r.rows[3].us_deadweight_loss_bn).toBeLessThan(40); // before the jump: no concession due
    expect(past).toBe(4);
    const conceded = r.events.filter((e) => e.source === 'strategy:cost_threshold');
    expect(conceded.map((e) => [e.step, e.type])).toEqual([[past + 1, 'lower_tariff']]);
    expect(conceded[0].text).toMatch(/cost threshold: its cost [\d.]+bn\/yr \(us_deadweight_loss_bn\) passed 40bn\/yr/);
    expect(r.rows[past + 1].us_tariff_on_cn_pct).toBeLessThan(r.rows[past].us_tariff_on_cn_pct);
    // The US gave way first (China made no concession of its own), from that step on.
    expect(r.rows.map((row) => row.us_conceded_first)).toEqual(r.rows.map((_, k) => (k >= past + 1 ? 1 : 0)));
    expect(r.rows.every((row) => row.cn_conceded_first === 0)).toBe(true);
  });

  it('reads the ledger by default, and a share of GDP: 0.2% of US GDP 2024 ($29,184.9bn) is $58.37bn', () => {
    // The ledger's US cost includes its deadweight loss (a sum of parts that are never negative), so it
    // passes the level no later than the deadweight loss does.
    const file = scenario('gdp', `  us:\n    type: cost_threshold\n    concede_above_gdp_pct: 0.2\n    concede:\n      - { actor: us, type: lower_tariff, layer: us_ieepa_reciprocal, by_pp: 115 }`);
    const r = runScenario(loadScenario(file));
    const e = r.events.find((x) => x.source === 'strategy:cost_threshold')!;
    expect(e.text).toMatch(/\(us_economic_cost_bn\) passed 58\.37bn\/yr/);
    const past = r.rows.findIndex((row) => row.us_economic_cost_bn > 58.3698);
    expect(past).toBeGreaterThan(0);
    expect(past).toBeLessThanOrEqual(r.rows.findIndex((row) => row.us_deadweight_loss_bn > 58.3698));
    expect(e.step).toBe(past + 1);
  });

  it("escalates while the other side's cost grows faster than its own", () => {
    // China's own cost here is its rare-earth export loss (no curbs: 0, flat); the US's the deadweight
    // loss of its own tariff, which rises as US buyers adjust. So China raises at every look after the jump.
    const file = scenario('escalates', `  cn:\n    type: cost_threshold\n    cost_metric: cn_rare_earth_export_loss_bn\n    other_cost_metric: us_deadweight_loss_bn\n    concede_above_bn: 1000\n    every_steps: 4\n    step_pp: 5\n    concede:\n      - { actor: cn, type: lower_tariff, layer: cn_retaliation, by_pp: 5 }`);
    const r = runScenario(loadScenario(file));
    const raises = r.events.filter((e) => e.source === 'strategy:cost_threshold');
    // Looks at steps 4, 8, 12...: the first is the reference; at 8 the US cost has grown since step 4
    // (week 3's metrics, before the jump, against week 7's).
    expect(raises[0].step).toBe(8);
    expect(raises.every((e) => e.type === 'raise_tariff' && e.step % 4 === 0)).toBe(true);
    expect(raises[0].text).toMatch(/^CN raises Retaliation \(reciprocal\): 0% -> 5% \(cost threshold: US's cost grew [\d.]+bn\/yr, its own 0bn\/yr\)$/);
  });

  it('noisy: a mistake drops the concession (noise 1), and about half the runs concede at noise 0.5', () => {
    const never = runScenario(loadScenario(scenario('never', `${US_CONCEDES}\n    noise: 1`)));
    expect(never.events.some((e) => e.type === 'lower_tariff')).toBe(false);
    // A mistaken hold at a look misfires into a raise of step_pp (10).
    expect(never.events.some((e) => e.source === 'strategy:cost_threshold' && e.type === 'raise_tariff' && /mistake \(noise 1\)/.test(e.text))).toBe(true);
    const scn = loadScenario(scenario('half', `${US_CONCEDES}\n    noise: 0.5\n    escalate: false`));
    const RUNS = 200;
    let conceded = 0;
    for (let i = 0; i < RUNS; i++) if (runScenario(scn, { run_index: i }).events.some((e) => e.type === 'lower_tariff')) conceded++;
    // Binomial(200, 0.5): standard deviation sqrt(200 * 0.25) = 7.1 runs; four of them either way.
    expect(Math.abs(conceded - 100)).toBeLessThan(29);
  });

  it('refuses a concession that is not its own, and one with no level', () => {
    const other = scenario('bad-actor', `  us:\n    type: cost_threshold\n    concede_above_bn: 40\n    concede:\n      - { actor: cn, type: lower_tariff, layer: cn_retaliation, by_pp: 5 }`);
    expect(() => loadScenario(other)).toThrow(/bad-actor\.yaml:14: strategies\.us\.concede\[0\]\.actor: a concession is us's own move, not cn's/);
    const none = scenario('no-level', `  us:\n    type: cost_threshold\n    concede:\n      - { actor: us, type: lower_tariff, layer: us_ieepa_reciprocal, by_pp: 5 }`);
    expect(() => loadScenario(none)).toThrow(/no-level\.yaml:\d+: strategies\.us\.type: needs concede_above_bn or concede_above_gdp_pct/);
  });
});

describe('the deadline bargainer weighing the ledger', () => {
  it("extends while its own share of the two sides' costs is at least min_cost_share, lets it lapse below", () => {
    // busan-truce's deadline, weighed by the ledger: the US bears most of the cost at the deadline.
    const strategies = (us: number) => `  us: { type: deadline_bargainer, weigh: ledger, min_cost_share: ${us} }\n  cn: { type: deadline_bargainer, weigh: ledger, min_cost_share: 0 }`;
    const file = (name: string, us: number) => {
      const f = join(dir, `${name}.yaml`);
      writeFileSync(f, `name: ${name}\ndescription: "x"\nbaseline: busan-eve-2025-10-30\nhorizon: 60\nrecords: [record-2025]\nstrategies:\n${strategies(us)}\n`);
      return f;
    };
    const base = runScenario(loadScenario(file('ledger-0', 0)));
    const deadline = base.rows.findIndex((row) => row.date >= '2026-11-10');
    const m = base.rows[deadline - 1];
    const share = m.us_economic_cost_bn / (m.us_economic_cost_bn + m.cn_economic_cost_bn);
    const below = runScenario(loadScenario(file('ledger-below', Math.min(1, share + 0.01))));
    const above = runScenario(loadScenario(file('ledger-above', Math.max(0, share - 0.01))));
    expect(above.rows[deadline].truce_active).toBe(1);
    expect(below.rows[deadline].truce_active).toBe(0);
    expect(below.events.find((e) => e.type === 'let_agreement_lapse')!.text).toMatch(/deadline bargainer: its cost share [\d.]+ < [\d.]+/);
  });
});

describe('rules read every metric', () => {
  it('the names in scope follow METRIC_NAMES, the ledgers and the who-gives-way-first indicators included', () => {
    for (const name of METRIC_NAMES) expect(RULE_NAMES).toContain(name);
    for (const name of ['us_economic_cost_bn', 'cn_economic_cost_bn', 'leverage_balance', 'us_conceded_first', 'cn_conceded_first']) expect(RULE_NAMES).toContain(name);
  });
});

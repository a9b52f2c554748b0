// The economy's part of a step, after the moves and deadlines: trade flows, soybeans, magnets,
// tension and compliance advance under the measures in force (one regime). It can take several
// steps at once: between policy changes only these continuous quantities move, so a run's quiet
// stretch is stepped here in place, without a State and a Metrics object per step. step() is this
// with one step; a stretch of k steps gives exactly what k calls of step() with no moves would.

import { clamp, MOVE_TENSION_WEIGHT, tensionTargetAt } from './economics/escalation.js';
import { type RareEarthOutcome, rareEarthSupplyInto } from './economics/rareEarths.js';
import { complianceTarget, soybeanSplitInto } from './economics/soybeans.js';
import { FLOW_SUMS, flowInPlace, welfareOf } from './economics/trade.js';
import { METRIC_NAMES } from './metrics.js';
import type { Params } from './params.js';
import type { Regime } from './regime.js';
import { normal, type Rng } from './rng.js';
import type { RareEarthState, RefundPhase, SimEvent, SoybeanState, State } from './types.js';

const WEEKS_PER_YEAR = 365.25 / 7;
const M = METRIC_NAMES.length;
// Scratch for a step's flow sums, soybean split and magnet supply, written over every step (nothing
// keeps them): allocated once, as a run makes a few calls here and the objects' number fields are
// boxed, so making them per call cost more than their arithmetic. Nothing here is re-entered.
const sums = new Float64Array(2 * FLOW_SUMS);
const split = { us_mmt: 0, brazil_mmt: 0, other_mmt: 0 };
const supply: RareEarthOutcome = { supply_index: 0, inventory_weeks: 0, non_china_share: 0 };

function shortageEvent(step: number, re: RareEarthOutcome): SimEvent {
  return { step, actor: 'model', kind: 'shortage', type: 'magnet_shortage', source: 'model', text: `US magnet supply at ${Math.round(re.supply_index * 100)}% of demand, ${re.inventory_weeks.toFixed(1)} weeks of inventory left`, tension_delta: 0 };
}

/**
 * Refunds paid at `step`, annualised like revenue and negative (they are paid back): the phases
 * in force then, each an even share of its amount per step.
 */
function refundsAt(refunds: RefundPhase[], step: number, stepsPerYear: number): number {
  let paid = 0;
  for (const r of refunds) if (step >= r.from_step && step < r.until_step) paid += r.per_step_bn;
  return paid === 0 ? 0 : -paid * stepsPerYear;
}

/**
 * Advances `s` by `count` steps under regime `g` (regimeOf(s, params)): this step's moves and
 * deadlines are done (their events' tension, `moveTension`, counts in the first step), and the
 * caller has made sure no move and no deadline falls on the later ones. Metrics go into `out` from
 * `at`, step-major in METRIC_NAMES order; magnet shortages into `events` when given.
 */
export function advanceEconomy(
  s: State,
  g: Regime,
  p: Params,
  rng: Rng,
  count: number,
  moveTension: number,
  out: Float64Array,
  at: number,
  events: SimEvent[] | null,
): State {
  const d = g.derived;
  const w = d.weeks_per_step;
  const imports = g.import_prices;
  const exports = g.export_prices;
  const importWelfare = welfareOf(imports);
  const usTariff = g.us_tariffs.average_pct;
  const cnTariff = g.cn_tariffs.average_pct;
  const truce = g.truce_active ? 1 : 0;
  // Positions are updated in place: fresh arrays, as states are never mutated.
  const importQty = s.us_import_position.log_qty.slice();
  const exportQty = s.us_export_position.log_qty.slice();
  let importFrom = s.us_import_position.log_price;
  let exportFrom = s.us_export_position.log_price;
  // Mutable copies of the two parts that move, read through the usual economics functions.
  const soybeans: SoybeanState = { commitment_mmt: s.soybeans.commitment_mmt, compliance: s.soybeans.compliance, boycott: s.soybeans.boycott, purchased_mmt: s.soybeans.purchased_mmt };
  const r = s.rare_earths;
  const rareEarths: RareEarthState = {
    curb: r.curb,
    licence_delay_weeks: r.licence_delay_weeks,
    inventory_weeks: r.inventory_weeks,
    inventory_target_weeks: r.inventory_target_weeks,
    china_supply_share: r.china_supply_share,
    base_non_china_share: r.base_non_china_share,
  };
  const stepsPerYear = WEEKS_PER_YEAR / w;
  let escalation = s.escalation_index;
  let tension = moveTension;
  let step = s.step;
  for (let k = 0; k < count; k++, step++) {
    flowInPlace(imports, importQty, importFrom, g.import_trade, sums, 0);
    flowInPlace(exports, exportQty, exportFrom, g.export_trade, sums, FLOW_SUMS, true); // the value is all a step reads
    importFrom = imports.log_price;
    exportFrom = exports.log_price;
    const soy = soybeanSplitInto(split, soybeans, g.private_soybean_demand_mmt, d.soybeans);
    const re = rareEarthSupplyInto(supply, rareEarths, s.pacts, d.rare_earths, step);
    if (events !== null && re.supply_index < 0.9 && step > 0) events.push(shortageEvent(step, re));

    // Exactly four uniforms a step, whatever happens, so that paired runs stay aligned.
    const tensionShock = normal(rng);
    const complianceShock = normal(rng);
    const target = tensionTargetAt(g.tension_from_measures, re.supply_index);
    escalation = clamp(
      escalation + MOVE_TENSION_WEIGHT * tension + d.tension_pull * (target - escalation) + p.escalation_noise * d.sqrt_weeks * tensionShock,
      0,
      100,
    );
    tension = 0;
    soybeans.compliance = clamp(
      soybeans.compliance + d.compliance_speed * (complianceTarget(p.soybean_compliance_target, escalation) - soybeans.compliance) + p.soybean_compliance_noise * d.sqrt_weeks * complianceShock,
      0,
      1,
    );
    soybeans.purchased_mmt += (soy.us_mmt * w) / WEEKS_PER_YEAR;
    rareEarths.inventory_weeks = re.inventory_weeks;

    // METRIC_NAMES order (a test holds it to writeMetrics').
    const o = at + k * M;
    out[o] = usTariff;
    out[o + 1] = cnTariff;
    out[o + 2] = rareEarths.curb;
    out[o + 3] = re.supply_index;
    out[o + 4] = soy.us_mmt;
    out[o + 5] = sums[0];
    out[o + 6] = sums[FLOW_SUMS] + (soy.us_mmt * p.soybean_price_usd_per_t) / 1000;
    out[o + 7] = sums[1];
    out[o + 8] = (100 * p.retail_pass_through * importWelfare.basket_cost_rise_bn) / p.us_consumption_bn;
    out[o + 9] = sums[3];
    out[o + 10] = escalation;
    out[o + 11] = truce;
    out[o + 12] = g.cn_soybean_tariff_pct;
    out[o + 13] = soybeans.commitment_mmt;
    out[o + 14] = soybeans.purchased_mmt;
    out[o + 15] = soy.brazil_mmt;
    out[o + 16] = re.inventory_weeks;
    out[o + 17] = re.non_china_share;
    out[o + 18] = g.us_tariffs.other_average_pct;
    out[o + 19] = g.tech_restriction;
    out[o + 20] = s.precursor_cooperation;
    out[o + 21] = s.refunds.length === 0 ? 0 : refundsAt(s.refunds, step, stepsPerYear);
  }

  // Every field spelled out: one object shape for every state keeps the hot loop fast.
  return {
    step: s.step + count,
    start_date: s.start_date,
    step_unit: s.step_unit,
    us_layers: s.us_layers,
    cn_layers: s.cn_layers,
    us_import_segments: s.us_import_segments,
    us_export_segments: s.us_export_segments,
    us_import_position: { log_qty: importQty, log_price: imports.log_price },
    us_export_position: { log_qty: exportQty, log_price: exports.log_price },
    rare_earths: rareEarths,
    pacts: s.pacts,
    soybeans,
    tech: s.tech,
    us_port_fees: s.us_port_fees,
    cn_port_fees: s.cn_port_fees,
    precursor_cooperation: s.precursor_cooperation,
    tiktok: s.tiktok,
    agreements: s.agreements,
    escalation_index: escalation,
    record: s.record,
    rng: rng.state(),
    decision_rng: s.decision_rng,
    decision_memory: s.decision_memory,
    authorities: s.authorities,
    refunds: s.refunds,
  };
}

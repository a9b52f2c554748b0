// The economy's part of a step, after the moves and deadlines: trade flows, soybeans, magnets,
// tension and compliance advance under the measures in force (one regime). It can take several
// steps at once: between policy changes only these continuous quantities move, so a run's quiet
// stretch is stepped here in place, without a State and a Metrics object per step. step() is this
// with one step; a stretch of k steps gives exactly what k calls of step() with no moves would.

import { clamp, MOVE_TENSION_WEIGHT, tensionTargetAt } from './economics/escalation.js';
import { cnRareEarthExportLossBn } from './economics/ledgers.js';
import { chinaAvailableShare, chinaFlowFactor, type RareEarthOutcome, rareEarthSupplyInto } from './economics/rareEarths.js';
import { dayOfYear } from './calendar.js';
import { complianceTarget, seasonCosines } from './economics/soybeans.js';
import { FLOW_SUMS, flowInPlace, type Welfare } from './economics/trade.js';
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
const soy = { us_mmt: 0, brazil_mmt: 0, other_mmt: 0 };
const supply: RareEarthOutcome = { supply_index: 0, inventory_weeks: 0, non_china_share: 0 };

function shortageEvent(step: number, re: RareEarthOutcome): SimEvent {
  return { step, actor: 'model', kind: 'shortage', type: 'magnet_shortage', source: 'model', text: `US magnet supply at ${Math.round(re.supply_index * 100)}% of demand, ${re.inventory_weeks.toFixed(1)} weeks of inventory left`, tension_delta: 0 };
}

/** 1 if a side has made a concession of its own and the other had made none before (a tie counts for both). */
function concededFirst(own: number | null, other: number | null): number {
  return own !== null && (other === null || own <= other) ? 1 : 0;
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

/** The season's cosines for `count` steps from `s` under `g` (soybeans.ts seasonCosines), afresh. */
export function seasonOf(s: State, g: Regime, count: number): Float64Array {
  return seasonCosines(dayOfYear(s.start_date), 7 * g.derived.weeks_per_step, s.step + count);
}

/**
 * Advances `s` by `count` steps under regime `g` (buildRegime(s, params), or the engine's regimeOf): this step's moves and
 * deadlines are done (their events' tension, `moveTension`, counts in the first step), and the
 * caller has made sure no move and no deadline falls on the later ones. Metrics go into `out` from
 * `at`, step-major in METRIC_NAMES order; magnet shortages into `events` when given. `importWelfare`:
 * welfareOf(g.import_prices), the welfare constants of the regime's import prices; `cosines`: the
 * season's cosine by step from the run's start, to this stretch's last step at least (seasonOf).
 * The engine keeps both from call to call; the model's step works them out afresh.
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
  importWelfare: Welfare,
  cosines: Float64Array,
): State {
  const d = g.derived;
  const w = d.weeks_per_step;
  const imports = g.import_prices;
  const exports = g.export_prices;
  const usTariff = g.us_tariffs.average_pct;
  const cnTariff = g.cn_tariffs.average_pct;
  const truce = g.truce_active ? 1 : 0;
  // Positions are updated in place: fresh arrays, as states are never mutated.
  const importQty = s.us_import_position.log_qty.slice();
  const exportQty = s.us_export_position.log_qty.slice();
  let importFrom = s.us_import_position.log_price;
  let exportFrom = s.us_export_position.log_price;
  // Mutable copies of the two parts that move, read through the usual economics functions.
  const sb = s.soybeans;
  const soybeans: SoybeanState = {
    commitment_mmt: sb.commitment_mmt,
    compliance: sb.compliance,
    boycott: sb.boycott,
    purchased_mmt: sb.purchased_mmt,
    flow_mmt: sb.flow_mmt,
    tranche_mmt: sb.tranche_mmt,
    tranche_due_step: sb.tranche_due_step,
    tranche_bought_mmt: sb.tranche_bought_mmt,
  };
  const trancheDue = sb.tranche_due_step === null ? -1 : sb.tranche_due_step;
  const soyCap = d.soybeans.demand_mmt - Math.min(d.soybeans.other_suppliers_mmt, d.soybeans.demand_mmt);
  const r = s.rare_earths;
  const rareEarths: RareEarthState = {
    curb: r.curb,
    licence_delay_weeks: r.licence_delay_weeks,
    inventory_weeks: r.inventory_weeks,
    inventory_target_weeks: r.inventory_target_weeks,
    china_supply_share: r.china_supply_share,
    base_non_china_share: r.base_non_china_share,
  };
  // The ledgers' parts that stay put while the measures do (the curb and its delays, the controls, fees).
  const L = d.ledger;
  const chinaAvailable = chinaAvailableShare(rareEarths, d.rare_earths);
  const cnRareEarthLoss = cnRareEarthExportLossBn(1 - chinaFlowFactor(rareEarths, d.rare_earths), L);
  const usTechLoss = g.us_tech_export_loss_bn;
  const cnTechOutput = g.cn_output_at_risk_bn;
  const baseImports = p.us_imports_from_cn_2024_bn;
  // Buying ahead of a dated increase, and working off what was bought ahead.
  const increase = g.scheduled_increase;
  const frontWindow = p.front_loading_window_weeks;
  const frontPull = p.front_loading_elasticity * increase.log_price_rise;
  const threat = g.threat_factor;
  let importStock = s.us_import_stock_bn;
  // The season from the step itself, so that a stretch and single steps agree to the bit.
  const seasonAmplitude = d.soybeans.season_amplitude;
  // What a step's soybean target reads (soybeans.ts soybeanTargetMmt, spelled out below).
  const soyMarket = g.private_soybean_demand_mmt;
  const soyReferenceBn = (p.us_soybean_reference_mmt * p.soybean_price_usd_per_t) / 1000;
  const magnetOutput = L.magnet_dependent_output_bn;
  // Who gave way first: fixed while nobody moves (the record changes only with moves).
  const usFirst = concededFirst(s.record.us.first_decided_concession_step, s.record.cn.first_decided_concession_step);
  const cnFirst = concededFirst(s.record.cn.first_decided_concession_step, s.record.us.first_decided_concession_step);
  const stepsPerYear = WEEKS_PER_YEAR / w;
  let escalation = s.escalation_index;
  let tension = moveTension;
  let step = s.step;
  for (let k = 0; k < count; k++, step++) {
    flowInPlace(imports, importQty, importFrom, g.import_trade, sums, 0, false, importWelfare);
    flowInPlace(exports, exportQty, exportFrom, g.export_trade, sums, FLOW_SUMS, true); // the value is all a step reads
    importFrom = imports.log_price;
    exportFrom = exports.log_price;
    // Imports as buyers time them: a threat's drag, buying ahead before a dated increase (the goods
    // go into stock), working the stock off after. Revenue follows the goods; the welfare measures
    // stay on the underlying flow.
    // Spelled out here, not called (anticipation.ts frontLoadingFactor): a call that is not inlined
    // boxes its numbers, and this loop runs for every step of every run.
    const weeksTo = (increase.step - step) * w;
    const front = weeksTo > 0 && weeksTo <= frontWindow && frontPull > 0 ? Math.exp(frontPull * (1 - weeksTo / frontWindow)) : 1;
    const timed = sums[0] * threat * front;
    let drawn = 0;
    if (front > 1) importStock += ((timed - sums[0] * threat) * w) / WEEKS_PER_YEAR;
    else if (importStock > 0) {
      drawn = importStock * d.import_stock_drawdown;
      importStock -= drawn;
    }
    const drawnBn = (drawn * WEEKS_PER_YEAR) / w;
    const importsBn = timed > drawnBn ? timed - drawnBn : 0;
    const revenueBn = importsBn === sums[0] ? sums[1] : sums[0] > 0 ? (sums[1] * importsBn) / sums[0] : 0;
    // Soybeans: the flow closes part of its gap to the target each step (purchases respond over weeks).
    const season = 1 + seasonAmplitude * cosines[step];
    const trancheYearsLeft = step < trancheDue ? ((trancheDue - step) * w) / WEEKS_PER_YEAR : 0;
    const committed = soybeans.boycott ? 0 : soybeans.commitment_mmt * soybeans.compliance;
    let soyTarget = (soyMarket > committed ? soyMarket : committed) * season;
    if (trancheYearsLeft > 0 && !soybeans.boycott) {
      const remaining = soybeans.tranche_mmt - soybeans.tranche_bought_mmt;
      const pace = remaining > 0 ? (soybeans.compliance * remaining) / trancheYearsLeft : 0;
      if (pace > soyTarget) soyTarget = pace;
    }
    if (soyTarget > soyCap) soyTarget = soyCap;
    soybeans.flow_mmt += d.soybean_response * (soyTarget - soybeans.flow_mmt);
    soy.us_mmt = soybeans.flow_mmt;
    soy.other_mmt = d.soybeans.demand_mmt - soyCap;
    soy.brazil_mmt = soyCap - soy.us_mmt;
    const re = rareEarthSupplyInto(supply, rareEarths, s.pacts, d.rare_earths, step);
    if (events !== null && re.supply_index < 0.9 && step > 0) events.push(shortageEvent(step, re));

    // Exactly four uniforms a step, whatever happens, so that paired runs stay aligned.
    const tensionShock = normal(rng);
    const complianceShock = normal(rng);
    const target = tensionTargetAt(g.tension_from_measures + s.escalation_offset, re.supply_index);
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
    if (trancheYearsLeft > 0) soybeans.tranche_bought_mmt += (soy.us_mmt * w) / WEEKS_PER_YEAR;
    rareEarths.inventory_weeks = re.inventory_weeks;

    // The two ledgers, $bn a year: each the sum of its parts (metrics).
    // Output at risk and the magnet price as in ledgers.ts magnetOutputAtRiskBn and magnetPriceIndex.
    const shortfall = 1 - re.supply_index;
    let outputAtRisk = 0;
    if (shortfall > 0) {
      const idled = L.output_loss_at_10pct * Math.pow(shortfall / 0.1, L.output_loss_convexity);
      outputAtRisk = magnetOutput * (idled < 1 ? idled : 1);
    }
    const available = chinaAvailable + re.non_china_share;
    let magnetPrice = 1;
    if (available <= 0) magnetPrice = L.magnet_price_cap;
    else if (available < 1) {
      magnetPrice = Math.pow(available, L.magnet_price_exponent);
      if (magnetPrice > L.magnet_price_cap) magnetPrice = L.magnet_price_cap;
    }
    const soyBn = (soy.us_mmt * p.soybean_price_usd_per_t) / 1000;
    // Against what the US sells China in this week of an ordinary year.
    const soyLost = soyReferenceBn * season - soyBn;
    const soyLostBn = soyLost > 0 ? soyLost : 0;
    const farmLoss = soyLostBn * L.farm_loss_per_lost_sale;
    const soyPremium = soyLostBn * L.soybean_substitute_premium;
    const exportsBn = sums[FLOW_SUMS] + soyBn;
    const usFees = g.us_port_fee_share * importsBn;
    const cnFees = g.cn_port_fee_share * exportsBn;
    const belowBase = baseImports - importsBn;
    const cnSurplus = L.cn_export_margin_share * (belowBase > 0 ? belowBase : 0) + L.cn_absorbed_share * sums[2];
    const cnRetaliation = g.cn_retaliation_loss_bn;
    const usCost = sums[3] + outputAtRisk + farmLoss + usTechLoss + usFees;
    const cnCost = cnSurplus + cnRetaliation + cnTechOutput + soyPremium + cnRareEarthLoss + cnFees;

    // METRIC_NAMES order (a test holds it to writeMetrics').
    const o = at + k * M;
    out[o] = usTariff;
    out[o + 1] = cnTariff;
    out[o + 2] = rareEarths.curb;
    out[o + 3] = re.supply_index;
    out[o + 4] = soy.us_mmt;
    out[o + 5] = importsBn;
    out[o + 6] = exportsBn;
    out[o + 7] = revenueBn;
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
    out[o + 21] = magnetPrice;
    out[o + 22] = outputAtRisk;
    out[o + 23] = cnRareEarthLoss;
    out[o + 24] = usTechLoss;
    out[o + 25] = cnTechOutput;
    out[o + 26] = farmLoss;
    out[o + 27] = soyPremium;
    out[o + 28] = usFees;
    out[o + 29] = cnFees;
    out[o + 30] = cnSurplus;
    out[o + 31] = cnRetaliation;
    out[o + 32] = usCost;
    out[o + 33] = cnCost;
    out[o + 34] = usCost + cnCost > 0 ? cnCost / (usCost + cnCost) : 0.5; // ledgers.ts leverageBalance
    out[o + 35] = usFirst;
    out[o + 36] = cnFirst;
    out[o + 37] = s.refunds.length === 0 ? 0 : refundsAt(s.refunds, step, stepsPerYear);
    // The tariff weighted by this step's imports by segment: sum(v_i t_i) / sum(v_i), with v_i the
    // segment's value at customs prices (trade.ts flowInPlace), which is duties over imports. Buying
    // ahead and the threat's drag scale every segment alike, so the underlying flow gives the weights.
    out[o + 38] = sums[0] > 0 ? (100 * sums[1]) / sums[0] : usTariff;
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
    us_import_stock_bn: importStock,
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
    escalation_offset: s.escalation_offset,
    record: s.record,
    rng: rng.state(),
    decision_rng: s.decision_rng,
    decision_memory: s.decision_memory,
    authorities: s.authorities,
    refunds: s.refunds,
  };
}

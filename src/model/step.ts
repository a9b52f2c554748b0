// The heart: one step of the simulation. Moves, then deadlines, then the economy advances one step.
// Pure: the state (with its random stream) and the moves in; the next state, events and metrics out.

import { weeksPerStep } from './calendar.js';
import { clamp, MOVE_TENSION_WEIGHT, tensionTarget } from './economics/escalation.js';
import { rareEarthSupply } from './economics/rareEarths.js';
import { complianceTarget, soybeanFlows } from './economics/soybeans.js';
import { averageTariffPct, otherTariffPct, partnerTariffPct } from './economics/tariffs.js';
import { directionFlows } from './economics/trade.js';
import type { Metrics } from './metrics.js';
import type { SourcedMove } from './moves.js';
import type { Params } from './params.js';
import { applyMove } from './reducers/index.js';
import { techRestriction } from './reducers/tech.js';
import { normal, type Rng, rngFromState } from './rng.js';
import type { SimEvent, State } from './types.js';

export interface StepResult {
  state: State;
  events: SimEvent[];
  metrics: Metrics;
}

const WEEKS_PER_YEAR = 365.25 / 7;
const LAPSE_TENSION = 10;

/** Applies moves in order; an illegal move throws a MoveError and nothing of the step is kept. */
export function applyMoves(state: State, moves: SourcedMove[]): { state: State; events: SimEvent[] } {
  let s = state;
  const events: SimEvent[] = [];
  for (const { move, source, why } of moves) {
    const out = applyMove(s, move, { source, why });
    s = out.state;
    for (const e of out.events) events.push(e);
  }
  return { state: s, events };
}

/** Agreements whose deadline has come lapse (their `on_lapse` moves apply); expiring layers snap back. */
function deadlines(state: State, events: SimEvent[]): State {
  let s = state;
  for (const a of state.agreements) {
    if (!a.active || a.expires_step === null || a.expires_step > s.step) continue;
    events.push({ step: s.step, actor: 'model', kind: 'lapse', type: 'agreement_lapsed', source: 'model', text: `${a.label} lapses`, tension_delta: LAPSE_TENSION });
    s = { ...s, agreements: s.agreements.map((x) => (x.id === a.id ? { ...x, active: false } : x)) };
    const out = applyMoves(s, a.on_lapse.map((move) => ({ move, source: 'model', why: `${a.label} lapsed` })));
    s = out.state;
    events.push(...out.events);
  }
  for (const key of ['us_layers', 'cn_layers'] as const) {
    if (!s[key].some((l) => l.expires_step !== null && l.expires_step <= s.step)) continue;
    const layers = s[key].map((l) => {
      if (l.expires_step === null || l.expires_step > s.step) return l;
      const rate = l.snapback_rate_pct ?? 0;
      events.push({ step: s.step, actor: 'model', kind: 'expiry', type: 'layer_expired', source: 'model', text: `${l.label} expires: ${l.rate_pct}% -> ${rate}%`, tension_delta: 0 });
      return { ...l, rate_pct: rate, expires_step: null, snapback_rate_pct: null };
    });
    s = { ...s, [key]: layers };
  }
  return s;
}

export function step(state: State, moves: SourcedMove[], params: Params, rng: Rng = rngFromState(state.rng)): StepResult {
  const moved = applyMoves(state, moves);
  const events = moved.events;
  const s = deadlines(moved.state, events);
  const p = params;
  const w = weeksPerStep(s.step_unit);
  const adjustment = 1 - Math.pow(0.5, w / p.trade_adjustment_half_life_weeks);
  const restriction = techRestriction(s.tech);
  const fee = p.port_fee_cost_pct;

  const imports = directionFlows(s.us_layers, s.us_import_segments, s.us_import_adjusted_log_price, p.us_imports_from_cn_2024_bn, {
    pass_through: p.import_price_pass_through,
    sigma: p.armington_sigma,
    demand_elasticity: p.import_demand_elasticity,
    short_run_elasticity: p.short_run_elasticity,
    adjustment,
    fee_pct: s.us_port_fees ? fee : 0,
    counterfactual_tariff_pct: p.us_mfn_tariff_pct,
    controlled_segment: null,
    controlled_factor: 1,
  }, null);
  const exports = directionFlows(s.cn_layers, s.us_export_segments, s.us_export_adjusted_log_price, p.us_exports_to_cn_2024_bn, {
    pass_through: p.import_price_pass_through,
    sigma: p.armington_sigma,
    demand_elasticity: p.import_demand_elasticity,
    short_run_elasticity: p.short_run_elasticity,
    adjustment,
    fee_pct: s.cn_port_fees ? fee : 0,
    counterfactual_tariff_pct: 0,
    controlled_segment: 'technology',
    controlled_factor: 1 - p.tech_export_loss * restriction,
  }, 'soybeans');

  const soySeg = s.us_export_segments.find((x) => x.name === 'soybeans');
  const soyTariff = partnerTariffPct(s.cn_layers, 'soybeans');
  const soy = soybeanFlows(s.soybeans, soyTariff, soySeg ? soySeg.reference_tariff_pct : 3, {
    substitution_elasticity: p.soybean_substitution_elasticity,
    demand_mmt: p.cn_soybean_demand_mmt,
    us_reference_mmt: p.us_soybean_reference_mmt,
    other_suppliers_mmt: p.other_soybean_suppliers_mmt,
    boycott_factor: p.soybean_boycott_factor,
  });

  const re = rareEarthSupply(s.rare_earths, s.pacts, {
    curb_flow_loss: p.curb_flow_loss,
    licence_delay_scale_weeks: p.licence_delay_scale_weeks,
    pact_lag_multiplier: p.pact_lag_multiplier,
    weeks_per_step: w,
    step: s.step,
  });
  if (re.supply_index < 0.9 && s.step > 0) {
    events.push({ step: s.step, actor: 'model', kind: 'shortage', type: 'magnet_shortage', source: 'model', text: `US magnet supply at ${Math.round(re.supply_index * 100)}% of demand, ${re.inventory_weeks.toFixed(1)} weeks of inventory left`, tension_delta: 0 });
  }

  const usTariff = averageTariffPct(s.us_layers, s.us_import_segments);
  const cnTariff = averageTariffPct(s.cn_layers, s.us_export_segments);
  const truce = s.agreements.some((a) => a.active && a.is_truce);
  const fentanyl = s.us_layers.find((l) => l.id === 'us_ieepa_fentanyl');

  // Exactly four uniforms a step, whatever happens, so that paired runs stay aligned.
  const tensionShock = normal(rng);
  const complianceShock = normal(rng);
  let moveTension = 0;
  for (const e of events) moveTension += e.tension_delta;
  const target = tensionTarget({
    us_tariff_pct: usTariff,
    cn_tariff_pct: cnTariff,
    curb: s.rare_earths.curb,
    tech_restriction: restriction,
    port_fees: (s.us_port_fees ? 1 : 0) + (s.cn_port_fees ? 1 : 0),
    truce_active: truce,
    precursor_cooperation: s.precursor_cooperation,
    fentanyl_tariff_pct: fentanyl ? fentanyl.rate_pct : 0,
    supply_index: re.supply_index,
  });
  const pull = 1 - Math.pow(1 - p.escalation_pull, w);
  const escalation = clamp(
    s.escalation_index + MOVE_TENSION_WEIGHT * moveTension + pull * (target - s.escalation_index) + p.escalation_noise * Math.sqrt(w) * tensionShock,
    0,
    100,
  );
  const complianceSpeed = 1 - Math.pow(0.5, w / 8);
  const compliance = clamp(
    s.soybeans.compliance + complianceSpeed * (complianceTarget(p.soybean_compliance_target, escalation) - s.soybeans.compliance) + p.soybean_compliance_noise * Math.sqrt(w) * complianceShock,
    0,
    1,
  );
  const purchased = s.soybeans.purchased_mmt + (soy.us_mmt * w) / WEEKS_PER_YEAR;

  const metrics: Metrics = {
    us_tariff_on_cn_pct: usTariff,
    cn_tariff_on_us_pct: cnTariff,
    rare_earth_curb: s.rare_earths.curb,
    us_rare_earth_supply_index: re.supply_index,
    soybean_purchases_mmt: soy.us_mmt,
    us_imports_from_cn_bn: imports.result.imports_bn,
    us_exports_to_cn_bn: exports.result.imports_bn + (soy.us_mmt * p.soybean_price_usd_per_t) / 1000,
    us_tariff_revenue_bn: imports.result.revenue_bn,
    us_consumer_price_pct: (100 * p.retail_pass_through * p.import_price_pass_through * imports.result.excess_duty_bn) / p.us_consumption_bn,
    us_deadweight_loss_bn: imports.result.deadweight_loss_bn,
    escalation_index: escalation,
    truce_active: truce ? 1 : 0,
    cn_soybean_tariff_pct: soyTariff,
    soybean_commitment_mmt: s.soybeans.commitment_mmt,
    soybean_purchased_cumulative_mmt: purchased,
    brazil_soybeans_to_cn_mmt: soy.brazil_mmt,
    us_magnet_inventory_weeks: re.inventory_weeks,
    non_china_magnet_capacity_share: re.non_china_share,
    us_tariff_on_others_pct: averageOtherTariff(s),
    us_tech_restriction: restriction,
    precursor_cooperation: s.precursor_cooperation,
  };

  const next: State = {
    ...s,
    step: s.step + 1,
    us_import_adjusted_log_price: imports.adjusted,
    us_export_adjusted_log_price: exports.adjusted,
    rare_earths: { ...s.rare_earths, inventory_weeks: re.inventory_weeks },
    soybeans: { ...s.soybeans, compliance, purchased_mmt: purchased },
    escalation_index: escalation,
    rng: rng.state(),
  };
  return { state: next, events, metrics };
}

function averageOtherTariff(s: State): number {
  let avg = 0;
  for (const seg of s.us_import_segments) avg += seg.share * otherTariffPct(s.us_layers, seg);
  return avg;
}

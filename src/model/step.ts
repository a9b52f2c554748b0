// The heart: one step of the simulation. Moves, then deadlines, then the economy advances one step.
// Pure: the state (with its random stream) and the moves in; the next state, events and metrics out.

import { withChanges } from './copy.js';
import { clamp, MOVE_TENSION_WEIGHT, tensionTargetAt } from './economics/escalation.js';
import { rareEarthSupply } from './economics/rareEarths.js';
import { complianceTarget, soybeanSplit } from './economics/soybeans.js';
import { flowsAt } from './economics/trade.js';
import type { Metrics } from './metrics.js';
import type { SourcedMove } from './moves.js';
import { memoized } from './moveMemo.js';
import { regimeOf } from './regime.js';
import type { Params } from './params.js';
import { applyMove, MoveError } from './reducers/index.js';
import { normal, type Rng, rngFromState } from './rng.js';
import type { SimEvent, State } from './types.js';

export interface StepResult {
  state: State;
  events: SimEvent[];
  metrics: Metrics;
}

const WEEKS_PER_YEAR = 365.25 / 7;
const LAPSE_TENSION = 10;

/**
 * Moves decided inside a run (by a rule, a strategy, or a lapsing agreement) can meet a state their
 * author did not foresee; such a move is skipped with a note. A scripted or a user's move is input,
 * and an illegal one is an error.
 */
export function isDecidedInRun(source: string): boolean {
  return source === 'model' || source.startsWith('rule:') || source.startsWith('strategy:');
}

/**
 * Applies moves in order; an illegal scripted or user move throws a MoveError and nothing of the step
 * is kept. The outcome on a given policy state is remembered (moveMemo.ts): the script's moves then
 * cost a run of a batch next to nothing. The result is what reduceMoves gives.
 */
export function applyMoves(state: State, moves: SourcedMove[]): { state: State; events: SimEvent[] } {
  if (moves.length === 0) return { state, events: [] };
  return memoized(moves, state, () => reduceMoves(state, moves));
}

/** The moves through their reducers, one by one, without the memo. */
export function reduceMoves(state: State, moves: SourcedMove[]): { state: State; events: SimEvent[] } {
  let s = state;
  const events: SimEvent[] = [];
  for (const { move, source, why } of moves) {
    let out;
    try {
      out = applyMove(s, move, { source, why });
    } catch (e) {
      if (!(e instanceof MoveError) || !isDecidedInRun(source)) throw e;
      const actor = move.actor === 'both' ? 'model' : move.actor;
      events.push({ step: s.step, actor, kind: 'note', type: 'move_skipped', source, text: `${move.type} skipped: ${e.message.replace(/^[a-z_]+: /, '')}`, tension_delta: 0 });
      continue;
    }
    s = out.state;
    for (const e of out.events) events.push(e);
  }
  return { state: s, events };
}

/** Agreements whose deadline has come lapse (their `on_lapse` moves apply); expiring layers snap back. */
function deadlines(state: State, events: SimEvent[]): State {
  // A pure function of the policy state, like the moves: remembered (moveMemo.ts).
  const out = memoized(state.agreements, state, () => lapseAndExpire(state));
  for (const e of out.events) events.push(e);
  return out.state;
}

function lapseAndExpire(state: State): { state: State; events: SimEvent[] } {
  const events: SimEvent[] = [];
  let s = state;
  for (const a of state.agreements) {
    if (!a.active || a.expires_step === null || a.expires_step > s.step) continue;
    events.push({ step: s.step, actor: 'model', kind: 'lapse', type: 'agreement_lapsed', source: 'model', text: `${a.label} lapses`, tension_delta: LAPSE_TENSION });
    s = withChanges(s, { agreements: s.agreements.map((x) => (x.id === a.id ? { ...x, active: false } : x)) });
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
    s = withChanges(s, key === 'us_layers' ? { us_layers: layers } : { cn_layers: layers });
  }
  return { state: s, events };
}

export function step(state: State, moves: SourcedMove[], params: Params, rng: Rng = rngFromState(state.rng)): StepResult {
  const moved = applyMoves(state, moves);
  const events = moved.events;
  let s = moved.state;
  let g = regimeOf(s, params);
  if (g.next_deadline_step <= s.step) {
    s = deadlines(s, events);
    g = regimeOf(s, params);
  }
  const p = params;
  const d = g.derived;
  const w = d.weeks_per_step;
  const restriction = g.tech_restriction;

  const imports = flowsAt(g.import_prices, s.us_import_position, g.import_trade);
  const exports = flowsAt(g.export_prices, s.us_export_position, g.export_trade);

  const soyTariff = g.cn_soybean_tariff_pct;
  const soy = soybeanSplit(s.soybeans, g.private_soybean_demand_mmt, d.soybeans);
  const re = rareEarthSupply(s.rare_earths, s.pacts, d.rare_earths, s.step);
  if (re.supply_index < 0.9 && s.step > 0) {
    events.push({ step: s.step, actor: 'model', kind: 'shortage', type: 'magnet_shortage', source: 'model', text: `US magnet supply at ${Math.round(re.supply_index * 100)}% of demand, ${re.inventory_weeks.toFixed(1)} weeks of inventory left`, tension_delta: 0 });
  }

  const usTariffs = g.us_tariffs;
  const usTariff = usTariffs.average_pct;
  const cnTariff = g.cn_tariffs.average_pct;
  const truce = g.truce_active;

  // Exactly four uniforms a step, whatever happens, so that paired runs stay aligned.
  const tensionShock = normal(rng);
  const complianceShock = normal(rng);
  let moveTension = 0;
  for (const e of events) moveTension += e.tension_delta;
  const target = tensionTargetAt(g.tension_from_measures, re.supply_index);
  const escalation = clamp(
    s.escalation_index + MOVE_TENSION_WEIGHT * moveTension + d.tension_pull * (target - s.escalation_index) + p.escalation_noise * d.sqrt_weeks * tensionShock,
    0,
    100,
  );
  const compliance = clamp(
    s.soybeans.compliance + d.compliance_speed * (complianceTarget(p.soybean_compliance_target, escalation) - s.soybeans.compliance) + p.soybean_compliance_noise * d.sqrt_weeks * complianceShock,
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
    us_imports_from_cn_bn: imports.imports_bn,
    us_exports_to_cn_bn: exports.imports_bn + (soy.us_mmt * p.soybean_price_usd_per_t) / 1000,
    us_tariff_revenue_bn: imports.revenue_bn,
    us_consumer_price_pct: (100 * p.retail_pass_through * p.import_price_pass_through * imports.excess_duty_bn) / p.us_consumption_bn,
    us_deadweight_loss_bn: imports.deadweight_loss_bn,
    escalation_index: escalation,
    truce_active: truce ? 1 : 0,
    cn_soybean_tariff_pct: soyTariff,
    soybean_commitment_mmt: s.soybeans.commitment_mmt,
    soybean_purchased_cumulative_mmt: purchased,
    brazil_soybeans_to_cn_mmt: soy.brazil_mmt,
    us_magnet_inventory_weeks: re.inventory_weeks,
    non_china_magnet_capacity_share: re.non_china_share,
    us_tariff_on_others_pct: usTariffs.other_average_pct,
    us_tech_restriction: restriction,
    precursor_cooperation: s.precursor_cooperation,
  };

  // Every field spelled out: one object shape for every state keeps the hot loop fast.
  const next: State = {
    step: s.step + 1,
    start_date: s.start_date,
    step_unit: s.step_unit,
    us_layers: s.us_layers,
    cn_layers: s.cn_layers,
    us_import_segments: s.us_import_segments,
    us_export_segments: s.us_export_segments,
    us_import_position: imports.position,
    us_export_position: exports.position,
    rare_earths: {
      curb: s.rare_earths.curb,
      licence_delay_weeks: s.rare_earths.licence_delay_weeks,
      inventory_weeks: re.inventory_weeks,
      inventory_target_weeks: s.rare_earths.inventory_target_weeks,
      china_supply_share: s.rare_earths.china_supply_share,
      base_non_china_share: s.rare_earths.base_non_china_share,
    },
    pacts: s.pacts,
    soybeans: { commitment_mmt: s.soybeans.commitment_mmt, compliance, boycott: s.soybeans.boycott, purchased_mmt: purchased },
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
  };
  return { state: next, events, metrics };
}

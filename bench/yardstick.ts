// The yardstick: a hand-written loop with the model's own arithmetic, plain numbers and typed
// arrays, no objects. The in-process bench (inprocess.bench.ts) measures the batch engine against it
// in the same process; the ratio says how near the engine comes to what the arithmetic costs.
// Nothing in src/ imports this file. Its timed loop calls nothing from src/ but the model's seeding
// (rng.ts aleaSeedStates): the rest is written out here. Its set-up reads the scenario through the
// public `run` and the model's economics, not through the engine's internals.
//
// What a run does here, as a batch worker's run of the same scenario does it:
// - Seeds the run's three alea streams ('params', 'shocks', 'decisions') from (seed, run) with the
//   model's own Mash seeding (rng.ts aleaSeedStates), and draws from them with alea's recurrence
//   written inline (checked in set-up to give seedrandom.alea's numbers, bit for bit).
// - Draws every parameter of the scenario from its triangular range (PARAM_NAMES order, one uniform
//   each, as params.ts drawParams) and works out what derived.ts derives from them (the pow()s).
// - Works out each policy regime the run passes through: 4 for busan-truce over 52 weeks (the
//   start's; the summit at step 0, which withdraws the threatened tariff; the terms in force at step
//   2; the Section 301 continuation request at step 27). Counted twice: set-up counts the start and
//   each step where moves or deadlines act (and checks other runs give the same sequence); and a
//   throw-away copy of the source with counters in regime.ts build, trade.ts prices, otherSide and
//   computeWelfare gave, per run over 1,000 runs, 4 regime builds, 5 direction price sets, 2 third-
//   country sides, 2 welfare sets and 257 uniforms (49 parameter draws + 52 steps x 4). Per run:
//   third countries' side once per direction, then per regime, for each direction whose tariffs or
//   fees differ from the previous regime's, the CES prices (priceFactor, a log, the long-run
//   quantity's exp and log per segment), the welfare constants of US imports (the price index
//   ratio's exps and logs, the deadweight loss's logs) and China's long-run deadweight loss; and
//   for every regime the threat's exp, private soybean demand's pow, the technology and fee shares,
//   China's licensed magnet flow. (That is 4 direction price sets where the engine makes 5: the
//   threat's withdrawal at step 0 gives new layers with the same tariffs.)
// - Per step, as economy.ts advanceEconomy: both directions' segments (as many as the scenario's
//   seeds: 4 import, 5 export) with the short-run price jump, the log-quantity adjustment and an exp
//   each (the soybean segment, valued elsewhere, has no exp), revenue, excess duty and deadweight
//   loss summed for imports; buying ahead of a dated increase and working the stock off; soybeans
//   (season, commitment, tranche pace, the flow closing on its target); the magnet inventory with
//   the diversification pacts' ramps; four uniforms (two Box-Muller normals); tension and
//   compliance; the two ledgers (the magnet shortfall's and price's pow()s); the 39 metrics (the import-weighted tariff is duties over imports).
// - Bins every one of the 39 metrics at every step as the batch's accumulator does: the value in
//   micro-units rounded into a float sum (folded into exact bigints every 512 runs), min, max, and a
//   16-bit bin count (widened every 32,768 runs), into typed arrays laid out as batch/series.ts.
//
// What it leaves out, and why it is still a fair floor:
// - What is the same in every run is read once, in set-up, from the real loaded scenario: the
//   scripted moves' outcome (each regime's per-segment tariffs, fees, curbs, commitments, tranche,
//   pacts, the steps at which regimes change, each step's move tension) and the parameter-free
//   quantities of a regime (tension from the measures, the dated increase and the threat's log rise,
//   the deadline). The engine also keeps these across runs (the move memo, its tariff caches), or
//   could; none of them depends on a run's draws.
// - No rule or strategy runs: busan-truce's deadline bargainers first act at the 2026-11-10
//   deadline, past step 52, so within the bench's horizon they decide nothing and draw nothing (set-up
//   checks the regime sequence is the same in every run it samples). No events are made (a magnet
//   shortage's text; the bench's runs have none in the batch either, which passes no event list).
// - It bins every value; the engine's accumulator only counts a value equal to the chunk's first
//   run's (about half of them, the scripted ones): the yardstick does more binning work than it.
// - No State, Regime or Metrics objects, no caches to look up: a run's numbers live in locals and in
//   typed arrays made once a chunk. Values are binned as each step makes them (the engine buffers
//   16 runs and bins value by value, kinder to the cache: an engine may beat the yardstick there).
// So it does every exp, log, pow, draw and bin the outputs depend on, per run, on the scenario's
// own numbers, and little else: what any engine of this model must at least do, written plainly.
// It is not meant to give the engine's outputs bit for bit, but it must stay the same model: the
// bench prints its means beside the engine's for the same runs, and the largest gap over every
// metric and step (on busan-truce, none to the printed digits).

import seedrandom from 'seedrandom';
import { run as runScenario } from '../src/index.js';
import { METRIC_LAYOUTS } from '../src/batch/bins.js';
import { METRIC_NAMES } from '../src/model/metrics.js';
import { PARAM_NAMES, type ParamName } from '../src/model/params.js';
import { aleaSeedStates, rngFromState } from '../src/model/rng.js';
import { dayOfYear, weeksPerStep } from '../src/model/calendar.js';
import { SEASON_PEAK_DAY, SEASON_RADIANS_PER_DAY } from '../src/model/economics/soybeans.js';
import { type ScheduledIncrease, scheduledIncrease, threatLogRise } from '../src/model/economics/anticipation.js';
import { tensionFromMeasures } from '../src/model/economics/escalation.js';
import { type SegmentTariffs, segmentTariffs } from '../src/model/economics/tariffs.js';
import { techRestriction } from '../src/model/reducers/tech.js';
import type { State } from '../src/model/types.js';
import type { Scenario } from '../src/scenario/compile.js';

const M = METRIC_NAMES.length;
const P = PARAM_NAMES.length;
const pi = (name: ParamName): number => PARAM_NAMES.indexOf(name);

// Parameter indices (the draws land in a Float64Array in PARAM_NAMES order).
const IMPORT_PASS_THROUGH = pi('import_price_pass_through');
const RETAIL_PASS_THROUGH = pi('retail_pass_through');
const SIGMA = pi('armington_sigma');
const DEMAND_E = pi('import_demand_elasticity');
const SHORT_RUN_E = pi('short_run_elasticity');
const ADJ_HALF_LIFE = pi('trade_adjustment_half_life_weeks');
const SOY_SUBST_E = pi('soybean_substitution_elasticity');
const CN_SOY_DEMAND = pi('cn_soybean_demand_mmt');
const US_SOY_REF = pi('us_soybean_reference_mmt');
const OTHER_SOY = pi('other_soybean_suppliers_mmt');
const SOY_PRICE = pi('soybean_price_usd_per_t');
const SOY_BOYCOTT = pi('soybean_boycott_factor');
const COMPLIANCE_TARGET = pi('soybean_compliance_target');
const COMPLIANCE_NOISE = pi('soybean_compliance_noise');
const CURB_FLOW_LOSS = pi('curb_flow_loss');
const LICENCE_SCALE = pi('licence_delay_scale_weeks');
const PACT_LAG = pi('pact_lag_multiplier');
const TECH_EXPORT_LOSS = pi('tech_export_loss');
const PORT_FEE = pi('port_fee_cost_pct');
const US_MFN = pi('us_mfn_tariff_pct');
const US_CONSUMPTION = pi('us_consumption_bn');
const US_IMPORTS_2024 = pi('us_imports_from_cn_2024_bn');
const US_EXPORTS_2024 = pi('us_exports_to_cn_2024_bn');
const ESC_PULL = pi('escalation_pull');
const ESC_NOISE = pi('escalation_noise');
const MAGNET_OUTPUT = pi('us_magnet_dependent_output_bn');
const LOSS_AT_10 = pi('magnet_output_loss_at_10pct');
const LOSS_CONVEXITY = pi('magnet_output_loss_convexity');
const MAGNET_DEMAND_E = pi('magnet_demand_elasticity');
const MAGNET_CAP = pi('magnet_price_cap');
const CN_RE_EXPORTS = pi('cn_rare_earth_exports_to_us_bn');
const TECH_SALES_LOSS = pi('tech_sales_loss_per_breadth_bn');
const CN_TECH_MULT = pi('cn_tech_output_multiplier');
const CN_TECH_SUBST = pi('cn_tech_substitution_share');
const SOY_DIVERSION = pi('soybean_diversion_share');
const SOY_DISCOUNT = pi('soybean_diversion_discount');
const SOY_PREMIUM = pi('soybean_substitute_premium');
const SOY_HALF_LIFE = pi('soybean_response_half_life_weeks');
const SEASON_AMPLITUDE = pi('soybean_season_amplitude');
const CN_MARGIN = pi('cn_export_margin_share');
const CN_MFN = pi('cn_mfn_tariff_pct');
const EXPORT_SIGMA = pi('export_armington_sigma');
const EXPORT_DEMAND_E = pi('export_demand_elasticity');
const EXPORT_SHORT_RUN_E = pi('export_short_run_elasticity');
const FRONT_E = pi('front_loading_elasticity');
const FRONT_WINDOW = pi('front_loading_window_weeks');
const THREAT_E = pi('threat_uncertainty_elasticity');

const WEEKS_PER_YEAR = 365.25 / 7;
const TWO_MINUS_32 = 2.3283064365386963e-10;
const MICRO = 1e6;
const LIMIT = 1.7e7;
const FOLD_RUNS = 512;
const WIDEN_RUNS = 64 * FOLD_RUNS;

/** What set-up reads from the loaded scenario: numbers only, in typed arrays. */
export interface YardstickPlan {
  scenario: string;
  seed: string;
  steps: number;
  /** Regimes a run passes through, and the direction prices worked out per run (where tariffs change). */
  regimes: number;
  importPriceSets: number;
  exportPriceSets: number;
  nI: number;
  nE: number;
  w: number;
  /** Per segment: share, partner share, reference tariff, reference tariff on others; a skipped/controlled flag for exports. */
  segI: Float64Array;
  segE: Float64Array;
  expSkip: number;
  expControlled: number;
  /** Per regime k: the first step it steps (regimeFrom[k]..regimeFrom[k+1]-1), and its facts (REGIME_FACTS doubles). */
  regimeFrom: Int32Array;
  facts: Float64Array;
  /** Per regime: per-segment tariffs on the partner and on others, both directions. */
  usPartner: Float64Array;
  usOther: Float64Array;
  cnPartner: Float64Array;
  cnOther: Float64Array;
  /** Per regime: the price slot (the regime whose direction prices it uses). */
  impSlot: Int32Array;
  expSlot: Int32Array;
  pacts: Float64Array;
  moveTension: Float64Array;
  seasonCos: Float64Array;
  startSeason: number;
  /** The start state's continuous quantities that do not depend on the draws. */
  startEscalation: number;
  startCompliance: number;
  startInventory: number;
  paramLow: Float64Array;
  paramMode: Float64Array;
  paramHigh: Float64Array;
  /** Bins: per (t, m) where its counts start; per metric 1/width, first bin, last bin. */
  binStart: Int32Array;
  perMetric: Float64Array;
  totalCounts: number;
}

// A regime's facts, at k * F.
const F_US_AVG = 0;
const F_CN_AVG = 1;
const F_US_OTHER_AVG = 2;
const F_US_FEES = 3;
const F_CN_FEES = 4;
const F_RESTRICTION = 5;
const F_CURB = 6;
const F_LICENCE = 7;
const F_CHINA_SHARE = 8;
const F_BASE_NON_CHINA = 9;
const F_INV_TARGET = 10;
const F_COMMITMENT = 11;
const F_TRANCHE = 12;
const F_TRANCHE_DUE = 13;
const F_TRANCHE_BOUGHT = 14;
const F_BOYCOTT = 15;
const F_TRUCE = 16;
const F_TENSION = 17;
const F_OFFSET = 18;
const F_PRECURSOR = 19;
const F_SCHED_STEP = 20;
const F_SCHED_RISE = 21;
const F_THREAT_RISE = 22;
const F_SOY_TARIFF = 23;
const F_SOY_REF = 24;
const F_US_FIRST = 25;
const F_CN_FIRST = 26;
const F = 27;

function concededFirst(own: number | null, other: number | null): number {
  return own !== null && (other === null || own <= other) ? 1 : 0;
}

/** What a regime needs that does not depend on the draws, from a state in it (as regime.ts works it out). */
interface Measures {
  st: State;
  us: SegmentTariffs;
  cn: SegmentTariffs;
  restriction: number;
  truce: boolean;
  tension: number;
  scheduled: ScheduledIncrease;
}

function measuresOf(st: State): Measures {
  const us = segmentTariffs(st.us_layers, st.us_import_segments);
  const cn = segmentTariffs(st.cn_layers, st.us_export_segments);
  const restriction = techRestriction(st.tech);
  const truce = st.agreements.some((a) => a.active && a.is_truce);
  const fentanyl = st.us_layers.find((l) => l.id === 'us_ieepa_fentanyl');
  const tension = tensionFromMeasures({
    us_tariff_pct: us.average_pct,
    cn_tariff_pct: cn.average_pct,
    curb: st.rare_earths.curb,
    tech_restriction: restriction,
    port_fees: (st.us_port_fees ? 1 : 0) + (st.cn_port_fees ? 1 : 0),
    truce_active: truce,
    precursor_cooperation: st.precursor_cooperation,
    fentanyl_tariff_pct: fentanyl ? fentanyl.rate_pct : 0,
  });
  return { st, us, cn, restriction, truce, tension, scheduled: scheduledIncrease(st.us_layers, st.agreements, st.us_import_segments, us.average_pct) };
}

/**
 * The policy regimes a run passes through over `steps`, in order, with the step each starts stepping
 * at: the start's, then a new one at each step where moves or deadlines act (a step with an event
 * other than a magnet shortage). A regime's measures are read from the state after its first step
 * (the economy moves only continuous quantities). Also each step's move tension. Through the public
 * `run` only, so that this set-up does not depend on how the engine is built.
 */
function regimeSequence(scn: Scenario, seed: string, runIndex: number, steps: number): { seq: { from: number; m: Measures }[]; tension: Float64Array } {
  const stateAfter = (k: number): State => runScenario(scn, { seed, run_index: runIndex, steps: k }).final;
  const tension = new Float64Array(steps);
  const policy = new Set<number>();
  for (const e of runScenario(scn, { seed, run_index: runIndex, steps }).events) {
    tension[e.step] += e.tension_delta;
    if (e.kind !== 'shortage') policy.add(e.step);
  }
  const seq = [{ from: 0, m: measuresOf(stateAfter(0)) }];
  for (const t of [...policy].sort((x, y) => x - y)) seq.push({ from: t, m: measuresOf(stateAfter(t + 1)) });
  return { seq, tension };
}

const sameArray = (a: ArrayLike<number>, b: ArrayLike<number>): boolean => a.length === b.length && Array.prototype.every.call(a, (x: number, i: number) => x === b[i]);

/** Set-up, outside any timing: reads the scenario's numbers and checks the yardstick's assumptions. */
export function planYardstick(scn: Scenario, seed: string, steps: number, sampleRuns = 8): YardstickPlan {
  const { seq, tension } = regimeSequence(scn, seed, 0, steps);
  for (let r = 1; r < sampleRuns; r++) {
    const other = regimeSequence(scn, seed, r, steps);
    if (other.seq.length !== seq.length || other.seq.some((x, k) => x.from !== seq[k].from) || !sameArray(other.tension, tension))
      throw new Error(`yardstick: ${scn.name}'s runs differ in their policy (rules or strategies act within ${steps} steps); the yardstick covers scripted policy only`);
  }
  const K = seq.length;
  const s0 = seq[0].m.st;
  const segsI = s0.us_import_segments;
  const segsE = s0.us_export_segments;
  const nI = segsI.length;
  const nE = segsE.length;
  const segI = new Float64Array(nI * 4);
  const segE = new Float64Array(nE * 4);
  segsI.forEach((x, i) => segI.set([x.share, x.partner_share, x.reference_tariff_pct, x.reference_other_tariff_pct], i * 4));
  segsE.forEach((x, i) => segE.set([x.share, x.partner_share, x.reference_tariff_pct, x.reference_other_tariff_pct], i * 4));
  const facts = new Float64Array(K * F);
  const usPartner = new Float64Array(K * nI);
  const usOther = new Float64Array(K * nI);
  const cnPartner = new Float64Array(K * nE);
  const cnOther = new Float64Array(K * nE);
  const regimeFrom = new Int32Array(K + 1);
  const impSlot = new Int32Array(K);
  const expSlot = new Int32Array(K);
  const soyIndex = segsE.findIndex((x) => x.name === 'soybeans');
  const same = (a: unknown, b: unknown): boolean => JSON.stringify(a) === JSON.stringify(b);
  seq.forEach(({ from, m: g }, k) => {
    const st = g.st;
    if (!same(st.us_import_segments, segsI) || !same(st.us_export_segments, segsE)) throw new Error('yardstick: the segments change within the horizon');
    if (!same(st.pacts, s0.pacts)) throw new Error('yardstick: the diversification pacts change within the horizon');
    if (st.refunds.length > 0) throw new Error('yardstick: refunds are not covered');
    if (st.step_unit !== s0.step_unit) throw new Error('yardstick: the step unit changes');
    regimeFrom[k] = from;
    usPartner.set(g.us.partner_pct, k * nI);
    usOther.set(g.us.other_pct, k * nI);
    cnPartner.set(g.cn.partner_pct, k * nE);
    cnOther.set(g.cn.other_pct, k * nE);
    const f = k * F;
    facts[f + F_US_AVG] = g.us.average_pct;
    facts[f + F_CN_AVG] = g.cn.average_pct;
    facts[f + F_US_OTHER_AVG] = g.us.other_average_pct;
    facts[f + F_US_FEES] = st.us_port_fees ? 1 : 0;
    facts[f + F_CN_FEES] = st.cn_port_fees ? 1 : 0;
    facts[f + F_RESTRICTION] = g.restriction;
    facts[f + F_CURB] = st.rare_earths.curb;
    facts[f + F_LICENCE] = st.rare_earths.licence_delay_weeks;
    facts[f + F_CHINA_SHARE] = st.rare_earths.china_supply_share;
    facts[f + F_BASE_NON_CHINA] = st.rare_earths.base_non_china_share;
    facts[f + F_INV_TARGET] = st.rare_earths.inventory_target_weeks;
    facts[f + F_COMMITMENT] = st.soybeans.commitment_mmt;
    facts[f + F_TRANCHE] = st.soybeans.tranche_mmt;
    facts[f + F_TRANCHE_DUE] = st.soybeans.tranche_due_step ?? -1;
    facts[f + F_TRANCHE_BOUGHT] = st.soybeans.tranche_bought_mmt;
    facts[f + F_BOYCOTT] = st.soybeans.boycott ? 1 : 0;
    facts[f + F_TRUCE] = g.truce ? 1 : 0;
    facts[f + F_TENSION] = g.tension;
    facts[f + F_OFFSET] = st.escalation_offset;
    facts[f + F_PRECURSOR] = st.precursor_cooperation;
    facts[f + F_SCHED_STEP] = g.scheduled.step;
    facts[f + F_SCHED_RISE] = g.scheduled.log_price_rise;
    facts[f + F_THREAT_RISE] = threatLogRise(st.us_layers, segsI, g.us.average_pct);
    facts[f + F_SOY_TARIFF] = soyIndex >= 0 ? g.cn.partner_pct[soyIndex] : 0;
    facts[f + F_SOY_REF] = soyIndex >= 0 ? segsE[soyIndex].reference_tariff_pct : 3;
    facts[f + F_US_FIRST] = concededFirst(st.record.us.first_decided_concession_step, st.record.cn.first_decided_concession_step);
    facts[f + F_CN_FIRST] = concededFirst(st.record.cn.first_decided_concession_step, st.record.us.first_decided_concession_step);
    if (k === 0) {
      impSlot[k] = 0;
      expSlot[k] = 0;
      return;
    }
    const p = (k - 1) * F;
    const sameImports =
      sameArray(g.us.partner_pct, seq[k - 1].m.us.partner_pct) && sameArray(g.us.other_pct, seq[k - 1].m.us.other_pct) && facts[f + F_US_FEES] === facts[p + F_US_FEES];
    const sameExports =
      sameArray(g.cn.partner_pct, seq[k - 1].m.cn.partner_pct) &&
      sameArray(g.cn.other_pct, seq[k - 1].m.cn.other_pct) &&
      facts[f + F_CN_FEES] === facts[p + F_CN_FEES] &&
      facts[f + F_RESTRICTION] === facts[p + F_RESTRICTION];
    impSlot[k] = sameImports ? impSlot[k - 1] : k;
    expSlot[k] = sameExports ? expSlot[k - 1] : k;
  });
  regimeFrom[K] = steps;
  const pacts = new Float64Array(s0.pacts.length * 4);
  s0.pacts.forEach((x, i) => pacts.set([x.signed_step, x.capacity_share, x.lag_weeks, x.ramp_weeks], i * 4));
  const w = weeksPerStep(s0.step_unit);
  const fromPeak = dayOfYear(s0.start_date) - SEASON_PEAK_DAY;
  const seasonCos = new Float64Array(steps);
  for (let i = 0; i < steps; i++) seasonCos[i] = Math.cos(SEASON_RADIANS_PER_DAY * (fromPeak + i * 7 * w));
  const specs = scn.param_specs;
  const paramLow = new Float64Array(P);
  const paramMode = new Float64Array(P);
  const paramHigh = new Float64Array(P);
  PARAM_NAMES.forEach((name, i) => {
    paramLow[i] = specs[name].low;
    paramMode[i] = specs[name].central;
    paramHigh[i] = specs[name].high;
  });
  const binStart = new Int32Array(steps * M);
  const bases: number[] = [];
  let total = 0;
  for (const l of METRIC_LAYOUTS) {
    bases.push(total);
    total += l.bins;
  }
  for (let t = 0; t < steps; t++) for (let m = 0; m < M; m++) binStart[t * M + m] = bases[m] * steps + t * METRIC_LAYOUTS[m].bins;
  const perMetric = new Float64Array(M * 3);
  METRIC_LAYOUTS.forEach((l, m) => perMetric.set([1 / l.width, l.first, l.bins - 1], m * 3));
  checkAlea(seed);
  return {
    scenario: scn.name,
    seed,
    steps,
    regimes: K,
    importPriceSets: new Set(impSlot).size,
    exportPriceSets: new Set(expSlot).size,
    nI,
    nE,
    w,
    segI,
    segE,
    expSkip: soyIndex,
    expControlled: segsE.findIndex((x) => x.name === 'technology'),
    regimeFrom,
    facts,
    usPartner,
    usOther,
    cnPartner,
    cnOther,
    impSlot,
    expSlot,
    pacts,
    moveTension: tension,
    seasonCos,
    startSeason: Math.cos(SEASON_RADIANS_PER_DAY * fromPeak),
    startEscalation: s0.escalation_index,
    startCompliance: s0.soybeans.compliance,
    startInventory: s0.rare_earths.inventory_weeks,
    paramLow,
    paramMode,
    paramHigh,
    binStart,
    perMetric,
    totalCounts: total * steps,
  };
}

/** The inline alea below gives seedrandom.alea's numbers: checked on a run's three streams. */
function checkAlea(seed: string): void {
  const states = aleaSeedStates([seed, '|', '7', '|'], ['params', 'shocks', 'decisions']);
  for (const st of states) {
    const ref = rngFromState(st);
    const direct = seedrandom.alea('', { state: { ...st } });
    let s0 = st.s0;
    let s1 = st.s1;
    let s2 = st.s2;
    let c = st.c;
    for (let k = 0; k < 300; k++) {
      const t = 2091639 * s0 + c * TWO_MINUS_32;
      s0 = s1;
      s1 = s2;
      c = t | 0;
      s2 = t - c;
      const want = ref.next();
      if (s2 !== want || direct() !== want) throw new Error('yardstick: the inline alea differs from seedrandom.alea');
    }
  }
}

/** A chunk's summary, as the batch's accumulator keeps it: exact micro-unit sums, min, max, bin counts. */
export interface YardstickChunk {
  runs: number;
  sums: bigint[];
  min: Float64Array;
  max: Float64Array;
  counts: Uint32Array;
}

/** Mean of metric m at step t over the chunk's runs. */
export function yardstickMean(c: YardstickChunk, t: number, m: number): number {
  return Number(c.sums[t * M + m]) / MICRO / c.runs;
}

const THREE_STREAMS: readonly [string, string, string] = ['params', 'shocks', 'decisions'];

/** Runs [start, end) of the plan's scenario, summarised as a batch chunk is. The timed loop. */
export function yardstickChunk(y: YardstickPlan, start: number, end: number): YardstickChunk {
  const x = newScratch(y);
  const exact = new Array<bigint>(y.steps * M).fill(0n);
  let widened: Uint32Array | null = null;
  let runs = 0;
  for (let run = start; run < end; run++) {
    runOne(y, x, run);
    runs++;
    if (runs % FOLD_RUNS === 0) {
      fold(x.sums, exact);
      if (runs % WIDEN_RUNS === 0) widened = widen(x.counts, widened);
    }
  }
  fold(x.sums, exact);
  return { runs, sums: exact, min: x.min, max: x.max, counts: widen(x.counts, widened) };
}

/** A chunk's summary so far and a run's scratch numbers: typed arrays, made once a chunk. */
interface Scratch {
  sums: Float64Array;
  min: Float64Array;
  max: Float64Array;
  counts: Uint16Array;
  p: Float64Array;
  row: Float64Array;
  lpI: Float64Array;
  lrI: Float64Array;
  perI: Float64Array;
  tarI: Float64Array;
  gapI: Float64Array;
  v0I: Float64Array;
  wedgeI: Float64Array;
  dwlOffI: Float64Array;
  basketRise: Float64Array;
  lpE: Float64Array;
  lrE: Float64Array;
  perE: Float64Array;
  retaliation: Float64Array;
  otherI: Float64Array;
  v0pfI: Float64Array;
  lp0I: Float64Array;
  basketI: Float64Array;
  otherE: Float64Array;
  v0pfE: Float64Array;
  lqI: Float64Array;
  fromI: Float64Array;
  lqE: Float64Array;
  fromE: Float64Array;
}

function newScratch(y: YardstickPlan): Scratch {
  const { steps, nI, nE } = y;
  const K = y.regimes;
  const n = steps * M;
  // The chunk's summary.
  const sums = new Float64Array(n);
  const min = new Float64Array(n).fill(Infinity);
  const max = new Float64Array(n).fill(-Infinity);
  const counts = new Uint16Array(y.totalCounts);
  // A run's numbers, re-used run after run.
  const p = new Float64Array(P);
  const row = new Float64Array(M);
  // Per regime slot and segment: log price, long-run log quantity, value per unit of quantity, tariff,
  // gap to the counterfactual, long-run value at the counterfactual; imports' welfare constants.
  const lpI = new Float64Array(K * nI);
  const lrI = new Float64Array(K * nI);
  const perI = new Float64Array(K * nI);
  const tarI = new Float64Array(K * nI);
  const gapI = new Float64Array(K * nI);
  const v0I = new Float64Array(K * nI);
  const wedgeI = new Float64Array(K * nI);
  const dwlOffI = new Float64Array(K * nI);
  const basketRise = new Float64Array(K);
  const lpE = new Float64Array(K * nE);
  const lrE = new Float64Array(K * nE);
  const perE = new Float64Array(K * nE);
  const retaliation = new Float64Array(K);
  // Third countries' side, per direction: their part of the CES index, the counterfactual's value
  // per unit of the controls' factor, its log price, the 2024 basket.
  const otherI = new Float64Array(nI);
  const v0pfI = new Float64Array(nI);
  const lp0I = new Float64Array(nI);
  const basketI = new Float64Array(nI);
  const otherE = new Float64Array(nE);
  const v0pfE = new Float64Array(nE);
  // Positions: log quantity and the log price it was bought at.
  const lqI = new Float64Array(nI);
  const fromI = new Float64Array(nI);
  const lqE = new Float64Array(nE);
  const fromE = new Float64Array(nE);
  return { sums, min, max, counts, p, row, lpI, lrI, perI, tarI, gapI, v0I, wedgeI, dwlOffI, basketRise, lpE, lrE, perE, retaliation, otherI, v0pfI, lp0I, basketI, otherE, v0pfE, lqI, fromI, lqE, fromE };
}

/** One run: its streams, draws, regimes and steps, binned into the chunk's summary. The timed loop's body. */
function runOne(y: YardstickPlan, x: Scratch, run: number): void {
  const { nI, nE, w, segI, segE, expSkip, expControlled, regimeFrom, facts, usPartner, usOther, cnPartner, cnOther, impSlot, expSlot, pacts, moveTension, seasonCos, paramLow, paramMode, paramHigh, binStart, perMetric, seed } = y;
  const { sums, min, max, counts, p, row, lpI, lrI, perI, tarI, gapI, v0I, wedgeI, dwlOffI, basketRise, lpE, lrE, perE, retaliation, otherI, v0pfI, lp0I, basketI, otherE, v0pfE, lqI, fromI, lqE, fromE } = x;
  const K = y.regimes;
  const nPacts = pacts.length / 4;
  const sqrtW = Math.sqrt(w);
  const complianceSpeed = 1 - Math.pow(0.5, w / 8);
  // The run's streams: the model's seeding, alea's recurrence inline.
  const streams = aleaSeedStates([seed, '|', String(run), '|'], THREE_STREAMS);
  const sp = streams[0];
  const ss = streams[1];
  let a0 = sp.s0;
  let a1 = sp.s1;
  let a2 = sp.s2;
  let ac = sp.c;
  for (let i = 0; i < P; i++) {
    const t = 2091639 * a0 + ac * TWO_MINUS_32;
    a0 = a1;
    a1 = a2;
    ac = t | 0;
    a2 = t - ac;
    const u = a2;
    const lo = paramLow[i];
    const mo = paramMode[i];
    const hi = paramHigh[i];
    if (hi <= lo) p[i] = mo;
    else {
      const f = (mo - lo) / (hi - lo);
      p[i] = u < f ? lo + Math.sqrt(u * (hi - lo) * (mo - lo)) : hi - Math.sqrt((1 - u) * (hi - lo) * (hi - mo));
    }
  }
  let b0 = ss.s0;
  let b1 = ss.s1;
  let b2 = ss.s2;
  let bc = ss.c;

  // Derived (derived.ts).
  const adjustment = 1 - Math.pow(0.5, w / p[ADJ_HALF_LIFE]);
  const tensionPull = 1 - Math.pow(1 - p[ESC_PULL], w);
  const soyResponse = 1 - Math.pow(0.5, w / p[SOY_HALF_LIFE]);
  const drawdown = 1 - Math.pow(0.5, w / (p[FRONT_WINDOW] / 2));
  const priceExponent = -1 / p[MAGNET_DEMAND_E];
  const farmLossPer = 1 - p[SOY_DIVERSION] * (1 - p[SOY_DISCOUNT]);
  const absorbed = 1 - p[IMPORT_PASS_THROUGH];
  const pt = p[IMPORT_PASS_THROUGH];
  const sigmaI = p[SIGMA];
  const eI = p[DEMAND_E];
  const srI = p[SHORT_RUN_E];
  const sigmaE = p[EXPORT_SIGMA];
  const eE = p[EXPORT_DEMAND_E];
  const srE = p[EXPORT_SHORT_RUN_E];
  const baseI = p[US_IMPORTS_2024];
  const baseE = p[US_EXPORTS_2024];
  const cfI = p[US_MFN];
  const cfE = p[CN_MFN];
  const soyCap = p[CN_SOY_DEMAND] - Math.min(p[OTHER_SOY], p[CN_SOY_DEMAND]);

  // Third countries' side, once per direction (their tariffs stay put over the regimes covered).
  for (let i = 0; i < nI; i++) {
    const share = segI[i * 4];
    const ps = segI[i * 4 + 1];
    const ref = segI[i * 4 + 2];
    const logOther = Math.log(1 + pt * ((1 + usOther[i] / 100) / (1 + segI[i * 4 + 3] / 100) - 1));
    const p0 = 1 + pt * ((1 + cfI / 100) / (1 + ref / 100) - 1);
    const w0 = p0 / ((1 + cfI / 100) / (1 + ref / 100));
    const ot = (1 - ps) * Math.exp((1 - sigmaI) * logOther);
    const lp0 = Math.log(p0);
    otherI[i] = ot;
    lp0I[i] = lp0;
    v0pfI[i] = baseI * share * Math.exp(((sigmaI - eI) / (1 - sigmaI)) * Math.log(ps * Math.exp((1 - sigmaI) * lp0) + ot) - sigmaI * lp0) * w0;
    basketI[i] = (baseI * share) / (ps > 1e-6 ? ps : 1e-6);
  }
  for (let i = 0; i < nE; i++) {
    const share = segE[i * 4];
    const ps = segE[i * 4 + 1];
    const ref = segE[i * 4 + 2];
    const logOther = Math.log(1 + pt * ((1 + cnOther[i] / 100) / (1 + segE[i * 4 + 3] / 100) - 1));
    const p0 = 1 + pt * ((1 + cfE / 100) / (1 + ref / 100) - 1);
    const w0 = p0 / ((1 + cfE / 100) / (1 + ref / 100));
    const ot = (1 - ps) * Math.exp((1 - sigmaE) * logOther);
    const lp0 = Math.log(p0);
    otherE[i] = ot;
    v0pfE[i] = baseE * share * Math.exp(((sigmaE - eE) / (1 - sigmaE)) * Math.log(ps * Math.exp((1 - sigmaE) * lp0) + ot) - sigmaE * lp0) * w0;
  }

  // Each regime's prices, where its tariffs differ from the last regime's.
  const logP0I = Math.log(1 + cfI / 100);
  const logP0E = Math.log(1 + cfE / 100);
  for (let k = 0; k < K; k++) {
    const f = k * F;
    if (impSlot[k] === k) {
      const fee = facts[f + F_US_FEES] > 0 ? p[PORT_FEE] : 0;
      let rise = 0;
      for (let i = 0, o = k * nI; i < nI; i++, o++) {
        const share = segI[i * 4];
        const ps = segI[i * 4 + 1];
        const ref = segI[i * 4 + 2];
        const tariff = usPartner[o];
        const withFee = tariff + fee;
        const pP = 1 + pt * ((1 + withFee / 100) / (1 + ref / 100) - 1);
        const world = pP / ((1 + withFee / 100) / (1 + ref / 100));
        const lp = Math.log(pP);
        const gap = tariff - cfI > 0 ? tariff - cfI : 0;
        lpI[o] = lp;
        lrI[o] = ((sigmaI - eI) / (1 - sigmaI)) * Math.log(ps * Math.exp((1 - sigmaI) * lp) + otherI[i]) - sigmaI * lp;
        perI[o] = baseI * share * world;
        tarI[o] = tariff;
        gapI[o] = gap;
        v0I[o] = gap > 0 ? v0pfI[i] : 0;
        // The welfare constants (trade.ts computeWelfare).
        const is = ps > 1e-6 ? ps : 1e-6;
        const pa = is * Math.exp((1 - sigmaI) * lp) + otherI[i];
        const pa0 = is * Math.exp((1 - sigmaI) * lp0I[i]) + otherI[i];
        rise += basketI[i] * (Math.exp(Math.log(pa / pa0) / (1 - sigmaI)) - 1);
        if (gap > 0 && v0I[o] > 0) {
          const logP1 = Math.log(1 + tariff / 100);
          wedgeI[o] = logP1 - logP0I;
          dwlOffI[o] = Math.log(v0I[o]) + logP0I - Math.log(perI[o]) - logP1;
        } else {
          wedgeI[o] = 0;
          dwlOffI[o] = 0;
        }
      }
      basketRise[k] = rise;
    } else basketRise[k] = basketRise[impSlot[k]];
    if (expSlot[k] === k) {
      const fee = facts[f + F_CN_FEES] > 0 ? p[PORT_FEE] : 0;
      const controlled = 1 - p[TECH_EXPORT_LOSS] * facts[f + F_RESTRICTION];
      let dwl = 0;
      for (let i = 0, o = k * nE; i < nE; i++, o++) {
        const share = segE[i * 4];
        const ps = segE[i * 4 + 1];
        const ref = segE[i * 4 + 2];
        const tariff = cnPartner[o];
        const withFee = tariff + fee;
        const pP = 1 + pt * ((1 + withFee / 100) / (1 + ref / 100) - 1);
        const world = pP / ((1 + withFee / 100) / (1 + ref / 100));
        const factor = i === expSkip ? 0 : i === expControlled ? controlled : 1;
        const lp = Math.log(pP);
        const lr = ((sigmaE - eE) / (1 - sigmaE)) * Math.log(ps * Math.exp((1 - sigmaE) * lp) + otherE[i]) - sigmaE * lp;
        const per = baseE * share * world * factor;
        lpE[o] = lp;
        lrE[o] = lr;
        perE[o] = per;
        // China's buyers' long-run deadweight loss (trade.ts longRunDeadweightLossBn).
        const gap = tariff - cfE > 0 ? tariff - cfE : 0;
        if (per === 0 || gap <= 0) continue;
        const m1 = per * Math.exp(lr);
        const m0 = v0pfE[i] * factor;
        if (!(m0 > m1)) continue;
        const logP1 = Math.log(1 + tariff / 100);
        const x = Math.log(m0) + logP0E - Math.log(m1) - logP1;
        const p1 = 1 + tariff / 100;
        const wedge = gap / 100;
        const area = Math.abs(x) < 1e-9 ? m1 * p1 * (logP1 - logP0E) : ((logP1 - logP0E) * (m0 * (p1 - wedge) - m1 * p1)) / x;
        dwl += area - wedge * m1;
      }
      retaliation[k] = dwl;
    } else retaliation[k] = retaliation[expSlot[k]];
  }

  // The start: buyers settled at the first regime's prices; soybeans where the season puts them.
  for (let i = 0; i < nI; i++) {
    lqI[i] = lrI[i];
    fromI[i] = lpI[i];
  }
  for (let i = 0; i < nE; i++) {
    lqE[i] = lrE[i];
    fromE[i] = lpE[i];
  }
  let compliance = y.startCompliance;
  let soyMarket = p[US_SOY_REF] * Math.pow((1 + facts[F_SOY_TARIFF] / 100) / (1 + facts[F_SOY_REF] / 100), -p[SOY_SUBST_E]);
  if (facts[F_BOYCOTT] > 0) soyMarket *= p[SOY_BOYCOTT];
  const committed0 = facts[F_BOYCOTT] > 0 ? 0 : facts[F_COMMITMENT] * compliance;
  let flow = (soyMarket > committed0 ? soyMarket : committed0) * (1 + p[SEASON_AMPLITUDE] * y.startSeason);
  if (flow > soyCap) flow = soyCap;
  let purchased = 0;
  let trancheBought = facts[F_TRANCHE_BOUGHT];
  let inventory = y.startInventory;
  let escalation = y.startEscalation;
  let importStock = 0;
  const soyRefBn = (p[US_SOY_REF] * p[SOY_PRICE]) / 1000;
  const soyBnPer = p[SOY_PRICE] / 1000;
  const magnetOutput = p[MAGNET_OUTPUT];

  // The regimes in turn (the first, the start's, steps nothing when moves come at step 0).
  for (let k = 0; k < K; k++) {
    const f = k * F;
    // A new tranche (a move) starts its count afresh (reducers/soybeans.ts).
    if (k > 0 && (facts[f + F_TRANCHE] !== facts[f - F + F_TRANCHE] || facts[f + F_TRANCHE_DUE] !== facts[f - F + F_TRANCHE_DUE])) trancheBought = 0;
    // The regime's per-run scalars (regime.ts build).
    const oI = impSlot[k] * nI;
    const oE = expSlot[k] * nE;
    const threat = Math.exp(-p[THREAT_E] * facts[f + F_THREAT_RISE]);
    const schedStep = facts[f + F_SCHED_STEP];
    const frontPull = p[FRONT_E] * facts[f + F_SCHED_RISE];
    const frontWindow = p[FRONT_WINDOW];
    const boycott = facts[f + F_BOYCOTT] > 0;
    let market = p[US_SOY_REF] * Math.pow((1 + facts[f + F_SOY_TARIFF] / 100) / (1 + facts[f + F_SOY_REF] / 100), -p[SOY_SUBST_E]);
    if (boycott) market *= p[SOY_BOYCOTT];
    const techLoss = p[TECH_SALES_LOSS] * facts[f + F_RESTRICTION];
    const cnTechOut = techLoss * p[CN_TECH_MULT] * (1 - p[CN_TECH_SUBST]);
    const usFeeShare = facts[f + F_US_FEES] > 0 ? p[PORT_FEE] / 100 : 0;
    const cnFeeShare = facts[f + F_CN_FEES] > 0 ? p[PORT_FEE] / 100 : 0;
    const curb = facts[f + F_CURB];
    const flowFactor = (1 - curb * p[CURB_FLOW_LOSS]) / (1 + (curb * facts[f + F_LICENCE]) / p[LICENCE_SCALE]);
    const chinaAvailable = facts[f + F_CHINA_SHARE] * 1.25 * flowFactor;
    const cnReLoss = p[CN_RE_EXPORTS] * (1 - flowFactor);
    const consumerPrice = (100 * p[RETAIL_PASS_THROUGH] * basketRise[k]) / p[US_CONSUMPTION];
    const cnRetaliation = retaliation[k];
    const tensionFrom = facts[f + F_TENSION] + facts[f + F_OFFSET];
    const commitment = facts[f + F_COMMITMENT];
    const tranche = facts[f + F_TRANCHE];
    const trancheDue = facts[f + F_TRANCHE_DUE];
    const invTarget = facts[f + F_INV_TARGET];
    const baseNonChina = facts[f + F_BASE_NON_CHINA];
    const lagMult = p[PACT_LAG];

    for (let step = regimeFrom[k]; step < regimeFrom[k + 1]; step++) {
      // Trade, both directions.
      let imports = 0;
      let revenue = 0;
      let excess = 0;
      let dwl = 0;
      for (let i = 0, o = oI; i < nI; i++, o++) {
        const lp = lpI[o];
        let lq = lqI[i];
        if (lp !== fromI[i]) lq -= srI * (lp - fromI[i]);
        lq += adjustment * (lrI[o] - lq);
        lqI[i] = lq;
        fromI[i] = lp;
        const v = perI[o] * Math.exp(lq);
        imports += v;
        revenue += (v * tarI[o]) / 100;
        const gap = gapI[o];
        if (gap > 0) {
          excess += (v * gap) / 100;
          const m0 = v0I[o];
          if (m0 > v) {
            const p1 = 1 + tarI[o] / 100;
            const wedge = gap / 100;
            const x = dwlOffI[o] - lq;
            const area = Math.abs(x) < 1e-9 ? v * p1 * wedgeI[o] : (wedgeI[o] * (m0 * (p1 - wedge) - v * p1)) / x;
            dwl += area - wedge * v;
          }
        }
      }
      let exportsValue = 0;
      for (let i = 0, o = oE; i < nE; i++, o++) {
        const lp = lpE[o];
        let lq = lqE[i];
        if (lp !== fromE[i]) lq -= srE * (lp - fromE[i]);
        lq += adjustment * (lrE[o] - lq);
        lqE[i] = lq;
        fromE[i] = lp;
        const per = perE[o];
        if (per !== 0) exportsValue += per * Math.exp(lq);
      }
      // Buying ahead of a dated increase; working the stock off after.
      const weeksTo = (schedStep - step) * w;
      const front = weeksTo > 0 && weeksTo <= frontWindow && frontPull > 0 ? Math.exp(frontPull * (1 - weeksTo / frontWindow)) : 1;
      const timed = imports * threat * front;
      let drawn = 0;
      if (front > 1) importStock += ((timed - imports * threat) * w) / WEEKS_PER_YEAR;
      else if (importStock > 0) {
        drawn = importStock * drawdown;
        importStock -= drawn;
      }
      const drawnBn = (drawn * WEEKS_PER_YEAR) / w;
      const importsBn = timed > drawnBn ? timed - drawnBn : 0;
      const revenueBn = importsBn === imports ? revenue : imports > 0 ? (revenue * importsBn) / imports : 0;
      // Soybeans.
      const season = 1 + p[SEASON_AMPLITUDE] * seasonCos[step];
      const trancheYearsLeft = step < trancheDue ? ((trancheDue - step) * w) / WEEKS_PER_YEAR : 0;
      const committed = boycott ? 0 : commitment * compliance;
      let soyTarget = (market > committed ? market : committed) * season;
      if (trancheYearsLeft > 0 && !boycott) {
        const remaining = tranche - trancheBought;
        const pace = remaining > 0 ? (compliance * remaining) / trancheYearsLeft : 0;
        if (pace > soyTarget) soyTarget = pace;
      }
      if (soyTarget > soyCap) soyTarget = soyCap;
      flow += soyResponse * (soyTarget - flow);
      const brazil = soyCap - flow;
      // Magnets: China's licensed flow, the pacts' capacity as it ramps, the inventory.
      let nonChina = baseNonChina;
      for (let j = 0; j < nPacts; j++) {
        const weeks = (step - pacts[j * 4]) * w - pacts[j * 4 + 2] * lagMult;
        if (weeks <= 0) continue;
        const ramp = pacts[j * 4 + 3];
        const r = ramp > 0 ? weeks / ramp : 1;
        nonChina += pacts[j * 4 + 1] * (r < 1 ? r : 1);
      }
      const available = chinaAvailable + nonChina;
      const gapWeeks = invTarget - inventory;
      const desired = 1 + (gapWeeks > 0 ? gapWeeks : 0) / 8;
      const magnetFlow = available < desired ? available : desired;
      const net = (magnetFlow - 1) * w;
      let supply = 1;
      if (net >= 0) inventory += net;
      else {
        const draw = inventory < -net ? inventory : -net;
        const s = magnetFlow + draw / w;
        supply = s < 1 ? s : 1;
        inventory -= draw;
      }
      // Four uniforms: two Box-Muller normals.
      let t = 2091639 * b0 + bc * TWO_MINUS_32;
      b0 = b1;
      b1 = b2;
      bc = t | 0;
      b2 = t - bc;
      const u1 = 1 - b2;
      t = 2091639 * b0 + bc * TWO_MINUS_32;
      b0 = b1;
      b1 = b2;
      bc = t | 0;
      b2 = t - bc;
      const tensionShock = Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * b2);
      t = 2091639 * b0 + bc * TWO_MINUS_32;
      b0 = b1;
      b1 = b2;
      bc = t | 0;
      b2 = t - bc;
      const u3 = 1 - b2;
      t = 2091639 * b0 + bc * TWO_MINUS_32;
      b0 = b1;
      b1 = b2;
      bc = t | 0;
      b2 = t - bc;
      const complianceShock = Math.sqrt(-2 * Math.log(u3)) * Math.cos(2 * Math.PI * b2);
      // Tension and compliance.
      const shortage = 0.9 - supply;
      let target = tensionFrom + 20 * (shortage > 0 ? shortage : 0);
      target = target < 0 ? 0 : target > 100 ? 100 : target;
      escalation += 0.5 * moveTension[step] + tensionPull * (target - escalation) + p[ESC_NOISE] * sqrtW * tensionShock;
      escalation = escalation < 0 ? 0 : escalation > 100 ? 100 : escalation;
      const erosion = (escalation - 40) / 60;
      const cTarget = p[COMPLIANCE_TARGET] * (1 - (erosion > 1 ? 1 : erosion < 0 ? 0 : erosion));
      compliance += complianceSpeed * (cTarget - compliance) + p[COMPLIANCE_NOISE] * sqrtW * complianceShock;
      compliance = compliance < 0 ? 0 : compliance > 1 ? 1 : compliance;
      purchased += (flow * w) / WEEKS_PER_YEAR;
      if (trancheYearsLeft > 0) trancheBought += (flow * w) / WEEKS_PER_YEAR;
      // The two ledgers.
      const shortfall = 1 - supply;
      let outputAtRisk = 0;
      if (shortfall > 0) {
        const idled = p[LOSS_AT_10] * Math.pow(shortfall / 0.1, p[LOSS_CONVEXITY]);
        outputAtRisk = magnetOutput * (idled < 1 ? idled : 1);
      }
      const availableAll = chinaAvailable + nonChina;
      let magnetPrice = 1;
      if (availableAll <= 0) magnetPrice = p[MAGNET_CAP];
      else if (availableAll < 1) {
        magnetPrice = Math.pow(availableAll, priceExponent);
        if (magnetPrice > p[MAGNET_CAP]) magnetPrice = p[MAGNET_CAP];
      }
      const soyBn = flow * soyBnPer;
      const soyLost = soyRefBn * season - soyBn;
      const soyLostBn = soyLost > 0 ? soyLost : 0;
      const farmLoss = soyLostBn * farmLossPer;
      const soyPremium = soyLostBn * p[SOY_PREMIUM];
      const exportsBn = exportsValue + soyBn;
      const usFees = usFeeShare * importsBn;
      const cnFees = cnFeeShare * exportsBn;
      const belowBase = baseI - importsBn;
      const cnSurplus = p[CN_MARGIN] * (belowBase > 0 ? belowBase : 0) + absorbed * excess;
      const usCost = dwl + outputAtRisk + farmLoss + techLoss + usFees;
      const cnCost = cnSurplus + cnRetaliation + cnTechOut + soyPremium + cnReLoss + cnFees;

      row[0] = facts[f + F_US_AVG];
      row[1] = facts[f + F_CN_AVG];
      row[2] = curb;
      row[3] = supply;
      row[4] = flow;
      row[5] = importsBn;
      row[6] = exportsBn;
      row[7] = revenueBn;
      row[8] = consumerPrice;
      row[9] = dwl;
      row[10] = escalation;
      row[11] = facts[f + F_TRUCE];
      row[12] = facts[f + F_SOY_TARIFF];
      row[13] = commitment;
      row[14] = purchased;
      row[15] = brazil;
      row[16] = inventory;
      row[17] = nonChina;
      row[18] = facts[f + F_US_OTHER_AVG];
      row[19] = facts[f + F_RESTRICTION];
      row[20] = facts[f + F_PRECURSOR];
      row[21] = magnetPrice;
      row[22] = outputAtRisk;
      row[23] = cnReLoss;
      row[24] = techLoss;
      row[25] = cnTechOut;
      row[26] = farmLoss;
      row[27] = soyPremium;
      row[28] = usFees;
      row[29] = cnFees;
      row[30] = cnSurplus;
      row[31] = cnRetaliation;
      row[32] = usCost;
      row[33] = cnCost;
      row[34] = usCost + cnCost > 0 ? cnCost / (usCost + cnCost) : 0.5;
      row[35] = facts[f + F_US_FIRST];
      row[36] = facts[f + F_CN_FIRST];
      row[37] = 0;
      row[38] = imports > 0 ? (100 * revenue) / imports : facts[f + F_US_AVG];

      // Binned: rounded micro-unit sum, min, max, one bin count per metric.
      for (let m = 0, i = step * M, q = 0; m < M; m++, i++, q += 3) {
        const x = row[m];
        if (!(Math.abs(x) < LIMIT)) throw new Error(`yardstick: metric ${m} at step ${step} is ${x}`);
        sums[i] += Math.floor(x * MICRO + 0.5);
        if (x < min[i]) min[i] = x;
        if (x > max[i]) max[i] = x;
        let b = Math.floor(x * perMetric[q] + 0.5) - perMetric[q + 1];
        b = b < 0 ? 0 : b > perMetric[q + 2] ? perMetric[q + 2] : b;
        counts[(binStart[i] + b) | 0]++;
      }
    }
  }
}

/** The float partial sums into the exact ones. Its own function: code the hot loop reaches once in 512 runs would deoptimise it. */
function fold(sums: Float64Array, exact: bigint[]): void {
  for (let i = 0; i < sums.length; i++) {
    if (sums[i] !== 0) exact[i] += BigInt(sums[i]);
    sums[i] = 0;
  }
}

function widen(counts: Uint16Array, widened: Uint32Array | null): Uint32Array {
  const out = widened ?? new Uint32Array(counts.length);
  for (let k = 0; k < counts.length; k++) out[k] += counts[k];
  counts.fill(0);
  return out;
}

// Properties of the model over random parameters and random move sequences (fast-check): numbers
// stay finite and in range, soybean demand is conserved, and two economic monotonicities hold.
// Moves go through the model's own entry points (applyMove, step) from busan-truce's start state.

import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { applyMove, drawParams, METRIC_NAMES, MoveError, PARAM_NAMES, rngFromState, step, writeMetrics } from '../src/model/index.js';
import { quietSteps, reduceMoves } from '../src/model/step.js';
import { buildRegime } from '../src/model/regime.js';
import { forgetOutcomes } from '../src/engine/moveMemo.js';
import { applyMoves, quietStepsFast, stepFast } from '../src/engine/step.js';
import type { Metrics, Move, Params, ParamSpecs, SimEvent, SourcedMove, State } from '../src/model/index.js';
import type { Scenario } from '../src/scenario/compile.js';
import { loadScenario } from '../src/scenario/load.js';
import { PARAM_LIMITS } from '../src/scenario/paramLimits.js';
import { runParams, runScenario, SimError, startState } from '../src/sim/run.js';

let scn: Scenario;
let start: State;
let usLayers: string[];
let cnLayers: string[];

beforeAll(() => {
  scn = loadScenario('busan-truce');
  start = startState(scn, 'props', null, runParams(scn, 'props', null));
  usLayers = start.us_layers.map((l) => l.id);
  cnLayers = start.cn_layers.map((l) => l.id);
});

// ---- generators ---------------------------------------------------------------------------------

const unit = fc.double({ min: 0, max: 1, noNaN: true });

/** Parameters drawn from the seed ranges (plausible values), as a batch run draws them. */
const uniforms = fc.array(unit, { minLength: PARAM_NAMES.length, maxLength: PARAM_NAMES.length });
const plausibleParams = uniforms;
function plausible(us: number[], specs: ParamSpecs): Params {
  let i = 0;
  return drawParams(specs, () => us[i++]);
}

/** Parameters anywhere the loader lets a scenario put them (the hard limits), for finiteness only. */
const possibleParams = uniforms;
function possible(us: number[]): Params {
  const out = {} as Params;
  PARAM_NAMES.forEach((name, i) => {
    const l = PARAM_LIMITS[name];
    out[name] = l.min + us[i] * (l.max - l.min);
  });
  return out;
}

const actor = fc.constantFrom('us' as const, 'cn' as const);
const pct = (max: number) => fc.double({ min: 0, max, noNaN: true });

/** A move, given the layer ids it may name; illegal ones (a cut below zero) are filtered later. */
function moveArb(includeCurbs: boolean, includeUsTariffs: boolean): fc.Arbitrary<(ids: { us: string[]; cn: string[] }, k: number) => Move> {
  const layerMove = fc.record({
    type: fc.constantFrom('set_tariff', 'raise_tariff', 'lower_tariff', 'suspend_tariff', 'restore_tariff', 'threaten_tariff', 'impose_threatened_tariff', 'drop_tariff_threat'),
    actor: includeUsTariffs ? actor : fc.constant('cn' as const),
    pick: fc.nat(),
    x: pct(150),
  });
  const options: fc.Arbitrary<(ids: { us: string[]; cn: string[] }, k: number) => Move>[] = [
    layerMove.map((m) => (ids: { us: string[]; cn: string[] }) => {
      const list = ids[m.actor];
      const layer = list[m.pick % list.length];
      switch (m.type) {
        case 'set_tariff':
        case 'threaten_tariff':
          return { type: m.type, actor: m.actor, layer, rate_pct: m.x };
        case 'raise_tariff':
        case 'lower_tariff':
          return { type: m.type, actor: m.actor, layer, by_pp: m.x / 3 };
        case 'suspend_tariff':
          return { type: m.type, actor: m.actor, layer, keep_pct: m.x / 3 };
        default:
          return { type: m.type as 'restore_tariff', actor: m.actor, layer };
      }
    }),
    fc.record({ a: includeUsTariffs ? actor : fc.constant('cn' as const), rate: pct(100), seg: fc.constantFrom('all', 'electronics', 'soybeans', 'energy'), to: fc.constantFrom('partner' as const, 'all_origins' as const, 'other_origins' as const) }).map(
      (m) => (_ids, k) => ({ type: 'add_tariff_layer', actor: m.a, layer: `prop_${m.a}_${k}`, scope: [m.seg], rate_pct: m.rate, applies_to: m.to }),
    ),
    fc.record({ level: unit }).map((m) => () => ({ type: 'commit_soybean_purchases', actor: 'cn', mmt_per_yr: m.level * 40 })),
    fc.constant(() => ({ type: 'stop_soybean_purchases', actor: 'cn' }) as Move),
    fc.record({ level: unit, sw: fc.boolean() }).map((m) => () => ({ type: 'impose_tech_controls', actor: 'us', level: m.level, software_controls: m.sw })),
    fc.record({ level: unit }).map((m) => () => ({ type: 'relax_tech_controls', actor: 'us', level: m.level })),
    fc.record({ a: actor, on: fc.boolean() }).map((m) => () => ({ type: 'set_port_fees', actor: m.a, active: m.on })),
    fc.record({ level: unit }).map((m) => () => ({ type: 'cooperate_on_precursors', actor: 'cn', level: m.level })),
    fc.record({ cap: unit, lag: pct(60), ramp: pct(120) }).map((m) => () => ({ type: 'sign_diversification_pact', actor: 'us', partner: 'Testland', capacity_share: m.cap / 5, lag_weeks: m.lag, ramp_weeks: m.ramp })),
  ];
  if (includeUsTariffs) {
    // Legal authorities (one option among the others): their statutory dates end layers in the
    // deadline pass (a court's stop date, Section 122's 150 days, an extension), refunds move a metric by phase.
    options.push(
      fc.oneof(
        fc.record({ which: fc.constantFrom('ieepa', 'section_122', 'section_232'), d: fc.nat({ max: 6 }) }).map((m) => (_ids: { us: string[]; cn: string[] }, k: number) => ({ type: 'court_voids_authority', actor: 'us', authority: m.which, stop: k + m.d }) as Move),
        fc.record({ rate: pct(20) }).map((m) => (_ids: { us: string[]; cn: string[] }, k: number) => ({ type: 'add_tariff_layer', actor: 'us', layer: `prop_s122_${k}`, scope: ['all'], applies_to: 'all_origins', rate_pct: m.rate, authority: 'section_122' }) as Move),
        fc.record({ d: fc.nat({ max: 30 }) }).map((m) => (_ids: { us: string[]; cn: string[] }, k: number) => ({ type: 'congress_extends', actor: 'us', authority: 'section_122', until: k + 1 + m.d }) as Move),
        fc.record({ amount: pct(200), d: fc.nat({ max: 8 }) }).map((m) => (_ids: { us: string[]; cn: string[] }, k: number) => ({ type: 'refund_duties', actor: 'us', authority: 'ieepa', amount_bn: m.amount, schedule: [{ from: k, until: k + 1 + m.d, amount_bn: m.amount }] }) as Move),
      ),
    );
  }
  if (includeCurbs) {
    options.push(
      fc.record({ level: unit, delay: pct(30) }).map((m) => () => ({ type: 'impose_rare_earth_curbs', actor: 'cn', level: m.level, licence_delay_weeks: m.delay })),
      fc.record({ level: unit }).map((m) => () => ({ type: 'relax_rare_earth_curbs', actor: 'cn', level: m.level })),
      fc.constant(() => ({ type: 'issue_general_licences', actor: 'cn' }) as Move),
    );
  }
  return fc.oneof(...options);
}

/** Moves per step, for a run of 8 to 30 steps. */
const scriptArb = (curbs = true, usTariffs = true) => fc.array(fc.array(moveArb(curbs, usTariffs), { maxLength: 3 }), { minLength: 8, maxLength: 30 });

// ---- running ------------------------------------------------------------------------------------

type Script = ((ids: { us: string[]; cn: string[] }, k: number) => Move)[][];

/** The moves of a step that are legal in every branch, applied in order (so all else stays equal). */
function legalEverywhere(states: State[], moves: Move[]): SourcedMove[] {
  const kept: SourcedMove[] = [];
  let current = states;
  for (const move of moves) {
    try {
      current = current.map((s) => applyMove(s, move, { source: 'user' }).state);
      kept.push({ move, source: 'user' });
    } catch (e) {
      if (!(e instanceof MoveError)) throw e;
    }
  }
  return kept;
}

/** Steps the branches side by side through the script; returns each branch's metrics per step. */
function runBranches(branches: State[], params: Params, script: Script, extra: (branch: number, k: number) => Move[] = () => []): Metrics[][] {
  let states = branches;
  const out: Metrics[][] = branches.map(() => []);
  script.forEach((stepMoves, k) => {
    const moves = legalEverywhere(states, stepMoves.map((f, j) => f({ us: usLayers, cn: cnLayers }, k * 10 + j)));
    states = states.map((s, b) => {
      const own = extra(b, k).map((move) => ({ move, source: 'user' }));
      const r = step(s, [...own, ...moves], params);
      out[b].push(r.metrics);
      return r.state;
    });
  });
  return out;
}

const runs = { numRuns: 300 };

// ---- properties ---------------------------------------------------------------------------------

describe('over random parameters and move sequences', () => {
  it('every metric is finite, even at the edges of what the loader allows', () => {
    fc.assert(
      fc.property(possibleParams, scriptArb(), (params, script) => {
        const [rows] = runBranches([start], possible(params), script);
        for (const [k, m] of rows.entries()) for (const name of METRIC_NAMES) expect(Number.isFinite(m[name]), `${name} = ${m[name]} at step ${k}`).toBe(true);
      }),
      runs,
    );
  });

  it('tariffs are never negative, the curb stays in 0..1, trade and stocks never negative', () => {
    fc.assert(
      fc.property(plausibleParams, scriptArb(), (params, script) => {
        let state = start;
        const p = plausible(params, scn.param_specs);
        for (const [k, stepMoves] of script.entries()) {
          const r = step(state, legalEverywhere([state], stepMoves.map((f, j) => f({ us: usLayers, cn: cnLayers }, k * 10 + j))), p);
          const m = r.metrics;
          for (const name of ['us_tariff_on_cn_pct', 'cn_tariff_on_us_pct', 'cn_soybean_tariff_pct', 'us_tariff_on_others_pct'] as const) expect(m[name], name).toBeGreaterThanOrEqual(0);
          for (const l of [...r.state.us_layers, ...r.state.cn_layers]) expect(l.rate_pct, l.id).toBeGreaterThanOrEqual(0);
          expect(m.rare_earth_curb).toBeGreaterThanOrEqual(0);
          expect(m.rare_earth_curb).toBeLessThanOrEqual(1);
          for (const name of ['us_imports_from_cn_bn', 'us_exports_to_cn_bn', 'soybean_purchases_mmt', 'brazil_soybeans_to_cn_mmt', 'us_magnet_inventory_weeks', 'us_tariff_revenue_bn', 'us_deadweight_loss_bn'] as const)
            expect(m[name], `${name} at step ${k}`).toBeGreaterThanOrEqual(0);
          expect(m.us_rare_earth_supply_index).toBeGreaterThanOrEqual(0);
          expect(m.us_rare_earth_supply_index).toBeLessThanOrEqual(1);
          state = r.state;
        }
      }),
      runs,
    );
  });

  it("conservation: US + Brazil + other suppliers' soybeans equal China's demand", () => {
    fc.assert(
      fc.property(plausibleParams, scriptArb(), (params, script) => {
        const p = plausible(params, scn.param_specs);
        const [rows] = runBranches([start], p, script);
        const other = Math.min(p.other_soybean_suppliers_mmt, p.cn_soybean_demand_mmt);
        for (const m of rows) expect(m.soybean_purchases_mmt + m.brazil_soybeans_to_cn_mmt + other).toBeCloseTo(p.cn_soybean_demand_mmt, 9);
      }),
      runs,
    );
  });

  it('monotonicity: all else equal, a higher US tariff never raises US imports from China', () => {
    fc.assert(
      fc.property(plausibleParams, scriptArb(true, false), pct(100).filter((d) => d > 0), fc.nat({ max: 5 }), (params, script, by_pp, at) => {
        const p = plausible(params, scn.param_specs);
        // Branch 1 raises the fentanyl tariff (a partner-only layer on every segment) at step `at`.
        const raise: Move = { type: 'raise_tariff', actor: 'us', layer: 'us_ieepa_fentanyl', by_pp };
        const [low, high] = runBranches([start, start], p, script, (b, k) => (b === 1 && k === at ? [raise] : []));
        for (let k = 0; k < low.length; k++)
          expect(high[k].us_imports_from_cn_bn, `step ${k}`).toBeLessThanOrEqual(low[k].us_imports_from_cn_bn * (1 + 1e-12) + 1e-9);
      }),
      runs,
    );
  });

  it('monotonicity: all else equal, a tighter curb never raises US magnet supply', () => {
    fc.assert(
      fc.property(plausibleParams, scriptArb(false, true), unit, unit, (params, script, a, b) => {
        const p = plausible(params, scn.param_specs);
        const [loose, tight] = [Math.min(a, b), Math.max(a, b)].map((curb) => ({ ...start, rare_earths: { ...start.rare_earths, curb } }));
        const [l, t] = runBranches([loose, tight], p, script);
        for (let k = 0; k < l.length; k++) {
          expect(t[k].us_rare_earth_supply_index, `step ${k}`).toBeLessThanOrEqual(l[k].us_rare_earth_supply_index + 1e-12);
          expect(t[k].us_magnet_inventory_weeks, `step ${k}`).toBeLessThanOrEqual(l[k].us_magnet_inventory_weeks + 1e-9);
        }
      }),
      runs,
    );
  });
});

describe('the remembered outcome of a list of moves (engine/moveMemo.ts)', () => {
  it("equals the reducers' own for a later run with other parameters, trade positions and streams", () => {
    fc.assert(
      fc.property(plausibleParams, plausibleParams, plausibleParams, scriptArb(), (u1, u2, u3, script) => {
        // Three runs of a batch: other parameters and streams, the same policy state and the same lists.
        // The memory starts empty, as in a worker: what earlier tests left in it would change what is stored.
        forgetOutcomes();
        let [a, b, c] = [1, 2, 3].map((i) => startState(scn, 'memo', i, runParams(scn, 'memo', i)));
        const [pa, pb, pc] = [u1, u2, u3].map((u) => plausible(u, scn.param_specs));
        let served = 0;
        let withMoves = 0;
        for (const [k, stepMoves] of script.entries()) {
          const moves = legalEverywhere([a, b, c], stepMoves.map((f, j) => f({ us: usLayers, cn: cnLayers }, k * 10 + j)));
          const first = applyMoves(a, moves);
          const second = applyMoves(b, moves);
          const third = applyMoves(c, moves);
          expect(third).toEqual(reduceMoves(c, moves));
          if (moves.length > 0) {
            withMoves++;
            // A list's first outcome is not stored (a key seen once is a run's own); its second is.
            expect(second.events[0]).not.toBe(first.events[0]);
            // The same event objects: the third run was served from memory, not by the reducers.
            if (third.events[0] === second.events[0]) served++;

          }
          // Through the engine's step, as in a batch: the runs share the memo's policy states.
          a = stepFast(a, moves, pa).state;
          b = stepFast(b, moves, pb).state;
          c = stepFast(c, moves, pc).state;
        }
        expect(served).toBe(withMoves);
      }),
      { numRuns: 100 },
    );
  });
});

describe("the engine's step (engine/step.ts)", () => {
  it("gives what the model's step() gives: states, events and metrics to the bit, in runs that share the memo and regimes", () => {
    const seen = { served: 0, deadlines: 0 };
    fc.assert(
      fc.property(plausibleParams, plausibleParams, scriptArb(), (u1, u2, script) => {
        // Three runs of a batch, the third with the first one's parameters (a regime found again, as in
        // play's branches); the memory starts empty, as in a worker.
        forgetOutcomes();
        const [p1, p2] = [u1, u2].map((u) => plausible(u, scn.param_specs));
        const params = [p1, p2, p1];
        let fast = params.map((p, i) => startState(scn, 'engine', i + 1, p));
        let ref = fast.slice();
        for (const [k, stepMoves] of script.entries()) {
          // One list for every run: its identity is the memo's key, as a script's is.
          const moves = legalEverywhere(ref, stepMoves.map((f, j) => f({ us: usLayers, cn: cnLayers }, k * 10 + j)));
          const nextFast: State[] = [];
          const nextRef: State[] = [];
          for (let r = 0; r < 3; r++) {
            const a = stepFast(fast[r], moves, params[r]);
            const b = step(ref[r], moves, params[r]);
            expect(a.state).toEqual(b.state);
            expect(a.events).toEqual(b.events);
            for (const name of METRIC_NAMES) expect(Object.is(a.metrics[name], b.metrics[name]), `${name} at step ${k}: ${a.metrics[name]} vs ${b.metrics[name]}`).toBe(true);
            if (r === 2 && moves.length > 0 && a.state.us_layers === fast[1].us_layers) seen.served++;
            if (b.events.some((e) => e.kind === 'lapse' || e.kind === 'expiry')) seen.deadlines++;
            nextFast.push(a.state);
            nextRef.push(b.state);
          }
          fast = nextFast;
          ref = nextRef;
        }
      }),
      { numRuns: 60 },
    );
    // The engine's own paths were taken: outcomes served from memory, and deadline passes.
    expect(seen.served).toBeGreaterThan(0);
    expect(seen.deadlines).toBeGreaterThan(0);
  });
});

describe('a quiet stretch stepped in one go (model/economy.ts)', () => {
  it('gives what step() with no moves gives step by step: states, metrics to the bit, shortages', () => {
    const seen = { shortages: 0, deadlines: 0, quiet: 0 };
    fc.assert(
      fc.property(plausibleParams, scriptArb(), fc.integer({ min: 1, max: 60 }), fc.nat(), fc.boolean(), (u, script, count, seedRun, squeeze) => {
        const params = plausible(u, scn.param_specs);
        // A state a script can reach (a full curb makes shortages), then `count` steps without moves.
        let state = startState(scn, 'quiet', seedRun % 50, params);
        // A quarter start at step 0, with the baseline's deadlines (2025-11-10) ahead.
        if (seedRun % 4 !== 0) for (const [k, stepMoves] of script.entries()) state = step(state, legalEverywhere([state], stepMoves.map((f, j) => f({ us: usLayers, cn: cnLayers }, k * 10 + j))), params).state;
        if (squeeze) state = step(state, [{ move: { type: 'impose_rare_earth_curbs', actor: 'cn', level: 1, licence_delay_weeks: 30 }, source: 'user' }], params).state;
        const rng = rngFromState(state.rng);
        const out = new Float64Array((count + 1) * METRIC_NAMES.length).fill(-1);
        const events: SimEvent[] = [];
        let slow = state;
        const slowEvents: SimEvent[] = [];
        const slowOut = new Float64Array(out.length).fill(-1);
        let deadline = false;
        for (let k = 0; k < count; k++) {
          // A deadline inside the stretch: not quiet, and quietSteps says so.
          if (buildRegime(slow, params).next_deadline_step <= slow.step) deadline = true;
          const r = step(slow, [], params);
          writeMetrics(r.metrics, slowOut, (k + 1) * METRIC_NAMES.length);
          slowEvents.push(...r.events);
          slow = r.state;
        }
        if (slowEvents.length > 0) seen.shortages++;
        if (deadline) {
          seen.deadlines++;
          expect(() => quietSteps(state, params, rng, count, out, METRIC_NAMES.length, events)).toThrow(/quietSteps: a deadline falls at step/);
          expect(() => quietStepsFast(state, params, rngFromState(state.rng), count, out, METRIC_NAMES.length, events)).toThrow(/quietSteps: a deadline falls at step/);
          return;
        }
        // The engine's stretch (its regime remembered) first, then the model's: both give step()'s.
        const engineOut = new Float64Array(out.length).fill(-1);
        const engineEvents: SimEvent[] = [];
        const engine = quietStepsFast(state, params, rngFromState(state.rng), count, engineOut, METRIC_NAMES.length, engineEvents);
        const fast = quietSteps(state, params, rng, count, out, METRIC_NAMES.length, events);
        seen.quiet++;
        expect(fast).toEqual(slow);
        expect(events).toEqual(slowEvents);
        expect(engine).toEqual(slow);
        expect(engineEvents).toEqual(slowEvents);
        // Bit for bit, and nothing written outside its steps.
        for (let i = 0; i < out.length; i++) expect(Object.is(out[i], slowOut[i]), `value ${i}: ${out[i]} vs ${slowOut[i]}`).toBe(true);
        for (let i = 0; i < out.length; i++) expect(Object.is(engineOut[i], slowOut[i]), `engine value ${i}: ${engineOut[i]} vs ${slowOut[i]}`).toBe(true);
      }),
      { numRuns: 200 },
    );
    // The cases that matter came up: stretches with magnet shortages, and ones a deadline interrupts.
    expect(seen.shortages).toBeGreaterThan(0);
    expect(seen.deadlines).toBeGreaterThan(0);
    // Fewer than half are quiet since the 2018-19 Section 301 lists carry their lapse date (step 36 of
    // the busan-eve start) and statutory dates end layers: a stretch of up to 60 steps often meets one.
    // 50-65 of the 200 were quiet in repeated runs (a binomial spread of about 6), so 25 guards that the quiet
    // path is exercised at all, far enough below the mean not to fail on an unlucky draw.
    expect(seen.quiet).toBeGreaterThan(25);
  });
});

describe('over random scenario files, through the loader and runScenario', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'tariff-sim-props-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  /** Parameter overrides anywhere within the loader's limits, some pinned, some as ranges. */
  const overrides = fc.dictionary(fc.constantFrom(...PARAM_NAMES), fc.tuple(unit, fc.boolean()), { maxKeys: 6 }).map((d) => {
    const out: Record<string, number | { central: number }> = {};
    for (const [name, [u, pinned]] of Object.entries(d)) {
      const l = PARAM_LIMITS[name as keyof typeof PARAM_LIMITS];
      const v = l.min + u * (l.max - l.min);
      out[name] = pinned ? v : { central: v };
    }
    return out;
  });

  /** The steps of a script whose moves are legal where they fall, from the file's own start state. */
  function legalTimeline(scn: Scenario, script: Script): { at: number; moves: Move[] }[] {
    const params = runParams(scn, String(scn.seed), null);
    let state = startState(scn, String(scn.seed), null, params);
    const timeline: { at: number; moves: Move[] }[] = [];
    script.forEach((stepMoves, k) => {
      const moves = legalEverywhere([state], stepMoves.map((f, j) => f({ us: usLayers, cn: cnLayers }, k * 10 + j)));
      if (moves.length > 0) timeline.push({ at: k, moves: moves.map((m) => m.move) });
      state = step(state, moves, params).state;
    });
    return timeline;
  }

  it('every file the loader accepts runs to the end (at least 80% of them) and keeps the invariants on every run, central and drawn', () => {
    let n = 0;
    let completed = 0;
    let illegal = 0;
    fc.assert(
      fc.property(overrides, scriptArb(), fc.constantFrom('week', 'month'), fc.option(fc.nat({ max: 50 }), { nil: null }), (parameters, script, stepUnit, runIndex) => {
        const spec = { name: 'random', description: 'a random scenario', baseline: 'busan-eve-2025-10-30', step: stepUnit, horizon: script.length, seed: 5, parameters, timeline: [] as { at: number; moves: Move[] }[] };
        // Only legal scripts: the moves the model accepts where they fall, found from the file's own
        // start state (legality is about the policy state, which the parameters do not change).
        const bare = join(dir, `s${n}-bare.yaml`);
        writeFileSync(bare, stringify(spec));
        spec.timeline = legalTimeline(loadScenario(bare), script);
        const file = join(dir, `s${n++}.yaml`);
        writeFileSync(file, stringify(spec));
        const loaded = loadScenario(file);
        let r;
        try {
          r = runScenario(loaded, { run_index: runIndex });
        } catch (e) {
          // A scripted move the state does not allow is the file's error, named as such; counted below.
          if (!(e instanceof SimError)) throw e;
          illegal++;
          return;
        }
        completed++;
        expect(r.rows).toHaveLength(script.length);
        const other = Math.min(r.params.other_soybean_suppliers_mmt, r.params.cn_soybean_demand_mmt);
        for (const row of r.rows) {
          for (const name of METRIC_NAMES) expect(Number.isFinite(row[name]), `${name} = ${row[name]} at step ${row.step}`).toBe(true);
          for (const name of ['us_tariff_on_cn_pct', 'cn_tariff_on_us_pct', 'cn_soybean_tariff_pct', 'us_tariff_on_others_pct', 'us_imports_from_cn_bn', 'us_exports_to_cn_bn', 'soybean_purchases_mmt', 'brazil_soybeans_to_cn_mmt', 'us_magnet_inventory_weeks', 'us_tariff_revenue_bn', 'us_deadweight_loss_bn'] as const)
            expect(row[name], `${name} at step ${row.step}`).toBeGreaterThanOrEqual(0);
          for (const name of ['rare_earth_curb', 'us_rare_earth_supply_index', 'truce_active'] as const) {
            expect(row[name], `${name} at step ${row.step}`).toBeGreaterThanOrEqual(0);
            expect(row[name], `${name} at step ${row.step}`).toBeLessThanOrEqual(1);
          }
          expect(row.escalation_index).toBeGreaterThanOrEqual(0);
          expect(row.escalation_index).toBeLessThanOrEqual(100);
          expect(row.soybean_purchases_mmt + row.brazil_soybeans_to_cn_mmt + other, `soybeans at step ${row.step}`).toBeCloseTo(r.params.cn_soybean_demand_mmt, 9);
        }
      }),
      { numRuns: 100 },
    );
    expect(completed + illegal).toBe(100);
    expect(completed, `${illegal} of 100 files stopped at an illegal move`).toBeGreaterThanOrEqual(80);
  });
});

describe('the generated scripts (legalEverywhere keeps the moves that are legal)', () => {
  it('reach every kind of move, and most generated moves are applied', () => {
    const generated = new Map<string, number>();
    const kept = new Map<string, number>();
    const add = (m: Map<string, number>, k: string) => m.set(k, (m.get(k) ?? 0) + 1);
    for (const script of fc.sample(scriptArb(), { numRuns: 200, seed: 18 })) {
      let state = start;
      const p = runParams(scn, 'props', null);
      script.forEach((stepMoves, k) => {
        const moves = stepMoves.map((f, j) => f({ us: usLayers, cn: cnLayers }, k * 10 + j));
        for (const m of moves) add(generated, m.type);
        const legal = legalEverywhere([state], moves);
        for (const m of legal) add(kept, m.move.type);
        state = step(state, legal, p).state;
      });
    }
    const total = [...generated.values()].reduce((a, b) => a + b, 0);
    const applied = [...kept.values()].reduce((a, b) => a + b, 0);
    // Every kind the generator makes is applied, not only generated and dropped. The rarest is
    // impose_threatened_tariff (about 1 in 10 applied): it needs a threat on the same layer first.
    for (const [type, count] of generated) expect(kept.get(type) ?? 0, `${type}: ${kept.get(type) ?? 0} of ${count} applied`).toBeGreaterThanOrEqual(Math.min(3, count));
    expect(applied / total, `${applied} of ${total} moves applied`).toBeGreaterThanOrEqual(0.7);
  });
});

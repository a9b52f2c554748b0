// Each strategy on small hand-built histories: what it proposes, with and without mistakes.

import { describe, expect, it } from 'vitest';
import type { Metrics } from '../src/model/metrics.js';
import { rngFromSeed } from '../src/model/rng.js';
import type { Actor, State } from '../src/model/types.js';
import type { DecisionView } from '../src/scenario/compile.js';
import { loadScenario } from '../src/scenario/load.js';
import { compileStrategies, DEFAULT_LAYER, HOLD, IDLE, makeStrategy, type StrategySpec } from '../src/scenario/strategies/index.js';
import { runParams, runScenario, startState } from '../src/sim/run.js';

const scn = loadScenario('scenarios/busan-truce.yaml');
const params = runParams(scn, '1', null);
const s0 = startState(scn, '1', null, params);
const row = runScenario(scn, { steps: 1 }).rows[0];
const m0 = { ...row } as unknown as Metrics;

function state(patch: Partial<State> & { step: number }): State {
  return { ...s0, ...patch };
}
function view(st: State, metrics: Partial<Metrics> = {}, memory?: Record<string, number>): DecisionView {
  return { state: st, metrics: { ...m0, ...metrics }, params, rng: rngFromSeed('t'), memory };
}
function strat(actor: Actor, spec: StrategySpec) {
  return makeStrategy(spec, { actor, other: actor === 'us' ? 'cn' : 'us', layer: DEFAULT_LAYER[actor], step_unit: 'week', stepOf: (w) => Number(w) });
}
const rec = (escalations: number, concessions: number, lastEsc: number | null = null, lastCon: number | null = null) => ({
  escalations,
  concessions,
  last_escalation_step: lastEsc,
  last_concession_step: lastCon,
  breaches: 0,
  last_breach_step: null,
  first_decided_concession_step: null,
});
const layerRate = (st: State, id: string) => [...st.us_layers, ...st.cn_layers].find((l) => l.id === id)!.rate_pct;

describe('scripted', () => {
  it('decides nothing', () => {
    expect(strat('us', { type: 'scripted' }).decide(view(state({ step: 5 })))).toBe(IDLE);
  });
});

describe('tit for tat', () => {
  const tft = strat('cn', { type: 'tit_for_tat', lag_steps: 2, ratio: 0.5 });
  it('takes what is in force at its first decision as the reference', () => {
    const v = view(state({ step: 1 }), { us_tariff_on_cn_pct: 40 });
    expect(tft.decide(v)).toBe(HOLD);
    expect(v.memory).toMatchObject({ 'cn:tft:seen_pct': 40, 'cn:tft:since': -1 });
  });
  it('answers a US tariff rise in proportion, after its lag', () => {
    const mem = { 'cn:tft:seen_pct': 40, 'cn:tft:escalations': 0, 'cn:tft:concessions': 0, 'cn:tft:since': -1 };
    const first = view(state({ step: 10 }), { us_tariff_on_cn_pct: 60 }, mem);
    expect(tft.decide(first)).toBe(HOLD); // seen at step 10, lag 2: answers at step 11
    const second = view(state({ step: 11 }), { us_tariff_on_cn_pct: 60 }, first.memory as Record<string, number>);
    expect(tft.decide(second)).toEqual({ kind: 'raise', by_pp: 10, why: 'tit for tat: US tariff on us rose 40% -> 60%' });
    expect(second.memory).toMatchObject({ 'cn:tft:seen_pct': 60, 'cn:tft:since': -1 });
  });
  it('answers a cut with a cut, never below the floor', () => {
    const quick = strat('cn', { type: 'tit_for_tat' });
    const mem = { 'cn:tft:seen_pct': 60, 'cn:tft:escalations': 0, 'cn:tft:concessions': 0, 'cn:tft:since': -1 };
    const rate = layerRate(s0, 'cn_retaliation');
    const intent = quick.decide(view(state({ step: 5 }), { us_tariff_on_cn_pct: 20 }, mem));
    expect(intent).toMatchObject({ kind: 'lower', by_pp: Math.min(40, rate) });
  });
  it('answers an escalation that is not a tariff (curbs, controls) with step_pp', () => {
    const us = strat('us', { type: 'tit_for_tat', step_pp: 15 });
    const mem = { 'us:tft:seen_pct': m0.cn_tariff_on_us_pct, 'us:tft:escalations': 0, 'us:tft:concessions': 0, 'us:tft:since': -1 };
    const st = state({ step: 8, record: { us: rec(0, 0), cn: rec(1, 0, 7) } });
    expect(us.decide(view(st, {}, mem))).toEqual({ kind: 'raise', by_pp: 15, why: 'tit for tat: CN escalated (1 move, last at step 7)' });
  });
});

describe('escalate to cap', () => {
  const esc = strat('us', { type: 'escalate_to_cap', step_pp: 20, every_steps: 3, cap_pct: 45, start: 2 });
  it('raises on its schedule up to the cap', () => {
    const rate = layerRate(s0, 'us_ieepa_reciprocal'); // 10
    expect(esc.decide(view(state({ step: 1 })))).toBe(HOLD);
    expect(esc.decide(view(state({ step: 2 })))).toMatchObject({ kind: 'raise', by_pp: 20 });
    expect(esc.decide(view(state({ step: 3 })))).toBe(HOLD);
    const near = state({ step: 5, us_layers: s0.us_layers.map((l) => (l.id === 'us_ieepa_reciprocal' ? { ...l, rate_pct: 40 } : l)) });
    expect(esc.decide(view(near))).toMatchObject({ kind: 'raise', by_pp: 5 });
    const at = state({ step: 8, us_layers: s0.us_layers.map((l) => (l.id === 'us_ieepa_reciprocal' ? { ...l, rate_pct: 45 } : l)) });
    expect(esc.decide(view(at))).toBe(HOLD);
    expect(rate).toBe(10);
  });
});

describe('conciliatory', () => {
  const con = strat('cn', { type: 'conciliatory', step_pp: 4, every_steps: 2, patience_steps: 3 });
  it('lowers its layer on schedule unless the other side escalated lately', () => {
    expect(con.decide(view(state({ step: 4 })))).toMatchObject({ kind: 'lower', by_pp: 4 });
    expect(con.decide(view(state({ step: 5 })))).toBe(HOLD);
    expect(con.decide(view(state({ step: 6, record: { us: rec(1, 0, 4), cn: rec(0, 0) } })))).toBe(HOLD);
    expect(con.decide(view(state({ step: 8, record: { us: rec(1, 0, 4), cn: rec(0, 0) } })))).toMatchObject({ kind: 'lower' });
  });
  it('extends a truce at its deadline', () => {
    const a = s0.agreements[0];
    expect(con.decide(view(state({ step: a.expires_step! })))).toMatchObject({ kind: 'extend', agreement: a.id, until: a.expires_step! + 52 });
  });
});

describe('grim trigger', () => {
  const grim = strat('us', { type: 'grim_trigger', tolerated_escalations: 1, punish_pp: 30, every_steps: 5 });
  it('cooperates until the other side exceeds its tolerance, then punishes for good', () => {
    expect(grim.decide(view(state({ step: 3, record: { us: rec(0, 0), cn: rec(1, 0, 2) } })))).toBe(HOLD);
    const v = view(state({ step: 4, record: { us: rec(0, 0), cn: rec(2, 0, 3) } }));
    expect(grim.decide(v)).toMatchObject({ kind: 'raise', by_pp: 30 });
    expect(v.memory).toEqual({ 'us:grim:triggered_step': 4 });
    // Later concessions by China change nothing: still punishing, on its schedule.
    const later = state({ step: 9, record: { us: rec(1, 0, 4), cn: rec(2, 5, 3, 8) } });
    expect(grim.decide(view(later, {}, v.memory as Record<string, number>))).toMatchObject({ kind: 'raise' });
    expect(grim.decide(view({ ...later, step: 10 }, {}, v.memory as Record<string, number>))).toBe(HOLD);
  });
});

describe('deadline bargainer', () => {
  const a = s0.agreements[0];
  const bar = strat('us', { type: 'deadline_bargainer', max_escalation_index: 50, extend_weeks: 26, decide_steps_before: 1 });
  it('extends when tension is low, lets the truce lapse when high, and is idle otherwise', () => {
    const at = a.expires_step! - 1;
    expect(bar.decide(view(state({ step: at, escalation_index: 45 })))).toMatchObject({ kind: 'extend', agreement: a.id, until: a.expires_step! + 26 });
    expect(bar.decide(view(state({ step: at, escalation_index: 55 })))).toMatchObject({ kind: 'lapse', agreement: a.id });
    // The reason is the test it made; the move's own event says what it did and to which agreement.
    expect(bar.decide(view(state({ step: at, escalation_index: 45 })))).toMatchObject({ why: 'deadline bargainer: tension 45 <= 50' });
    expect(bar.decide(view(state({ step: at, escalation_index: 55 })))).toMatchObject({ why: 'deadline bargainer: tension 55 > 50' });
    expect(bar.decide(view(state({ step: at - 1, escalation_index: 55 })))).toBe(IDLE);
  });
  it('says it is idle until its decision step, and for good once past it', () => {
    const at = a.expires_step! - 1;
    expect(bar.idleUntil!(state({ step: 0 }))).toBe(at);
    expect(bar.idleUntil!(state({ step: at }))).toBe(at);
    expect(bar.idleUntil!(state({ step: at + 1 }))).toBe(Infinity);
    expect(bar.idleUntil!(state({ step: 0, agreements: [] }))).toBe(Infinity);
  });
});

describe('the strategies decider', () => {
  const world = { baseline: scn.baseline, timeline: scn.timeline.map(() => []), start: scn.start, step_unit: scn.step_unit };
  const compile = (spec: Parameters<typeof compileStrategies>[1]) => compileStrategies('x.yaml', spec, () => 1, world)!;
  const a = s0.agreements[0];

  it('a lapse by one side beats an extension by the other', () => {
    const d = compile({ us: { type: 'deadline_bargainer', max_escalation_index: 90 }, cn: { type: 'deadline_bargainer', max_escalation_index: 10 } });
    const moves = d(view(state({ step: a.expires_step!, escalation_index: 50 })));
    expect(moves.map((m) => [m.move.type, m.move.actor, m.source])).toEqual([['let_agreement_lapse', 'cn', 'strategy:deadline_bargainer']]);
  });

  it('is quiet until the first strategy may act; a noisy one draws every step meanwhile; one without a hint never is', () => {
    const both = compile({ us: { type: 'deadline_bargainer', decide_steps_before: 2 }, cn: { type: 'deadline_bargainer', noise: 0.1 } });
    const q = (st: State) => both.quiet!({ state: st, metrics: m0, params });
    expect(a.expires_step).toBeGreaterThanOrEqual(2);
    expect(q(state({ step: 0 }))).toEqual({ until: a.expires_step! - 2, draws_per_step: 1 });
    // Past the first one's decision step: the other's.
    expect(q(state({ step: a.expires_step! - 1 }))).toEqual({ until: a.expires_step, draws_per_step: 1 });
    // Step 0 has no previous metrics: nobody decides or draws then, and step 1 is not known yet.
    expect(both.quiet!({ state: state({ step: 0, agreements: [] }), metrics: null, params })).toEqual({ until: 1, draws_per_step: 0 });
    expect(compile({ us: { type: 'deadline_bargainer' }, cn: { type: 'tit_for_tat' } }).quiet).toBeUndefined();
  });

  it('a noisy strategy makes mistakes: with noise 1 every decision flips', () => {
    const d = compile({ us: { type: 'deadline_bargainer', max_escalation_index: 90, noise: 1 }, cn: { type: 'conciliatory', noise: 1, every_steps: 100 } });
    const moves = d(view(state({ step: a.expires_step!, escalation_index: 50 })));
    expect(moves[0]).toMatchObject({ move: { type: 'let_agreement_lapse', actor: 'us' } });
    expect(moves[0].why).toMatch(/^mistake \(noise 1\): meant to extend/);
    // China meant to extend too, but its mistake lapses as well; on an ordinary step it misfires a raise.
    const plain = d(view(state({ step: 3 })));
    expect(plain.map((m) => [m.move.type, m.move.actor])).toEqual([['raise_tariff', 'cn']]);
    expect(plain[0].why).toBe('mistake (noise 1): meant to hold');
  });

  it('draws one uniform per noisy strategy per step, whatever it decides', () => {
    const d = compile({ us: { type: 'tit_for_tat', noise: 0.1 }, cn: { type: 'escalate_to_cap', noise: 0.2 } });
    const v = view(state({ step: 3 }));
    const before = v.rng.state();
    d(v);
    const expected = rngFromSeed('t');
    expected.next();
    expected.next();
    expect(v.rng.state()).toEqual(expected.state());
    expect(before).not.toEqual(v.rng.state());
  });

  it('an unknown layer is an input error naming the field', () => {
    expect(() => compileStrategies('x.yaml', { us: { type: 'tit_for_tat', layer: 'nope' } }, () => 9, world)).toThrow(
      /^x\.yaml:9: strategies\.us\.layer: unknown us layer "nope" \(known: /,
    );
  });

  it('does nothing at step 0', () => {
    const d = compile({ us: { type: 'escalate_to_cap', noise: 0.5 } });
    const v: DecisionView = { ...view(state({ step: 0 })), metrics: null };
    expect(d(v)).toEqual([]);
  });
});

import { describe, expect, it } from 'vitest';
import { METRIC_NAMES, writeMetrics } from '../src/model/metrics.js';
import { step } from '../src/model/step.js';
import { stepFast } from '../src/engine/step.js';
import { applyMove } from '../src/model/reducers/index.js';
import type { State } from '../src/model/types.js';
import { central, eveState } from './helpers/state.js';

const P = central();

describe('step', () => {
  it('is pure: the same state and moves give the same result, and the input is not changed', () => {
    const s0 = eveState();
    const before = JSON.stringify(s0);
    const a = step(s0, [], P);
    const b = step(s0, [], P);
    expect(JSON.stringify(s0)).toBe(before);
    expect(a).toEqual(b);
    expect(a.state.step).toBe(1);
    // Rows list metrics in this order, and the batch writes them in it (writeMetrics).
    expect(Object.keys(a.metrics)).toEqual([...METRIC_NAMES]);
    const out = new Float64Array(METRIC_NAMES.length + 2).fill(NaN);
    writeMetrics(a.metrics, out, 1);
    expect(Array.from(out)).toEqual([NaN, ...METRIC_NAMES.map((name) => a.metrics[name]), NaN]);
    expect(new Set(METRIC_NAMES.map((name) => a.metrics[name])).size).toBeGreaterThan(10); // distinct enough to catch a swap
    expect(a.state.rng).not.toEqual(s0.rng);
  });

  it('gives the same outcome whether or not it remembers the moves (a list made afresh is not)', () => {
    // The moves of a decision and the deadline pass in the same step: the path a deadline bargainer takes.
    const moves = [
      { move: { actor: 'us' as const, type: 'raise_tariff' as const, layer: 'us_ieepa_fentanyl', by_pp: 10 }, source: 'strategy:test', why: 'tension at 40' },
      { move: { actor: 'cn' as const, type: 'commit_soybean_purchases' as const, mmt_per_yr: 12 }, source: 'strategy:test', why: 'tension at 40' },
    ];
    let s: State = eveState();
    for (let k = 0; k < 2; k++) s = step(s, [], P).state;
    const remembered = stepFast(s, moves, P, undefined, true);
    const afresh = stepFast(s, [...moves], P, undefined, false);
    expect(step(s, moves, P)).toEqual(remembered);
    expect(afresh).toEqual(remembered);
    expect(afresh.events.map((e) => e.type)).toEqual(['raise_tariff', 'commit_soybean_purchases', 'agreement_lapsed', 'restore_tariff', 'restore_tariff']);
    expect(afresh.events[0].text).toMatch(/\(tension at 40\)$/);
  });

  it('lets an agreement lapse at its deadline and applies what lapses with it', () => {
    let s: State = eveState();
    const events = [];
    for (let k = 0; k < 3; k++) {
      const r = step(s, [], P);
      events.push(...r.events);
      s = r.state;
    }
    expect(events.map((e) => e.type)).toEqual(['agreement_lapsed', 'restore_tariff', 'restore_tariff']);
    expect(s.us_layers.find((l) => l.id === 'us_ieepa_reciprocal')!.rate_pct).toBe(34);
    expect(s.agreements[0].active).toBe(false);
  });

  it('a lapse move the state no longer allows is skipped with a note; a scripted one is an error', () => {
    let s = eveState();
    s = applyMove(s, { actor: 'cn', type: 'impose_rare_earth_curbs', level: 0.9 }, { source: 'script' }).state;
    s = { ...s, agreements: [{ ...s.agreements[0], expires_step: 0, on_lapse: [{ actor: 'cn', type: 'impose_rare_earth_curbs', level: 0.6 }] }] };
    const r = step(s, [], P);
    expect(r.state.rare_earths.curb).toBe(0.9);
    expect(r.events.find((e) => e.kind === 'note')).toMatchObject({ type: 'move_skipped', actor: 'cn', source: 'model' });
    expect(() => step(s, [{ move: { actor: 'cn', type: 'impose_rare_earth_curbs', level: 0.6 }, source: 'script' }], P)).toThrow(/use relax_rare_earth_curbs/);
  });

  it('expires a layer to its snapback rate', () => {
    let s = applyMove(eveState(), { actor: 'us', type: 'add_tariff_layer', layer: 'temp', scope: ['all'], rate_pct: 25, expires: 1, snapback_rate_pct: 5 }, { source: 'script' }).state;
    s = step(s, [], P).state;
    const r = step(s, [], P);
    expect(r.state.us_layers.find((l) => l.id === 'temp')).toMatchObject({ rate_pct: 5, expires_step: null });
    expect(r.events[0]).toMatchObject({ kind: 'expiry', text: 'temp expires: 25% -> 5%' });
  });

  it('a higher US tariff lowers imports from China and raises revenue per dollar imported', () => {
    const s = eveState();
    const base = step(s, [], P).metrics;
    const up = step(s, [{ move: { actor: 'us', type: 'impose_threatened_tariff', layer: 'us_threat_100' }, source: 'script' }], P).metrics;
    expect(up.us_tariff_on_cn_pct).toBeCloseTo(base.us_tariff_on_cn_pct + 100, 9);
    expect(up.us_imports_from_cn_bn).toBeLessThan(base.us_imports_from_cn_bn);
    expect(up.us_tariff_revenue_bn / up.us_imports_from_cn_bn).toBeGreaterThan(base.us_tariff_revenue_bn / base.us_imports_from_cn_bn);
    expect(up.escalation_index).toBeGreaterThan(base.escalation_index);
  });
});

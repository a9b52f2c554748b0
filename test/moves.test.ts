import { describe, expect, it } from 'vitest';
import { agreementWith, layerWith } from '../src/model/copy.js';
import { applyMove, MoveError } from '../src/model/reducers/index.js';
import type { Move } from '../src/model/moves.js';
import type { State } from '../src/model/types.js';
import { eveState } from './helpers/state.js';

const ctx = { source: 'script' };
const apply = (s: State, m: Move) => applyMove(s, m, ctx);
const layer = (s: State, id: string) => [...s.us_layers, ...s.cn_layers].find((l) => l.id === id)!;

describe('tariff moves', () => {
  const s0 = eveState();

  it('set, raise and lower change one layer and leave the input state untouched', () => {
    const set = apply(s0, { actor: 'us', type: 'set_tariff', layer: 'us_ieepa_fentanyl', rate_pct: 10 });
    expect(layer(set.state, 'us_ieepa_fentanyl').rate_pct).toBe(10);
    expect(layer(s0, 'us_ieepa_fentanyl').rate_pct).toBe(20);
    const raised = apply(set.state, { actor: 'us', type: 'raise_tariff', layer: 'us_ieepa_fentanyl', by_pp: 15 });
    expect(layer(raised.state, 'us_ieepa_fentanyl').rate_pct).toBe(25);
    const lowered = apply(raised.state, { actor: 'us', type: 'lower_tariff', layer: 'us_ieepa_fentanyl', by_pp: 5 });
    expect(layer(lowered.state, 'us_ieepa_fentanyl').rate_pct).toBe(20);
    expect(set.events[0]).toMatchObject({ actor: 'us', kind: 'move', type: 'set_tariff', source: 'script' });
    expect(set.events[0].tension_delta).toBeLessThan(0);
    expect(raised.events[0].tension_delta).toBeGreaterThan(0);
  });

  it('suspend keeps a part in force and restore puts the suspended part back', () => {
    const s = apply(s0, { actor: 'us', type: 'restore_tariff', layer: 'us_ieepa_reciprocal' }).state;
    expect(layer(s, 'us_ieepa_reciprocal')).toMatchObject({ rate_pct: 34, suspended_pct: 0 });
    const suspended = apply(s, { actor: 'us', type: 'suspend_tariff', layer: 'us_ieepa_reciprocal', keep_pct: 10 }).state;
    expect(layer(suspended, 'us_ieepa_reciprocal')).toMatchObject({ rate_pct: 10, suspended_pct: 24 });
    // Restoring what is already in force changes nothing, and says so.
    const again = apply(s, { actor: 'us', type: 'restore_tariff', layer: 'us_ieepa_reciprocal' });
    expect(again.events[0].text).toBe('US restores IEEPA reciprocal: already at 34%');
    expect(layer(again.state, 'us_ieepa_reciprocal')).toEqual(layer(s, 'us_ieepa_reciprocal'));
  });

  it('threats are imposed, or dropped, as data', () => {
    const imposed = apply(s0, { actor: 'us', type: 'impose_threatened_tariff', layer: 'us_threat_100' }).state;
    expect(layer(imposed, 'us_threat_100')).toMatchObject({ rate_pct: 100, threatened_pct: 0 });
    const dropped = apply(s0, { actor: 'us', type: 'drop_tariff_threat', layer: 'us_threat_100' });
    expect(layer(dropped.state, 'us_threat_100')).toMatchObject({ rate_pct: 0, threatened_pct: 0 });
    expect(() => apply(dropped.state, { actor: 'us', type: 'impose_threatened_tariff', layer: 'us_threat_100' })).toThrow(/carries no threatened rate/);
  });

  it('adds a layer with a resolved scope and an expiry', () => {
    const out = apply(s0, { actor: 'cn', type: 'add_tariff_layer', layer: 'cn_lng', scope: ['agriculture', 'energy'], rate_pct: 25, expires: '2026-01-01', snapback_rate_pct: 0 });
    expect(layer(out.state, 'cn_lng')).toMatchObject({ imposer: 'cn', scope: ['soybeans', 'other_agriculture', 'energy'], rate_pct: 25, expires_step: 9, snapback_rate_pct: 0 });
  });

  it('rejects illegal moves with a clear error instead of clamping', () => {
    expect(() => apply(s0, { actor: 'us', type: 'lower_tariff', layer: 'us_ieepa_fentanyl', by_pp: 30 })).toThrow(new MoveError({ actor: 'us', type: 'lower_tariff', layer: 'us_ieepa_fentanyl', by_pp: 30 }, 'rate_pct', 'would take us_ieepa_fentanyl below zero (-10)'));
    expect(() => apply(s0, { actor: 'us', type: 'set_tariff', layer: 'nope', rate_pct: 5 })).toThrow(/unknown us layer "nope" \(known: us_mfn_section301/);
    expect(() => apply(s0, { actor: 'cn', type: 'set_tariff', layer: 'us_ieepa_fentanyl', rate_pct: 5 })).toThrow(/unknown cn layer/);
    expect(() => apply(s0, { actor: 'us', type: 'set_tariff', layer: 'us_ieepa_fentanyl', rate_pct: -1 })).toThrow(/rate_pct: must be between 0 and 1000, got -1/);
    expect(() => apply(s0, { actor: 'us', type: 'add_tariff_layer', layer: 'x', scope: ['chips'], rate_pct: 5 })).toThrow(/unknown segment "chips"/);
    expect(() => apply(s0, { actor: 'us', type: 'impose_rare_earth_curbs', level: 0.5 } as unknown as Move)).toThrow(/only cn can make this move/);
  });
});

describe('rare earths, soybeans, technology', () => {
  const s0 = eveState();

  it('curbs tighten and relax in the right direction only', () => {
    const tight = apply(s0, { actor: 'cn', type: 'impose_rare_earth_curbs', level: 0.6, licence_delay_weeks: 8 }).state;
    expect(tight.rare_earths).toMatchObject({ curb: 0.6, licence_delay_weeks: 8 });
    expect(() => apply(tight, { actor: 'cn', type: 'impose_rare_earth_curbs', level: 0.3 })).toThrow(/use relax_rare_earth_curbs/);
    const relaxed = apply(tight, { actor: 'cn', type: 'relax_rare_earth_curbs', level: 0.2 }).state;
    expect(relaxed.rare_earths.curb).toBe(0.2);
    const open = apply(tight, { actor: 'cn', type: 'issue_general_licences' }).state;
    expect(open.rare_earths).toMatchObject({ curb: 0, licence_delay_weeks: 0 });
  });

  it('a diversification pact is recorded at the current step', () => {
    const out = apply({ ...s0, step: 5 }, { actor: 'us', type: 'sign_diversification_pact', partner: 'Canada', capacity_share: 0.05, lag_weeks: 10, ramp_weeks: 20 });
    expect(out.state.pacts.at(-1)).toEqual({ partner: 'Canada', signed_step: 5, capacity_share: 0.05, lag_weeks: 10, ramp_weeks: 20 });
  });

  it('a soybean commitment ends a boycott; stopping starts one', () => {
    expect(s0.soybeans.boycott).toBe(true);
    const committed = apply(s0, { actor: 'cn', type: 'commit_soybean_purchases', mmt_per_yr: 25 }).state;
    expect(committed.soybeans).toMatchObject({ commitment_mmt: 25, boycott: false });
    const stopped = apply(committed, { actor: 'cn', type: 'stop_soybean_purchases' }).state;
    expect(stopped.soybeans).toMatchObject({ commitment_mmt: 0, boycott: true });
  });

  it('tech controls switch the Affiliates Rule and software controls; port fees per side', () => {
    const softOut = apply(s0, { actor: 'us', type: 'impose_tech_controls', level: 0.3, software_controls: true });
    const soft = softOut.state;
    expect(soft.tech).toEqual({ level: 0.3, affiliates_rule: true, software_controls: true });
    expect(softOut.events[0].text).toBe(`US tightens technology export controls: breadth ${s0.tech.level.toFixed(2)} -> 0.30, software-made items controlled`);
    const offOut = apply(soft, { actor: 'us', type: 'relax_tech_controls', affiliates_rule: false });
    const off = offOut.state;
    expect(off.tech).toEqual({ level: 0.3, affiliates_rule: false, software_controls: true });
    // The event names only what changed: here not the breadth.
    expect(offOut.events[0].text).toBe('US relaxes technology export controls: Affiliates Rule suspended');
    expect(apply(off, { actor: 'us', type: 'relax_tech_controls' }).events[0].text).toBe('US technology export controls unchanged');
    const fees = apply(s0, { actor: 'cn', type: 'set_port_fees', active: false }).state;
    expect([fees.us_port_fees, fees.cn_port_fees]).toEqual([true, false]);
  });
});

describe('agreements and relations', () => {
  const s0 = eveState();

  it('signing with `replaces` supersedes without lapse effects; extending moves the deadline', () => {
    const signed = apply(s0, { actor: 'both', type: 'sign_agreement', agreement: 'busan_truce', replaces: 'geneva_truce', until: '2026-11-10', on_lapse: [] }).state;
    expect(signed.agreements.map((a) => [a.id, a.active, a.expires_step])).toEqual([
      ['geneva_truce', false, 2],
      ['busan_truce', true, 54],
    ]);
    const extended = apply(signed, { actor: 'both', type: 'extend_agreement', agreement: 'busan_truce', until: '2027-11-10' }).state;
    expect(extended.agreements[1].expires_step).toBe(106);
    expect(() => apply(s0, { actor: 'us', type: 'extend_agreement', agreement: 'nope', until: 3 })).toThrow(/unknown agreement "nope" \(known: geneva_truce\)/);
  });

  it("says whose decision an extension or a lapse is: at a deadline each side's is its own event", () => {
    const signed = apply(s0, { actor: 'both', type: 'sign_agreement', agreement: 'busan_truce', label: 'Busan truce', until: '2026-11-10', on_lapse: [] }).state;
    const text = (m: Move) => apply(signed, m).events[0].text;
    expect(text({ actor: 'us', type: 'extend_agreement', agreement: 'busan_truce', until: '2027-11-10' })).toBe('US extends Busan truce to 2027-11-11');
    expect(text({ actor: 'both', type: 'extend_agreement', agreement: 'busan_truce', until: '2027-11-10' })).toBe('Both sides extend Busan truce to 2027-11-11');
    expect(text({ actor: 'cn', type: 'let_agreement_lapse', agreement: 'busan_truce' })).toBe('CN lets Busan truce lapse');
  });

  it('a summit applies its moves in order, each with the summit as the reason', () => {
    const out = apply(s0, {
      actor: 'both',
      type: 'hold_summit',
      name: 'Test summit',
      moves: [
        { actor: 'cn', type: 'cooperate_on_precursors', level: 0.9 },
        { actor: 'us', type: 'settle_tiktok', outcome: 'divested' },
      ],
    });
    expect(out.state.precursor_cooperation).toBe(0.9);
    expect(out.state.tiktok).toBe('divested');
    expect(out.events.map((e) => e.type)).toEqual(['hold_summit', 'cooperate_on_precursors', 'settle_tiktok']);
    expect(out.events[1].text).toMatch(/\(Test summit\)$/);
    expect(out.state.record.cn.concessions).toBe(1);
  });
});

describe('copies of layers and agreements', () => {
  const s0 = eveState();

  it('change only the fields given, keep a given null, and keep every field of the original', () => {
    const l = s0.us_layers[0];
    const raised = layerWith(l, { rate_pct: l.rate_pct + 5, expires_step: null });
    expect(raised).toEqual({ ...l, rate_pct: l.rate_pct + 5, expires_step: null });
    expect(Object.keys(raised)).toEqual(Object.keys(l));
    const timed = layerWith(raised, { expires_step: 9, snapback_rate_pct: 3 });
    expect(layerWith(timed, { expires_step: null }).expires_step).toBeNull();
    expect(layerWith(timed, {}).snapback_rate_pct).toBe(3);
    const a = s0.agreements[0];
    const lapsed = agreementWith(a, { active: false });
    expect(lapsed).toEqual({ ...a, active: false });
    expect(Object.keys(lapsed)).toEqual(Object.keys(a));
  });

  it('layers and agreements a move changes keep the baseline\'s fields, in its order', () => {
    const raised = apply(s0, { actor: 'us', type: 'raise_tariff', layer: 'us_ieepa_fentanyl', by_pp: 5 }).state;
    const extended = apply(s0, { actor: 'both', type: 'extend_agreement', agreement: s0.agreements.find((x) => x.active)!.id, until: '2027-01-01' }).state;
    expect(Object.keys(layer(raised, 'us_ieepa_fentanyl'))).toEqual(Object.keys(s0.us_layers[0]));
    for (const x of extended.agreements) expect(Object.keys(x)).toEqual(Object.keys(s0.agreements[0]));
  });
});

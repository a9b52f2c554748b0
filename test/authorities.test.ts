// The legal authorities' statutory rules (seeds/authorities.yaml; model/authorities.ts) and the
// moves on authorities. Expected figures are hand calculations from the statutes and the seeds:
// the busan-eve baseline starts on 2025-10-30, weekly; a date resolves to the first step on or after it.
import { describe, expect, it } from 'vitest';
import type { Move, SourcedMove } from '../src/model/moves.js';
import { applyMove, MoveError } from '../src/model/reducers/index.js';
import { rngFromState } from '../src/model/rng.js';
import { reduceMoves, step } from '../src/model/step.js';
import type { State } from '../src/model/types.js';
import { central, eveState } from './helpers/state.js';

const ctx = { source: 'script' };
const apply = (s: State, m: Move) => applyMove(s, m, ctx).state;
const layerIds = (s: State) => s.us_layers.map((l) => l.id);
const params = central();

/** `n` steps with the given moves at the first (as step() runs them), returning every state after a step. */
function run(s0: State, n: number, moves: Move[] = [], at = 0): State[] {
  const out: State[] = [];
  let s = s0;
  const rng = rngFromState(s.rng);
  for (let k = 0; k < n; k++) {
    const ms: SourcedMove[] = k === at ? moves.map((move) => ({ move, source: 'script' })) : [];
    s = step(s, ms, params, rng).state;
    out.push(s);
  }
  return out;
}

const s122 = (rate_pct: number, scope = ['all']): Move => ({ actor: 'us', type: 'add_tariff_layer', layer: 'us_s122', scope, applies_to: 'all_origins', rate_pct, authority: 'section_122' });

describe('Section 122 (19 U.S.C. 2132): at most 15%, at most 150 days unless Congress extends, not on Section 232 goods', () => {
  const s0 = eveState();

  it('refuses a surcharge above 15%, added or raised, with the statute as its reason', () => {
    expect(() => apply(s0, s122(20))).toThrow(MoveError);
    expect(() => apply(s0, s122(20))).toThrow(/statutory rule: Section 122 surcharge allows at most 15%, not 20%/);
    const at15 = apply(s0, s122(15));
    expect(at15.us_layers.find((l) => l.id === 'us_s122')!.rate_pct).toBe(15);
    const at10 = apply(s0, s122(10));
    expect(() => apply(at10, { actor: 'us', type: 'raise_tariff', layer: 'us_s122', by_pp: 6 })).toThrow(/at most 15%/);
  });

  it('skips the move with a note when a rule or strategy makes it, as for other illegal moves', () => {
    const out = reduceMoves(s0, [{ move: s122(20), source: 'rule:surcharge' }]);
    expect(out.state).toBe(s0);
    expect(out.events).toHaveLength(1);
    expect(out.events[0]).toMatchObject({ kind: 'note', type: 'move_skipped', source: 'rule:surcharge' });
    expect(out.events[0].text).toMatch(/at most 15%/);
  });

  it('leaves the Section 232 segments out of "all", and refuses to name one', () => {
    // busan-eve's Section 232 layers cover steel_aluminum_autos (45%) and wood_copper_trucks (35%).
    const s = apply(s0, s122(10));
    expect(s.us_layers.find((l) => l.id === 'us_s122')!.scope).toEqual(['electronics', 'consumer_and_other']);
    expect(() => apply(s0, s122(10, ['electronics', 'wood_copper_trucks']))).toThrow(/not stacked on section_232 goods, which cover wood_copper_trucks/);
  });

  it('ends after 150 days without an extension: 2025-10-30 + 150 days = 2026-03-29, step 22', () => {
    const states = run(s0, 24, [s122(10)]);
    // states[k] is the state after step k: the layer is in force through step 21 and gone at step 22.
    expect(states[21].us_layers.some((l) => l.id === 'us_s122')).toBe(true);
    expect(states[22].us_layers.some((l) => l.id === 'us_s122')).toBe(false);
    expect(states[22].authorities.find((a) => a.id === 'section_122')).toMatchObject({ ended: true, ended_layers: ['us_s122'], ends_date: '2026-03-29' });
    // Every other layer is untouched.
    expect(layerIds(states[22])).toEqual(layerIds(s0));
    // A surcharge under an ended authority is refused.
    expect(() => apply(states[22], { ...s122(5), layer: 'us_s122_again' } as Move)).toThrow(/has ended/);
  });

  it('runs past 150 days when Congress extends it, and ends on the new date (2026-12-31, step 61)', () => {
    const extend: Move = { actor: 'us', type: 'congress_extends', authority: 'section_122', until: '2026-12-31' };
    const states = run(s0, 62, [s122(10), extend]);
    expect(states[22].us_layers.some((l) => l.id === 'us_s122')).toBe(true);
    expect(states[60].us_layers.some((l) => l.id === 'us_s122')).toBe(true);
    expect(states[61].us_layers.some((l) => l.id === 'us_s122')).toBe(false);
    // Only a time-limited authority can be extended.
    expect(() => apply(s0, { actor: 'us', type: 'congress_extends', authority: 'section_232', until: '2026-12-31' })).toThrow(/no statutory time limit/);
  });
});

describe('Section 301 (19 U.S.C. 2417(c)): an action lapses after four years unless continuation is requested', () => {
  const s0 = eveState();
  const avg = (s: State) => s.us_layers.filter((l) => l.applies_to !== 'other_origins').length;

  it('the 2018-19 lists lapse on 2026-07-06 (step 36) without a request, and run to 2030-07-06 with one', () => {
    const lapsed = run(s0, 37);
    expect(lapsed[35].us_layers.some((l) => l.id === 'us_mfn_section301')).toBe(true);
    expect(lapsed[36].us_layers.some((l) => l.id === 'us_mfn_section301')).toBe(false);
    expect(avg(lapsed[36])).toBe(avg(s0) - 1);
    const continued = run(s0, 37, [{ actor: 'us', type: 'request_continuation', authority: 'section_301_china_2018' }], 27);
    expect(continued[36].us_layers.some((l) => l.id === 'us_mfn_section301')).toBe(true);
    expect(continued[36].authorities.find((a) => a.id === 'section_301_china_2018')!.ends_date).toBe('2030-07-06');
  });

  it('a new action may hold 0% (a step-up to come) and lapses four years after it is taken', () => {
    const s = apply(s0, { actor: 'us', type: 'add_tariff_layer', layer: 'us_chips', scope: ['electronics'], rate_pct: 0, authority: 'section_301_semiconductors' });
    expect(s.us_layers.find((l) => l.id === 'us_chips')!.rate_pct).toBe(0);
    // Taken on 2025-10-30 (step 0): lapses on 2029-10-30, 1461 days later, step 209.
    expect(s.authorities.find((a) => a.id === 'section_301_semiconductors')).toMatchObject({ ends_date: '2029-10-30', ends_step: 209, end_kind: 'lapse' });
    expect(() => apply(s0, { actor: 'us', type: 'request_continuation', authority: 'ieepa' })).toThrow(/does not lapse/);
  });
});

describe('a court voids an authority', () => {
  const s0 = eveState();
  const voidIeepa: Move = { actor: 'us', type: 'court_voids_authority', authority: 'ieepa', stop: 3, case: 'Learning Resources v. Trump' };

  it('ends exactly the IEEPA layers on the stop date, and nothing else', () => {
    const states = run(s0, 4, [voidIeepa]);
    const ieepa = s0.us_layers.filter((l) => l.authority === 'ieepa').map((l) => l.id);
    // busan-eve's IEEPA layers: fentanyl, reciprocal, the +100 threat and the reciprocal tariff on third countries.
    expect(ieepa).toEqual(['us_ieepa_fentanyl', 'us_ieepa_reciprocal', 'us_threat_100', 'us_reciprocal_others']);
    expect(layerIds(states[2])).toEqual(layerIds(s0));
    expect(states[3].us_layers).toEqual(s0.us_layers.filter((l) => l.authority !== 'ieepa'));
    // China's layers are untouched by the ruling (the Geneva truce's lapse at step 2 restored its 24 pp).
    expect(states[3].cn_layers).toBe(states[2].cn_layers);
    // That lapse would have restored the US reciprocal's 24 pp too: refused after the ruling, and skipped with a note.
    expect(states[2].us_layers.find((l) => l.id === 'us_ieepa_reciprocal')!.rate_pct).toBe(10);
    expect(states[3].authorities.find((a) => a.id === 'ieepa')!.ended_layers).toEqual(ieepa);
  });

  it('refuses a rise under it once the ruling is made, and a move on its layers after the stop date', () => {
    const ruled = apply(s0, voidIeepa);
    expect(() => apply(ruled, { actor: 'us', type: 'restore_tariff', layer: 'us_ieepa_reciprocal' })).toThrow(/statutory rule: IEEPA no longer supports a tariff \(Learning Resources v. Trump held/);
    // A cut is still allowed before the stop date.
    expect(() => apply(ruled, { actor: 'us', type: 'set_tariff', layer: 'us_ieepa_fentanyl', rate_pct: 0 })).not.toThrow();
    const after = run(s0, 4, [voidIeepa])[3];
    expect(() => apply(after, { actor: 'us', type: 'set_tariff', layer: 'us_ieepa_fentanyl', rate_pct: 5 })).toThrow(/us_ieepa_fentanyl ended with its authority: IEEPA/);
  });
});

describe('refunds of duties', () => {
  const s0 = eveState();
  const voidIeepa: Move = { actor: 'us', type: 'court_voids_authority', authority: 'ieepa', stop: 0 };
  const refund: Move = {
    actor: 'us',
    type: 'refund_duties',
    authority: 'ieepa',
    amount_bn: 166,
    schedule: [
      { from: 2, until: 6, amount_bn: 127 },
      { from: 6, until: 16, amount_bn: 39 },
    ],
  };

  function metrics(moves: Move[], n: number) {
    let s = s0;
    const rng = rngFromState(s.rng);
    const rows = [];
    for (let k = 0; k < n; k++) {
      const r = step(s, k === 0 ? moves.map((move) => ({ move, source: 'script' })) : [], params, rng);
      rows.push(r.metrics);
      s = r.state;
    }
    return rows;
  }

  it('pays the scheduled amounts, as negative annualised revenue that sums to the total, and leaves duties collected alone', () => {
    const withRefund = metrics([voidIeepa, refund], 20);
    const without = metrics([voidIeepa], 20);
    const weeksPerYear = 365.25 / 7;
    for (let k = 0; k < 20; k++) {
      // us_tariff_revenue_bn keeps meaning duties collected: the same with or without refunds.
      expect(withRefund[k].us_tariff_revenue_bn).toBe(without[k].us_tariff_revenue_bn);
      // Phase 1: 127 over steps 2-5 (4 weeks); phase 2: 39 over steps 6-15 (10 weeks); nothing else.
      const perWeek = k >= 2 && k < 6 ? 127 / 4 : k >= 6 && k < 16 ? 39 / 10 : 0;
      expect(withRefund[k].us_tariff_refunds_bn).toBeCloseTo(-perWeek * weeksPerYear, 9);
      expect(without[k].us_tariff_refunds_bn).toBe(0);
    }
    const paid = withRefund.reduce((sum, m) => sum - m.us_tariff_refunds_bn / weeksPerYear, 0);
    expect(paid).toBeCloseTo(166, 9);
  });

  it('refuses a schedule that does not add up, and refunds under an authority no court voided', () => {
    const voided = apply(s0, voidIeepa);
    expect(() => apply(voided, { ...refund, amount_bn: 170 } as Move)).toThrow(/the phases add up to 166 bn, not the amount of 170 bn/);
    expect(() => apply(s0, refund)).toThrow(/only a voided authority's duties are refunded/);
  });
});

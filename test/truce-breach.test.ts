import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { forgetOutcomes } from '../src/engine/moveMemo.js';
import { applyMoves } from '../src/engine/step.js';
import type { Move, SourcedMove } from '../src/model/moves.js';
import { applyMove } from '../src/model/reducers/index.js';
import { reduceMoves } from '../src/model/step.js';
import type { State } from '../src/model/types.js';
import { loadScenario } from '../src/scenario/load.js';
import { runScenario } from '../src/sim/run.js';

// The state a week after the Busan terms took effect (2025-11-10 falls at step 2 of busan-truce).
const inTruce = runScenario(loadScenario('busan-truce'), { steps: 4 }).final;
const busan = (s: State) => s.agreements.find((a) => a.id === 'busan_truce')!;
const rate = (s: State, id: string) => [...s.us_layers, ...s.cn_layers].find((l) => l.id === id)!.rate_pct;
const script = { source: 'script' };

describe('a truce and its terms', () => {
  it("Busan holds what its lapse would put back and what the summit lowered (record-2025's 2025-11-10 entry)", () => {
    const terms = busan(inTruce).terms.map((t) => `${t.actor} ${t.kind}${t.layer ? ` ${t.layer}` : ''} <= ${t.max}`).sort();
    expect(terms).toEqual(
      [
        // on_lapse: the suspended 24 pp on each side, the Affiliates Rule, both sides' port fees, the curbs
        'us layer us_ieepa_reciprocal <= 10',
        'cn layer cn_retaliation <= 10',
        'us tech <= 0',
        'us port_fees <= 0',
        'cn port_fees <= 0',
        'cn curb <= 0',
        // lowered at the summit: the fentanyl tariff 20 -> 10, the agricultural retaliation 10 -> 0, the boycott ended
        'us layer us_ieepa_fentanyl <= 10',
        'cn layer cn_agri_retaliation <= 0',
        'cn soybean_boycott <= 0',
      ].sort(),
    );
    expect(busan(inTruce).active).toBe(true);
    expect(busan(inTruce).breached_by).toBeNull();
  });
});

describe('a breach', () => {
  const breaching: [string, Move, string][] = [
    ['re-imposing suspended curbs', { actor: 'cn', type: 'impose_rare_earth_curbs', level: 0.6 }, 're-imposes rare-earth curbs the truce holds at 0 (0 -> 0.6)'],
    ['raising a suspended layer', { actor: 'us', type: 'restore_tariff', layer: 'us_ieepa_reciprocal' }, 'raises IEEPA reciprocal above the 10% the truce holds it to (10 -> 34)'],
    ['lifting a tariff the truce lowered', { actor: 'us', type: 'set_tariff', layer: 'us_ieepa_fentanyl', rate_pct: 20 }, 'raises IEEPA fentanyl above the 10% the truce holds it to (10 -> 20)'],
    ['stopping the purchases the truce resumed', { actor: 'cn', type: 'stop_soybean_purchases' }, 'stops the soybean purchases the truce resumed'],
    ['putting port fees back', { actor: 'us', type: 'set_port_fees', active: true }, 'puts back the port fees the truce suspended'],
  ];
  it.each(breaching)('%s ends the truce: an event names the side and the term', (_, move, term) => {
    const out = applyMove(inTruce, move, script);
    const side = move.actor as 'us' | 'cn';
    expect(busan(out.state).active).toBe(false);
    expect(busan(out.state).breached_by).toBe(side);
    const breach = out.events.find((e) => e.kind === 'breach')!;
    expect(breach).toMatchObject({ type: 'truce_breached', actor: side, source: 'script', tension_delta: 10 });
    expect(breach.text).toBe(`${side.toUpperCase()} breaches Busan truce: ${term}`);
    expect(out.state.record[side].breaches).toBe(1);
    expect(out.state.record[side].last_breach_step).toBe(inTruce.step);
    expect(out.state.record[side === 'us' ? 'cn' : 'us'].breaches).toBe(0);
    // What the truce held back returns as at a lapse: both suspended layers are restored.
    expect(rate(out.state, 'us_ieepa_reciprocal')).toBe(34);
    expect(rate(out.state, 'cn_retaliation')).toBe(34);
    expect(out.state.us_port_fees && out.state.cn_port_fees).toBe(true);
  });

  it('a move the terms do not name, or one that stays within them, breaches nothing', () => {
    const within: Move[] = [
      { actor: 'us', type: 'raise_tariff', layer: 'us_section232_metals_autos', by_pp: 5 }, // all origins, not a term
      { actor: 'us', type: 'set_tariff', layer: 'us_ieepa_fentanyl', rate_pct: 10 }, // at its cap
      { actor: 'us', type: 'lower_tariff', layer: 'us_ieepa_fentanyl', by_pp: 5 },
      { actor: 'cn', type: 'impose_rare_earth_curbs', level: 0 }, // no higher than the cap
      { actor: 'cn', type: 'commit_soybean_purchases', mmt_per_yr: 12 },
    ];
    for (const move of within) {
      const out = applyMove(inTruce, move, script);
      expect(busan(out.state).active).toBe(true);
      expect(out.events.some((e) => e.kind === 'breach')).toBe(false);
    }
  });

  it('is part of the moves\' outcome: the memo gives what the reducers give, in later runs too', () => {
    forgetOutcomes();
    const list: SourcedMove[] = [{ move: { actor: 'cn', type: 'impose_rare_earth_curbs', level: 0.6, licence_delay_weeks: 8 }, source: 'script' }];
    const reduced = reduceMoves(inTruce, list);
    for (let run = 0; run < 3; run++) {
      // Another run: other tension and inventory, the same policy.
      const s = { ...inTruce, escalation_index: 30 + run, rare_earths: { ...inTruce.rare_earths, inventory_weeks: 1 + run } };
      const memo = applyMoves(s, list);
      const plain = reduceMoves(s, list);
      expect(memo).toEqual(plain);
      expect(memo.events).toEqual(reduced.events);
      expect(busan(memo.state).breached_by).toBe('cn');
    }
  });
});

describe('in scenarios', () => {
  it('rare-earth-squeeze: China breaches the truce on 2026-03-02; no row has the truce in force under 145% and the curbs', () => {
    const r = runScenario(loadScenario('rare-earth-squeeze'));
    const at = r.rows.findIndex((row) => row.date >= '2026-03-02');
    expect(r.rows[at - 1].truce_active).toBe(1);
    expect(r.rows.slice(at).every((row) => row.truce_active === 0)).toBe(true);
    expect(r.events.filter((e) => e.kind === 'breach').map((e) => [e.step, e.actor])).toEqual([[at, 'cn']]);
    const squeezed = r.rows.filter((row) => row.us_tariff_on_cn_pct >= 145 || row.rare_earth_curb >= 0.6);
    expect(squeezed.length).toBeGreaterThan(10);
    expect(squeezed.every((row) => row.truce_active === 0)).toBe(true);
  });

  it('an intact truce keeps its deadline logic: busan-truce holds to 2026-11-10 and truce-lapses lapses there, with no breach', () => {
    for (const name of ['busan-truce', 'truce-lapses']) {
      const r = runScenario(loadScenario(name));
      expect(r.events.some((e) => e.kind === 'breach')).toBe(false);
      expect(r.rows.filter((row) => row.date < '2026-11-10').every((row) => row.truce_active === 1)).toBe(true);
    }
    const lapses = runScenario(loadScenario('truce-lapses'));
    expect(lapses.events.find((e) => e.kind === 'lapse')!.text).toBe('Busan truce lapses');
    expect(lapses.rows.find((row) => row.date >= '2026-11-10')!.truce_active).toBe(0);
  });

  it('rules see a breach: cn_breaches and steps_since_cn_breach', () => {
    const dir = mkdtempSync(join(tmpdir(), 'breach-'));
    const file = join(dir, 'answer.yaml');
    writeFileSync(
      file,
      `name: answer-breach
description: "China breaches the truce; the US answers the breach"
baseline: busan-eve-2025-10-30
horizon: 30
records: [record-2025]
timeline:
  - at: 2026-01-05
    moves:
      - { actor: cn, type: impose_rare_earth_curbs, level: 0.3 }
rules:
  - id: answer
    when: "cn_breaches == 1 and steps_since_cn_breach == 2 and us_breaches == 0"
    actor: us
    once: true
    move: { actor: us, type: threaten_tariff, layer: us_threat_100, rate_pct: 100 }
`,
    );
    const r = runScenario(loadScenario(file));
    const breach = r.events.find((e) => e.kind === 'breach')!;
    const answer = r.events.find((e) => e.source === 'rule:answer')!;
    expect(breach.actor).toBe('cn');
    expect(answer.step).toBe(breach.step + 2);
  });
});

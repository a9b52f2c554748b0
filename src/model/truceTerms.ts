// What a truce holds each side to, and when a move breaks it. A truce's terms are the measures it
// holds back: what its lapse would put back (its `on_lapse` moves: suspended layers restored, curbs
// or controls re-imposed, fees back), and, when it is signed at a summit, every measure that summit
// lowered (a tariff cut, general licences, a purchase commitment). Each term caps one measure of one
// side at its level when the truce was made; a move by that side that lifts it above the cap
// breaches the truce (reducers/index.ts).

import type { Move } from './moves.js';
import { techRestriction } from './reducers/tech.js';
import type { Actor, State, TariffLayer, TruceTerm } from './types.js';

/** The parts of a state the terms read. */
export type Measures = Pick<State, 'us_layers' | 'cn_layers' | 'rare_earths' | 'tech' | 'us_port_fees' | 'cn_port_fees'> & { soybeans: { boycott: boolean } };

/** Measures within this of their cap keep to it (rates are sums of a few decimals). */
const TOLERANCE = 1e-9;

function layerRate(layers: TariffLayer[], id: string): number {
  for (const l of layers) if (l.id === id) return l.rate_pct;
  return 0;
}

/** The measure a term caps, in the state `s`. */
export function termValue(s: Measures, t: TruceTerm): number {
  switch (t.kind) {
    case 'layer':
      return layerRate(t.actor === 'us' ? s.us_layers : s.cn_layers, t.layer);
    case 'curb':
      return s.rare_earths.curb;
    case 'tech':
      return techRestriction(s.tech);
    case 'port_fees':
      return (t.actor === 'us' ? s.us_port_fees : s.cn_port_fees) ? 1 : 0;
    case 'soybean_boycott':
      return s.soybeans.boycott ? 1 : 0;
  }
}

function term(s: Measures, kind: TruceTerm['kind'], actor: Actor, layer = ''): TruceTerm {
  const t: TruceTerm = { kind, actor, layer, max: 0 };
  t.max = termValue(s, t);
  return t;
}

/** The terms a lapse's moves name: each measure they would raise, capped where it stands now. */
export function termsFromLapse(onLapse: readonly Move[], s: Measures): TruceTerm[] {
  const out: TruceTerm[] = [];
  for (const m of onLapse) {
    switch (m.type) {
      case 'restore_tariff':
      case 'raise_tariff':
      case 'set_tariff':
      case 'impose_threatened_tariff':
        out.push(term(s, 'layer', m.actor, m.layer));
        break;
      case 'impose_rare_earth_curbs':
        out.push(term(s, 'curb', 'cn'));
        break;
      case 'impose_tech_controls':
        out.push(term(s, 'tech', 'us'));
        break;
      case 'set_port_fees':
        if (m.active) out.push(term(s, 'port_fees', m.actor));
        break;
      case 'stop_soybean_purchases':
        out.push(term(s, 'soybean_boycott', 'cn'));
        break;
      default:
        break;
    }
  }
  return mergeTerms(out, []);
}

/** The measures that fell from `before` to `after` (a summit's concessions), capped where they now stand. */
export function loweredTerms(before: Measures, after: Measures): TruceTerm[] {
  const out: TruceTerm[] = [];
  for (const actor of ['us', 'cn'] as const) {
    const layers = actor === 'us' ? after.us_layers : after.cn_layers;
    const was = actor === 'us' ? before.us_layers : before.cn_layers;
    for (const l of layers) if (l.rate_pct < layerRate(was, l.id) - TOLERANCE) out.push(term(after, 'layer', actor, l.id));
    const fees = term(after, 'port_fees', actor);
    if (fees.max < termValue(before, fees)) out.push(fees);
  }
  for (const [kind, actor] of [['curb', 'cn'], ['tech', 'us'], ['soybean_boycott', 'cn']] as const) {
    const t = term(after, kind, actor);
    if (t.max < termValue(before, t) - TOLERANCE) out.push(t);
  }
  return out;
}

const sameMeasure = (a: TruceTerm, b: TruceTerm) => a.kind === b.kind && a.actor === b.actor && a.layer === b.layer;

/** Both lists' terms, one per measure, at the lower cap. */
export function mergeTerms(a: readonly TruceTerm[], b: readonly TruceTerm[]): TruceTerm[] {
  const out: TruceTerm[] = [];
  for (const t of [...a, ...b]) {
    const i = out.findIndex((x) => sameMeasure(x, t));
    if (i < 0) out.push(t);
    else if (t.max < out[i].max) out[i] = t;
  }
  return out;
}

/** The first of `terms` binding `actor` that its move (from `before` to `after`) broke: lifted above its cap. */
export function brokenTerm(terms: readonly TruceTerm[], actor: Actor, before: Measures, after: Measures): TruceTerm | null {
  for (const t of terms) {
    if (t.actor !== actor) continue;
    const now = termValue(after, t);
    if (now > t.max + TOLERANCE && now > termValue(before, t) + TOLERANCE) return t;
  }
  return null;
}

function layerLabel(layers: TariffLayer[], id: string): string {
  for (const l of layers) if (l.id === id) return l.label;
  return id;
}

const round = (x: number) => Math.round(x * 100) / 100;

/** The broken term in words: "re-imposes the rare-earth curbs it suspended (0 -> 0.6)". */
export function breachText(t: TruceTerm, before: Measures, after: Measures): string {
  const change = `${round(termValue(before, t))} -> ${round(termValue(after, t))}`;
  switch (t.kind) {
    case 'layer':
      return `raises ${layerLabel(t.actor === 'us' ? after.us_layers : after.cn_layers, t.layer)} above the ${round(t.max)}% the truce holds it to (${change})`;
    case 'curb':
      return `re-imposes rare-earth curbs the truce holds at ${round(t.max)} (${change})`;
    case 'tech':
      return `tightens technology controls the truce holds at ${round(t.max)} (${change})`;
    case 'port_fees':
      return 'puts back the port fees the truce suspended';
    case 'soybean_boycott':
      return 'stops the soybean purchases the truce resumed';
  }
}

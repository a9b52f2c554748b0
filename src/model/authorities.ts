// Legal authorities and their statutory rules: the checks a tariff move must pass (a cap, a time
// limit, no stacking, an authority a court voided or that has ended) and the statutory dates at
// which an authority's layers end (a court's stop date, the end of a time limit, a four-year lapse).
// The rules are data (seeds/authorities.yaml); the dates are kept on the authority, so that the
// deadline pass (step.ts) ends its layers and quiet stretches stop there (regime.ts).

import { dateOfStep, resolveWhen } from './calendar.js';
import { withChanges } from './copy.js';
import type { Move } from './moves.js';
import { MoveError } from './reducers/common.js';
import type { Authority, SimEvent, State, TariffLayer } from './types.js';

const DAY_MS = 86_400_000;

/** An ISO date plus whole days (UTC). */
export function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
}

/** An ISO date plus whole years (the same day of the month; 29 February becomes 1 March). */
export function addYears(date: string, years: number): string {
  const d = new Date(Date.parse(`${date}T00:00:00Z`));
  d.setUTCFullYear(d.getUTCFullYear() + years);
  return d.toISOString().slice(0, 10);
}

export function authorityOf(state: State, id: string | null | undefined): Authority | null {
  if (id == null) return null;
  for (const a of state.authorities) if (a.id === id) return a;
  return null;
}

export function requireAuthority(state: State, move: Move, id: string): Authority {
  const a = authorityOf(state, id);
  if (!a) {
    const known = state.authorities.map((x) => x.id).join(', ') || 'none';
    throw new MoveError(move, 'authority', `unknown authority "${id}" (known: ${known})`);
  }
  return a;
}

/** A copy with some fields changed, spelled out (one object shape for every authority). */
export function authorityWith(a: Authority, c: Partial<Authority>): Authority {
  const pick = <T>(x: T | undefined, y: T): T => (x !== undefined ? x : y);
  return {
    id: a.id,
    label: a.label,
    imposer: a.imposer,
    kind: a.kind,
    max_rate_pct: a.max_rate_pct,
    max_days: a.max_days,
    not_stacked_on: a.not_stacked_on,
    lapse_years: a.lapse_years,
    ends_date: pick(c.ends_date, a.ends_date),
    ends_step: pick(c.ends_step, a.ends_step),
    end_kind: pick(c.end_kind, a.end_kind),
    end_why: pick(c.end_why, a.end_why),
    ended: pick(c.ended, a.ended),
    ended_layers: pick(c.ended_layers, a.ended_layers),
    extended: pick(c.extended, a.extended),
  };
}

export function withAuthority(state: State, a: Authority): State['authorities'] {
  const out = state.authorities.slice();
  out[out.findIndex((x) => x.id === a.id)] = a;
  return out;
}

/** Why an authority no longer supports a tariff, or null while it does. */
function refusal(a: Authority): string | null {
  if (a.ended) return `${a.label} has ended (${a.end_why})`;
  if (a.end_kind === 'void') return `${a.label} no longer supports a tariff (${a.end_why})`;
  return null;
}

/**
 * The statutory checks on a layer a move has changed (`before` null: a layer it adds). A rise under
 * an authority a court voided or that has ended, or a rate above the statutory cap, is refused.
 */
export function checkLayer(state: State, move: Move, before: TariffLayer | null, after: TariffLayer): void {
  const a = authorityOf(state, after.authority);
  if (!a) return;
  const rises = before === null ? after.rate_pct > 0 || after.threatened_pct > 0 : after.rate_pct > before.rate_pct || after.threatened_pct > before.threatened_pct;
  const why = rises ? refusal(a) : null;
  if (why) throw new MoveError(move, 'layer', `statutory rule: ${why}`);
  if (a.max_rate_pct !== null && after.rate_pct + after.suspended_pct > a.max_rate_pct)
    throw new MoveError(move, 'rate_pct', `statutory rule: ${a.label} allows at most ${a.max_rate_pct}%, not ${after.rate_pct + after.suspended_pct}%`);
}

/**
 * A layer in force under a time-limited authority (Section 122's 150 days), or one added under an
 * authority that lapses (a Section 301 action's four years), starts the clock unless it runs already.
 */
export function startClock(state: State, layer: TariffLayer, added: boolean): State['authorities'] {
  const a = authorityOf(state, layer.authority);
  if (!a || a.ends_date !== null || a.ended) return state.authorities;
  const today = dateOfStep(state.start_date, state.step_unit, state.step);
  let ends: string | null = null;
  let kind: Authority['end_kind'] = null;
  let why = '';
  // A time limit runs from the day a surcharge is in force; a lapse from the day the action is taken
  // (a layer added), even at 0% with a step-up to come.
  if (a.max_days !== null && !a.extended && layer.rate_pct > 0) {
    ends = addDays(today, a.max_days);
    kind = 'limit';
    why = `its ${a.max_days}-day statutory limit, from ${today}, ran out`;
  } else if (a.lapse_years !== null && added) {
    ends = addYears(today, a.lapse_years);
    kind = 'lapse';
    why = `the action lapsed after ${a.lapse_years} years without a request for its continuation`;
  }
  if (ends === null) return state.authorities;
  return withAuthority(state, authorityWith(a, { ends_date: ends, ends_step: resolveWhen(state.start_date, state.step_unit, ends), end_kind: kind, end_why: why }));
}

/**
 * The segments a new layer under `a` may cover: those of `scope` not covered by a layer in force
 * under an authority it may not be stacked on (Section 122 and Section 232 goods). "all" leaves them
 * out; naming one of them is refused.
 */
export function unstackedScope(state: State, move: Move, a: Authority | null, scope: string[], segments: string[], layers: TariffLayer[]): string[] {
  if (!a || a.not_stacked_on.length === 0) return scope;
  const blocked = new Set<string>();
  for (const l of layers) {
    const la = authorityOf(state, l.authority);
    if (!la || !a.not_stacked_on.includes(la.kind) || l.rate_pct <= 0) continue;
    for (const s of l.scope[0] === 'all' ? segments : l.scope) blocked.add(s);
  }
  if (blocked.size === 0) return scope;
  if (scope[0] !== 'all') {
    const clash = scope.find((s) => blocked.has(s));
    if (clash) throw new MoveError(move, 'scope', `statutory rule: ${a.label} is not stacked on ${a.not_stacked_on.join(', ')} goods, which cover ${clash}`);
    return scope;
  }
  const left = segments.filter((s) => !blocked.has(s));
  if (left.length === 0) throw new MoveError(move, 'scope', `statutory rule: every segment is covered by ${a.not_stacked_on.join(', ')} goods`);
  return left;
}

/** The first step at which an authority's layers end (Infinity: none is due). */
export function nextAuthorityEnd(s: State): number {
  let next = Infinity;
  for (const a of s.authorities) if (!a.ended && a.ends_step !== null && a.ends_step < next) next = a.ends_step;
  return next;
}

interface Ending {
  step: number;
  us_layers: TariffLayer[];
  cn_layers: TariffLayer[];
  out: { us_layers: TariffLayer[]; cn_layers: TariffLayer[]; authorities: Authority[]; events: SimEvent[] };
}

// The same ending on the same layers and authorities gives the same arrays in every run of a batch
// (as tariffs.ts does for layer changes): a run whose deadline pass the move memo did not serve then
// still shares its policy state with the others, and the memo serves it again from the next move on.
const endings = new WeakMap<Authority[], Ending[]>();

/** Authorities whose date has come end: their layers leave the state (the deadline pass). */
export function endAuthorities(state: State, events: SimEvent[]): State {
  if (nextAuthorityEnd(state) > state.step) return state;
  let list = endings.get(state.authorities);
  if (!list) endings.set(state.authorities, (list = []));
  let hit = list.find((e) => e.step === state.step && e.us_layers === state.us_layers && e.cn_layers === state.cn_layers);
  if (!hit) {
    const made: SimEvent[] = [];
    const s = endDue(state, made);
    hit = { step: state.step, us_layers: state.us_layers, cn_layers: state.cn_layers, out: { us_layers: s.us_layers, cn_layers: s.cn_layers, authorities: s.authorities, events: made } };
    if (list.length >= 4) list.shift();
    list.push(hit);
  }
  for (const e of hit.out.events) events.push(e);
  return withChanges(state, { us_layers: hit.out.us_layers, cn_layers: hit.out.cn_layers, authorities: hit.out.authorities });
}

function endDue(state: State, events: SimEvent[]): State {
  let s = state;
  for (const a of state.authorities) {
    if (a.ended || a.ends_step === null || a.ends_step > s.step) continue;
    const gone: string[] = [];
    const keep = (layers: TariffLayer[]) => {
      const out: TariffLayer[] = [];
      for (const l of layers) if (l.authority === a.id) gone.push(l.id);
      else out.push(l);
      return out.length === layers.length ? layers : out;
    };
    const us_layers = keep(s.us_layers);
    const cn_layers = keep(s.cn_layers);
    const ended = authorityWith(a, { ended: true, ended_layers: gone });
    const text = `${a.label} ends: ${a.end_why}${gone.length > 0 ? `; ${gone.join(', ')} no longer in force` : ''}`;
    events.push({ step: s.step, actor: 'model', kind: 'expiry', type: 'authority_ended', source: 'model', text, tension_delta: 0 });
    s = withChanges(s, { us_layers, cn_layers, authorities: withAuthority(s, ended) });
  }
  return s;
}

/** The reason a layer of this id is unknown, when it ended with its authority. */
export function endedLayerReason(state: State, layer: string): string | null {
  for (const a of state.authorities) if (a.ended && a.ended_layers.includes(layer)) return `${layer} ended with its authority: ${a.label} (${a.end_why})`;
  return null;
}

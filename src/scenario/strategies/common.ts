// Shared pieces of the strategies: reading the state and turning intents into legal moves.

import { weeksPerStep } from '../../model/calendar.js';
import type { MetricName } from '../../model/metrics.js';
import type { SourcedMove } from '../../model/moves.js';
import type { Actor, Agreement, State, StepUnit } from '../../model/types.js';
import type { DecisionView } from '../compile.js';
import { fmtValue } from '../rules/sandbox.js';
import { HOLD, type Intent, type Strategy, type StrategyContext } from './types.js';

/** The model refuses rates above this. */
const MAX_RATE_PCT = 1000;

export const fmt = fmtValue;

/** The other side's average tariff on this actor's goods, as the metrics report it. */
export function otherTariffMetric(actor: Actor): MetricName {
  return actor === 'us' ? 'cn_tariff_on_us_pct' : 'us_tariff_on_cn_pct';
}

/** The rate of one of the actor's layers, or NaN when the layer does not exist (yet). */
export function layerRate(state: State, actor: Actor, layer: string): number {
  const layers = actor === 'us' ? state.us_layers : state.cn_layers;
  for (let i = 0; i < layers.length; i++) if (layers[i].id === layer) return layers[i].rate_pct;
  return NaN;
}

/** The agreement a deadline strategy watches: the named one, or the active truce due first. */
export function watchedAgreement(state: State, id: string | undefined): Agreement | null {
  let best: Agreement | null = null;
  for (const a of state.agreements) {
    if (!a.active || a.expires_step === null) continue;
    if (id !== undefined ? a.id === id : a.is_truce && (best === null || a.expires_step < (best.expires_step as number))) best = a;
  }
  return best;
}

export function stepsOfWeeks(weeks: number, unit: StepUnit): number {
  return Math.max(1, Math.round(weeks / weeksPerStep(unit)));
}

const round2 = (x: number) => Math.round(x * 100) / 100;

/** What a mistake turns an intent into, as in the repeated-game literature: the other choice. */
export function mistaken(intent: Intent, s: Strategy, view: DecisionView, ctx: StrategyContext): Intent {
  const tag = `mistake (noise ${s.noise})`;
  switch (intent.kind) {
    case 'hold': {
      if (!intent.decision) return intent;
      const rate = layerRate(view.state, ctx.actor, ctx.layer);
      const by = Math.min(s.step_pp, s.cap_pct - rate);
      return by > 0 ? { kind: 'raise', by_pp: by, why: `${tag}: meant to hold` } : HOLD;
    }
    case 'raise':
    case 'lower':
    case 'moves':
      return { kind: 'hold', decision: true };
    case 'extend':
      return { kind: 'lapse', agreement: intent.agreement, until: intent.until, why: `${tag}: meant to extend (${intent.why})` };
    case 'lapse':
      return { kind: 'extend', agreement: intent.agreement, until: intent.until, why: `${tag}: meant to let it lapse (${intent.why})` };
  }
}

/** Appends the intent's move if the model would accept it; returns the (possibly new) list. */
export function emit(intent: Intent, s: Strategy, ctx: StrategyContext, state: State, out: SourcedMove[], empty: SourcedMove[]): SourcedMove[] {
  if (intent.kind === 'hold') return out;
  const source = `strategy:${s.name}`;
  if (intent.kind === 'moves') {
    const list = out === empty ? [] : out;
    for (const move of intent.moves) list.push({ move, source, why: intent.why });
    return list.length === 0 ? out : list;
  }
  let sourced: SourcedMove | null = null;
  const { actor, layer } = ctx;
  switch (intent.kind) {
    case 'raise': {
      const rate = layerRate(state, actor, layer);
      const by = round2(Math.min(intent.by_pp, MAX_RATE_PCT - rate));
      if (by > 0) sourced = { move: { type: 'raise_tariff', actor, layer, by_pp: by }, source, why: intent.why };
      break;
    }
    case 'lower': {
      const rate = layerRate(state, actor, layer);
      const by = round2(Math.min(intent.by_pp, rate));
      if (by > 0) sourced = { move: { type: 'lower_tariff', actor, layer, by_pp: by }, source, why: intent.why };
      break;
    }
    case 'extend':
    case 'lapse': {
      const a = state.agreements.find((x) => x.id === intent.agreement);
      if (!a || !a.active) break;
      if (intent.kind === 'extend' && intent.until > state.step)
        sourced = { move: { type: 'extend_agreement', actor, agreement: a.id, until: intent.until }, source, why: intent.why };
      if (intent.kind === 'lapse') sourced = { move: { type: 'let_agreement_lapse', actor, agreement: a.id }, source, why: intent.why };
      break;
    }
  }
  if (sourced === null) return out;
  const list = out === empty ? [] : out;
  list.push(sourced);
  return list;
}

/** A truce continues only if neither side lets it lapse: a lapse cancels the other side's extension. */
export function lapseWins(out: SourcedMove[]): SourcedMove[] {
  let lapses: string[] | null = null;
  for (const m of out) if (m.move.type === 'let_agreement_lapse') (lapses ??= []).push(m.move.agreement);
  if (lapses === null) return out;
  // A loop, not filter(): optimised code's filter() makes a holey array, and move lists of two array
  // kinds made the step's code be rebuilt (as map() did in step.ts).
  const kept: SourcedMove[] = [];
  for (const m of out) if (!(m.move.type === 'extend_agreement' && lapses.includes(m.move.agreement))) kept.push(m);
  return kept;
}

// Shared pieces of the reducers: the error for illegal moves and the event a move leaves behind.

import type { Move, SourcedMove } from '../moves.js';
import { withChanges } from '../copy.js';
import type { Actor, ActorRecord, SimEvent, State, TariffLayer } from '../types.js';

/** An illegal move: an unknown layer, a rate below zero, the wrong actor. Never silently clamped. */
export class MoveError extends Error {
  constructor(
    readonly move: Move,
    readonly field: string,
    message: string,
  ) {
    super(`${move.type}: ${field}: ${message}`);
    this.name = 'MoveError';
  }
}

export interface Outcome {
  state: State;
  events: SimEvent[];
}

export interface MoveContext {
  source: string;
  why?: string;
}

export function requireActor(move: Move, allowed: Actor | 'both'): void {
  if (move.actor !== allowed) throw new MoveError(move, 'actor', `only ${allowed} can make this move, not ${move.actor}`);
}

export function requireRange(move: Move, field: string, value: number, lo: number, hi: number): void {
  if (!Number.isFinite(value) || value < lo || value > hi)
    throw new MoveError(move, field, `must be between ${lo} and ${hi}, got ${value}`);
}

// Literals rather than spreads: a spread here was the costliest line of a summit.
function bumpRecord(rec: ActorRecord, delta: number, step: number, decided: boolean): ActorRecord {
  if (delta > 0)
    return { escalations: rec.escalations + 1, concessions: rec.concessions, last_escalation_step: step, last_concession_step: rec.last_concession_step, breaches: rec.breaches, last_breach_step: rec.last_breach_step, first_decided_concession_step: rec.first_decided_concession_step };
  if (delta < 0) {
    const first = rec.first_decided_concession_step === null && decided ? step : rec.first_decided_concession_step;
    return { escalations: rec.escalations, concessions: rec.concessions + 1, last_escalation_step: rec.last_escalation_step, last_concession_step: step, breaches: rec.breaches, last_breach_step: rec.last_breach_step, first_decided_concession_step: first };
  }
  return rec;
}

/** The record with one more breach by `actor` at `step`. */
export function withBreach(r: State['record'], actor: Actor, step: number): State['record'] {
  const rec = r[actor];
  const next: ActorRecord = { escalations: rec.escalations, concessions: rec.concessions, last_escalation_step: rec.last_escalation_step, last_concession_step: rec.last_concession_step, breaches: rec.breaches + 1, last_breach_step: step, first_decided_concession_step: rec.first_decided_concession_step };
  return actor === 'us' ? { us: next, cn: r.cn } : { us: r.us, cn: next };
}

/**
 * A move the actor decided in the run, not the scenario's premise: a rule's or a strategy's (not the
 * script's, a lapse's, or a user's in play, which a saved session writes into the script).
 * "Who gives way first" counts these concessions.
 */
export function isActorsDecision(source: string): boolean {
  return source.startsWith('rule:') || source.startsWith('strategy:');
}

/** Records a move: its event, its direct effect on tension and the actor's record of moves. */
export function recorded(state: State, move: Move, ctx: MoveContext, text: string, tensionDelta: number): Outcome {
  const actor = move.actor === 'both' ? null : move.actor;
  const r = state.record;
  const decided = isActorsDecision(ctx.source);
  const record = actor === 'us' ? { us: bumpRecord(r.us, tensionDelta, state.step, decided), cn: r.cn } : actor === 'cn' ? { us: r.us, cn: bumpRecord(r.cn, tensionDelta, state.step, decided) } : r;
  const event: SimEvent = {
    step: state.step,
    actor: actor ?? 'model',
    kind: 'move',
    type: move.type,
    source: ctx.source,
    text: ctx.why ? `${text} (${ctx.why})` : text,
    tension_delta: tensionDelta,
  };
  return { state: record === state.record ? state : withChanges(state, { record }), events: [event] };
}

export function layersOf(state: State, imposer: Actor): TariffLayer[] {
  return imposer === 'us' ? state.us_layers : state.cn_layers;
}

export function withLayers(state: State, imposer: Actor, layers: TariffLayer[]): State {
  return withChanges(state, imposer === 'us' ? { us_layers: layers } : { cn_layers: layers });
}

export function fmtPct(x: number): string {
  return `${Math.round(x * 10) / 10}%`;
}

export type Reducer<M extends Move> = (state: State, move: M, ctx: MoveContext) => Outcome;

export type { SourcedMove };

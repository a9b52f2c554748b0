// What a strategy decides each step, before it becomes a move: an intent. Intents keep the
// strategies small and let one place apply mistakes (noise) and check that moves are legal.

import type { Move } from '../../model/moves.js';
import type { Actor, State, StepUnit } from '../../model/types.js';
import type { DecisionView } from '../compile.js';

export type Intent =
  /** `decision: false` when the strategy had nothing to decide this step (a mistake cannot happen). */
  | { kind: 'hold'; decision: boolean }
  | { kind: 'raise'; by_pp: number; why: string }
  | { kind: 'lower'; by_pp: number; why: string }
  /** `until`: the new deadline step; for a lapse, the deadline an extension would have set. */
  | { kind: 'extend'; agreement: string; until: number; why: string }
  | { kind: 'lapse'; agreement: string; until: number; why: string }
  /** Moves of its own, as given (a concession package): each is made if the model accepts it. */
  | { kind: 'moves'; moves: Move[]; why: string };

export const HOLD: Intent = Object.freeze({ kind: 'hold', decision: true });
export const IDLE: Intent = Object.freeze({ kind: 'hold', decision: false });

export interface StrategyContext {
  actor: Actor;
  other: Actor;
  /** The actor's own tariff layer that the strategy raises and lowers. */
  layer: string;
  step_unit: StepUnit;
  /** Resolves a step index or an ISO date to a step. */
  stepOf: (when: number | string) => number;
}

export interface Strategy {
  /** The type name, as in the file; moves carry the source strategy:<name>. */
  name: string;
  /** Probability of a mistake per decision. */
  noise: number;
  /** A mistaken escalation (a hold that misfires) raises the layer by this much, up to cap_pct. */
  step_pp: number;
  cap_pct: number;
  decide(view: DecisionView): Intent;
  /** The first step, from the state's on, at which it may intend anything while the measures stay put (see Decider.quiet); absent: any step. */
  idleUntil?(state: State): number;
}

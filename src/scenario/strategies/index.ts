// The strategy library: each actor's strategy becomes part of one Decider. Every step from 1 each
// noisy strategy draws exactly one uniform (fired or not), so the stream stays aligned across runs
// and scenarios; then its intent, possibly mistaken, becomes a legal move or nothing.

import { resolveWhen } from '../../model/calendar.js';
import type { Move, SourcedMove } from '../../model/moves.js';
import type { Actor, State, StepUnit } from '../../model/types.js';
import { applyMove, MoveError } from '../../model/reducers/index.js';
import { applyMoves } from '../../engine/step.js';
import type { Baseline } from '../../model/baseline.js';
import type { Decider, LineLookup } from '../compile.js';
import { fieldName, InputError } from '../errors.js';
import { emit, lapseWins, mistaken } from './common.js';
import { conciliatory } from './conciliatory.js';
import { costThreshold } from './costThreshold.js';
import { deadlineBargainer } from './deadlineBargainer.js';
import { escalateToCap } from './escalateToCap.js';
import { grimTrigger } from './grimTrigger.js';
import type { StrategiesSpec, StrategySpec } from './schema.js';
import { scripted } from './scripted.js';
import { titForTat } from './titForTat.js';
import type { Strategy, StrategyContext } from './types.js';

export type { StrategiesSpec, StrategySpec } from './schema.js';
export type { Intent, Strategy, StrategyContext } from './types.js';
export { HOLD, IDLE } from './types.js';

export const DEFAULT_LAYER: Record<Actor, string> = { us: 'us_ieepa_reciprocal', cn: 'cn_retaliation' };

const EMPTY: SourcedMove[] = [];
Object.freeze(EMPTY);

export function makeStrategy(spec: StrategySpec, ctx: StrategyContext): Strategy {
  switch (spec.type) {
    case 'scripted':
      return scripted();
    case 'tit_for_tat':
      return titForTat(spec, ctx);
    case 'escalate_to_cap':
      return escalateToCap(spec, ctx);
    case 'conciliatory':
      return conciliatory(spec, ctx);
    case 'grim_trigger':
      return grimTrigger(spec, ctx);
    case 'deadline_bargainer':
      return deadlineBargainer(spec, ctx);
    case 'cost_threshold':
      return costThreshold(spec, ctx);
  }
}

function afterScript(state: State, scripted: SourcedMove[] | undefined): State {
  if (!scripted || scripted.length === 0) return state;
  try {
    return applyMoves(state, scripted).state;
  } catch {
    return state; // the step will fail on the script itself, with the script's own error
  }
}

export interface StrategyWorld {
  baseline: Baseline;
  timeline: SourcedMove[][];
  start: string;
  step_unit: StepUnit;
}

/** Layer and agreement ids the baseline has or the timeline creates (summits and lapses included). */
function knownIds(world: StrategyWorld): { layers: Record<Actor, Set<string>>; agreements: Set<string> } {
  const layers = { us: new Set(world.baseline.us_layers.map((l) => l.id)), cn: new Set(world.baseline.cn_layers.map((l) => l.id)) };
  const agreements = new Set(world.baseline.agreements.map((a) => a.id));
  const visit = (m: Move): void => {
    if (m.type === 'add_tariff_layer') layers[m.actor].add(m.layer);
    if (m.type === 'sign_agreement') {
      agreements.add(m.agreement);
      (m.on_lapse ?? []).forEach(visit);
    }
    if (m.type === 'hold_summit') m.moves.forEach(visit);
  };
  for (const step of world.timeline) for (const sm of step) visit(sm.move);
  return { layers, agreements };
}

export function compileStrategies(file: string, spec: StrategiesSpec | undefined, lineOf: LineLookup, world: StrategyWorld): Decider | null {
  if (!spec) return null;
  const known = knownIds(world);
  const strategies: { s: Strategy; ctx: StrategyContext }[] = [];
  for (const actor of ['us', 'cn'] as const) {
    const p = spec[actor];
    if (!p || p.type === 'scripted') continue;
    const fail = (field: string, msg: string): never => {
      const path = ['strategies', actor, field];
      throw new InputError(file, lineOf(path), fieldName(path), msg);
    };
    const layer = p.layer ?? DEFAULT_LAYER[actor];
    if (!known.layers[actor].has(layer)) fail(p.layer ? 'layer' : 'type', `unknown ${actor} layer "${layer}" (known: ${[...known.layers[actor]].join(', ')})`);
    if (p.type === 'cost_threshold') {
      if (p.concede_above_bn === undefined && p.concede_above_gdp_pct === undefined) fail('type', 'needs concede_above_bn or concede_above_gdp_pct: the cost at which it gives way');
      p.concede.forEach((m, i) => {
        if (m.actor !== actor) {
          const path = ['strategies', actor, 'concede', i, 'actor'];
          throw new InputError(file, lineOf(path), fieldName(path), `a concession is ${actor}'s own move, not ${m.actor}'s`);
        }
        // An illegal concession is dropped when it is due: a misspelt layer or agreement would go unnoticed.
        const path = ['strategies', actor, 'concede', i];
        if ('layer' in m && m.type !== 'add_tariff_layer' && !known.layers[actor].has(m.layer))
          throw new InputError(file, lineOf([...path, 'layer']), fieldName([...path, 'layer']), `unknown ${actor} layer "${m.layer}" (known: ${[...known.layers[actor]].join(', ')})`);
        if ((m.type === 'extend_agreement' || m.type === 'let_agreement_lapse') && !known.agreements.has(m.agreement))
          throw new InputError(file, lineOf([...path, 'agreement']), fieldName([...path, 'agreement']), `unknown agreement "${m.agreement}" (known: ${[...known.agreements].join(', ') || 'none'})`);
      });
    }
    if (p.type === 'deadline_bargainer' && p.agreement !== undefined && !known.agreements.has(p.agreement))
      fail('agreement', `unknown agreement "${p.agreement}" (known: ${[...known.agreements].join(', ') || 'none'})`);
    const ctx: StrategyContext = {
      actor,
      other: actor === 'us' ? 'cn' : 'us',
      layer,
      step_unit: world.step_unit,
      stepOf: (when) => resolveWhen(world.start, world.step_unit, when),
    };
    strategies.push({ s: makeStrategy(p, ctx), ctx });
  }
  if (strategies.length === 0) return null;

  const decider: Decider = (view) => {
    // Step 0 has no previous metrics: strategies start deciding at step 1.
    if (view.metrics === null) return EMPTY;
    let out = EMPTY;
    // The state the moves will meet: after this step's scripted moves (worked out only when needed).
    let after: State | null = null;
    for (let i = 0; i < strategies.length; i++) {
      const { s, ctx } = strategies[i];
      const u = s.noise > 0 ? view.rng.next() : 1;
      let intent = s.decide(view);
      if (u < s.noise) intent = mistaken(intent, s, view, ctx);
      if (intent.kind === 'hold') continue;
      after ??= afterScript(view.state, world.timeline[view.state.step]);
      const before = out.length;
      out = emit(intent, s, ctx, after, out, EMPTY);
      // A move the model would refuse (the script already changed the layer or ended the truce) is dropped.
      for (let j = before; j < out.length; ) {
        const m = out[j];
        try {
          after = applyMove(after, m.move, { source: m.source }).state;
          j++;
        } catch (e) {
          if (!(e instanceof MoveError)) throw e;
          out.splice(j, 1);
        }
      }
    }
    return out === EMPTY || out.length === 0 ? EMPTY : lapseWins(out);
  };
  // Quiet while every strategy is idle. Each noisy one still draws every step, but an idle
  // strategy has nothing to get wrong (a mistake flips a decision, and there is none).
  if (strategies.every(({ s }) => s.idleUntil)) {
    const draws = strategies.filter(({ s }) => s.noise > 0).length;
    decider.quiet = (view) => {
      // Step 0 has no previous metrics: the strategies start at step 1.
      let until = view.metrics === null ? view.state.step + 1 : Infinity;
      for (const { s } of strategies) until = Math.min(until, s.idleUntil!(view.state));
      return { until, draws_per_step: view.metrics === null ? 0 : draws };
    };
  }
  return decider;
}

// A scenario's rules become one Decider: conditions compiled once at load, one shared Float64Array
// filled once per step with only the names some rule reads, then each rule tested in file order.

import type { Metrics } from '../../model/metrics.js';
import type { Move, SourcedMove } from '../../model/moves.js';
import type { Params } from '../../model/params.js';
import type { Decider, DecisionView, LineLookup } from '../compile.js';
import { fieldName, InputError } from '../errors.js';
import { shippedCondition } from '../parsedAtBuild.js';
import { fixedWhileMeasures, isMetricSlot, isParamSlot, metricAt, paramAt, RULE_NAMES, SLOT, STATE_GETTERS, type StateName } from './names.js';
import { recall, remember } from './memory.js';
import { type Closure, compileParsed, explain, type ParsedCondition, parseCondition, RuleSyntaxError } from './sandbox.js';
import type { RuleSpec } from './schema.js';

const EMPTY: SourcedMove[] = [];
Object.freeze(EMPTY);

interface CompiledRule {
  id: string;
  source: string;
  memoryKey: string;
  test: Closure;
  /** The condition cannot hold before the measures change (sandbox.ts). */
  staysFalse: (env: Float64Array) => boolean;
  template: (string | number)[];
  moves: { move: Move; origin: SourcedMove['origin'] }[];
  probability: number;
  cooldown: number;
  once: boolean;
  why: string | undefined;
}

/** How a rule's condition text becomes a parsed tree: with mathjs, or from a tree parsed elsewhere. */
export type ConditionParser = (text: string) => ParsedCondition;

/** A shipped condition's tree comes from the build (parsedAtBuild.ts); compileParsed checks it as any other. */
export const parseWithMathjs: ConditionParser = (text) => (shippedCondition(text) as ParsedCondition | undefined) ?? parseCondition(text, SLOT);

/** Parses and checks every rule; returns null when there are none. */
export function compileRules(file: string, rules: RuleSpec[] | undefined, lineOf: LineLookup, parse: ConditionParser = parseWithMathjs): Decider | null {
  if (!rules || rules.length === 0) return null;
  const fail = (path: (string | number)[], msg: string): never => {
    throw new InputError(file, lineOf(path), fieldName(path), msg);
  };
  const seen = new Set<string>();
  const used = new Set<number>();
  const compiled = rules.map((r, i): CompiledRule => {
    if (seen.has(r.id)) fail(['rules', i, 'id'], `duplicate rule id "${r.id}"`);
    seen.add(r.id);
    if ((r.move === undefined) === (r.moves === undefined)) fail(['rules', i], 'give either move or moves');
    let cond;
    try {
      cond = compileParsed(parse(r.when), SLOT, fixedWhileMeasures);
    } catch (e) {
      if (e instanceof RuleSyntaxError) return fail(['rules', i, 'when'], e.message);
      throw e;
    }
    for (const s of cond.slots) used.add(s);
    const list = r.move !== undefined ? [{ move: r.move, path: ['rules', i, 'move'] }] : r.moves!.map((move, mi) => ({ move, path: ['rules', i, 'moves', mi] }));
    for (const { move, path } of list) {
      if (r.actor !== undefined && move.actor !== r.actor) fail([...path, 'actor'], `${move.actor} does not match the rule's actor ${r.actor}`);
    }
    return {
      id: r.id,
      source: `rule:${r.id}`,
      memoryKey: `rule:${r.id}`,
      test: cond.fn,
      staysFalse: cond.stays_false,
      template: cond.template,
      moves: list.map(({ move, path }) => ({ move, origin: { file, path } })),
      probability: r.probability ?? 1,
      cooldown: r.cooldown ?? 0,
      once: r.once ?? false,
      why: r.why,
    };
  });
  return rulesDecider(compiled, [...used].sort((a, b) => a - b));
}

function rulesDecider(rules: CompiledRule[], used: number[]): Decider {
  const env = new Float64Array(RULE_NAMES.length);
  const metricSlots: number[] = [];
  const metricNames: (keyof Metrics)[] = [];
  const paramSlots: number[] = [];
  const paramNames: (keyof Params)[] = [];
  const stateSlots: number[] = [];
  const stateGetters: ((s: DecisionView['state']) => number)[] = [];
  for (const slot of used) {
    if (isMetricSlot(slot)) {
      metricSlots.push(slot);
      metricNames.push(metricAt(slot));
    } else if (isParamSlot(slot)) {
      paramSlots.push(slot);
      paramNames.push(paramAt(slot));
    } else {
      stateSlots.push(slot);
      stateGetters.push(STATE_GETTERS[RULE_NAMES[slot] as StateName]);
    }
  }
  let lastParams: Params | null = null;
  const fill = (view: Omit<DecisionView, 'rng'>, m: Metrics): void => {
    for (let i = 0; i < metricSlots.length; i++) env[metricSlots[i]] = m[metricNames[i]];
    for (let i = 0; i < stateSlots.length; i++) env[stateSlots[i]] = stateGetters[i](view.state);
    if (view.params !== lastParams) {
      for (let i = 0; i < paramSlots.length; i++) env[paramSlots[i]] = view.params[paramNames[i]];
      lastParams = view.params;
    }
  };
  const draws = rules.filter((r) => r.probability < 1).length;

  const decider: Decider = (view) => {
    // Step 0 has no previous metrics: rules start at step 1, and draw nothing before.
    const m = view.metrics;
    if (m === null) return EMPTY;
    fill(view, m);
    const step = view.state.step;
    let out = EMPTY;
    for (let i = 0; i < rules.length; i++) {
      const r = rules[i];
      // One uniform per probabilistic rule every step, fired or not: paired runs stay aligned.
      const u = r.probability < 1 ? view.rng.next() : 0;
      const last = recall(view, r.memoryKey);
      if (last !== undefined && (r.once || step - last < r.cooldown)) continue;
      if (!r.test(env)) continue;
      if (r.probability < 1 && u >= r.probability) continue;
      const values = explain(r.template, RULE_NAMES, env);
      const why = r.why ? `${r.why}: ${values}` : values;
      if (out === EMPTY) out = [];
      for (const { move, origin } of r.moves) out.push({ move, source: r.source, why, origin });
      remember(view, r.memoryKey, step);
    }
    return out;
  };

  // A rule cannot fire while it is spent (once), cooling down, or its condition cannot hold yet.
  decider.quiet = (view) => {
    const step = view.state.step;
    const m = view.metrics;
    if (m === null) return { until: step + 1, draws_per_step: 0 };
    fill(view, m);
    let until = Infinity;
    for (const r of rules) {
      const last = recall(view, r.memoryKey);
      if (last !== undefined && r.once) continue;
      if (r.staysFalse(env)) continue;
      until = Math.min(until, last === undefined ? step : Math.max(step, last + r.cooldown));
    }
    return { until, draws_per_step: draws };
  };
  return decider;
}

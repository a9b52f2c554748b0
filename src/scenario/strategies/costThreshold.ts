// Cost threshold: an actor that weighs what the dispute costs it. It concedes (the moves it is
// given, once) when its own economic cost passes a level, in $bn a year or as a share of its GDP;
// until then, every every_steps steps, it escalates (raises its layer by step_pp) while the other
// side's cost has grown faster than its own since it last looked, as pressure that works. The costs
// are metrics (the ledgers by default), read from the previous step.

import type { MetricName } from '../../model/metrics.js';
import type { Move } from '../../model/moves.js';
import type { DecisionView } from '../compile.js';
import { recall, rememberAll } from '../rules/memory.js';
import { fmt, layerRate } from './common.js';
import type { CostThresholdParams } from './costThreshold.schema.js';
import { HOLD, IDLE, type Intent, type Strategy, type StrategyContext } from './types.js';

export const DEFAULT_COST_METRIC: Record<'us' | 'cn', MetricName> = { us: 'us_economic_cost_bn', cn: 'cn_economic_cost_bn' };

export function costThreshold(p: CostThresholdParams, ctx: StrategyContext): Strategy {
  const own = p.cost_metric ?? DEFAULT_COST_METRIC[ctx.actor];
  const other = p.other_cost_metric ?? DEFAULT_COST_METRIC[ctx.other];
  const every = p.every_steps ?? 4;
  const escalate = p.escalate ?? true;
  const stepPp = p.step_pp ?? 10;
  const cap = p.cap_pct ?? 125;
  const gdpParam = ctx.actor === 'us' ? 'us_gdp_2024_bn' : 'cn_gdp_2024_bn';
  const concede: Move[] = p.concede;
  const OTHER = ctx.other.toUpperCase();
  const k = { conceded: `${ctx.actor}:cost:conceded`, own: `${ctx.actor}:cost:own_bn`, other: `${ctx.actor}:cost:other_bn` };

  /** The cost at which it gives way, $bn a year: the lower of the two levels it was given. */
  const limitOf = (view: DecisionView): number => {
    let limit = p.concede_above_bn ?? Infinity;
    if (p.concede_above_gdp_pct !== undefined) limit = Math.min(limit, (p.concede_above_gdp_pct / 100) * view.params[gdpParam]);
    return limit;
  };

  const decide = (view: DecisionView): Intent => {
    if (recall(view, k.conceded) !== undefined) return IDLE; // it has given way: nothing left to decide
    const m = view.metrics as NonNullable<DecisionView['metrics']>;
    const t = view.state.step;
    const ownBn = m[own];
    const limit = limitOf(view);
    if (ownBn > limit) {
      rememberAll(view, { [k.conceded]: t });
      return { kind: 'moves', moves: concede, why: `cost threshold: its cost ${fmt(ownBn)}bn/yr (${own}) passed ${fmt(limit)}bn/yr` };
    }
    if (!escalate || t % every !== 0) return IDLE;
    const otherBn = m[other];
    const ownThen = recall(view, k.own);
    const otherThen = recall(view, k.other);
    rememberAll(view, { [k.own]: ownBn, [k.other]: otherBn });
    if (ownThen === undefined || otherThen === undefined) return HOLD; // the first look is the reference
    const ownGrowth = ownBn - ownThen;
    const otherGrowth = otherBn - (otherThen as number);
    if (!(otherGrowth > 0 && otherGrowth > ownGrowth)) return HOLD;
    const by = Math.min(stepPp, cap - layerRate(view.state, ctx.actor, ctx.layer));
    return by > 0 ? { kind: 'raise', by_pp: by, why: `cost threshold: ${OTHER}'s cost grew ${fmt(otherGrowth)}bn/yr, its own ${fmt(ownGrowth)}bn/yr` } : HOLD;
  };
  return { name: 'cost_threshold', noise: p.noise ?? 0, step_pp: stepPp, cap_pct: cap, decide };
}

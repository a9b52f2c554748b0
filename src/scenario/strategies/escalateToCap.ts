// Escalate to a cap: from `start`, raise our layer by step_pp every every_steps steps until it
// reaches cap_pct, whatever the other side does.

import type { DecisionView } from '../compile.js';
import { fmt, layerRate } from './common.js';
import { HOLD, type Intent, type Strategy, type StrategyContext } from './types.js';
import type { EscalateToCapParams } from './escalateToCap.schema.js';

export function escalateToCap(p: EscalateToCapParams, ctx: StrategyContext): Strategy {
  const stepPp = p.step_pp ?? 10;
  const every = p.every_steps ?? 4;
  const cap = p.cap_pct ?? 100;
  const start = Math.max(1, p.start === undefined ? 1 : ctx.stepOf(p.start));
  const decide = (view: DecisionView): Intent => {
    const t = view.state.step;
    if (t < start || (t - start) % every !== 0) return HOLD;
    const rate = layerRate(view.state, ctx.actor, ctx.layer);
    const by = Math.min(stepPp, cap - rate);
    return by > 0 ? { kind: 'raise', by_pp: by, why: `escalating to the cap: ${ctx.layer} at ${fmt(rate)}% of ${fmt(cap)}%` } : HOLD;
  };
  return { name: 'escalate_to_cap', noise: p.noise ?? 0, step_pp: stepPp, cap_pct: cap, decide };
}

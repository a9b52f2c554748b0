// Grim trigger: cooperates (holds) until the other side has escalated more than
// tolerated_escalations times in the run; from then on punishes for good, raising our layer by
// punish_pp every every_steps steps up to cap_pct, and never concedes.

import type { DecisionView } from '../compile.js';
import { recall, remember } from '../rules/memory.js';
import { fmt, layerRate } from './common.js';
import { HOLD, type Intent, type Strategy, type StrategyContext } from './types.js';
import type { GrimTriggerParams } from './grimTrigger.schema.js';

export function grimTrigger(p: GrimTriggerParams, ctx: StrategyContext): Strategy {
  const tolerated = p.tolerated_escalations ?? 0;
  const punish = p.punish_pp ?? 25;
  const every = p.every_steps ?? 4;
  const cap = p.cap_pct ?? 125;
  const key = `${ctx.actor}:grim:triggered_step`;
  const OTHER = ctx.other.toUpperCase();
  const decide = (view: DecisionView): Intent => {
    const s = view.state;
    const t = s.step;
    let since = recall(view, key);
    if (since === undefined) {
      if (s.record[ctx.other].escalations <= tolerated) return HOLD;
      since = t;
      remember(view, key, t);
    }
    if ((t - since) % every !== 0) return HOLD;
    const rate = layerRate(s, ctx.actor, ctx.layer);
    const by = Math.min(punish, cap - rate);
    const n = s.record[ctx.other].escalations;
    return by > 0 ? { kind: 'raise', by_pp: by, why: `grim trigger: ${OTHER} escalated ${n} time${n > 1 ? 's' : ''}; punishing since step ${since} (${ctx.layer} at ${fmt(rate)}%)` } : HOLD;
  };
  return { name: 'grim_trigger', noise: p.noise ?? 0, step_pp: punish, cap_pct: cap, decide };
}

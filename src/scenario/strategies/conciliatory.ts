// Conciliatory: lower our layer by step_pp every every_steps steps down to floor_pct, unless the
// other side escalated within patience_steps; and extend truces at their deadline.

import type { DecisionView } from '../compile.js';
import { fmt, layerRate, stepsOfWeeks, watchedAgreement } from './common.js';
import { HOLD, type Intent, type Strategy, type StrategyContext } from './types.js';
import type { ConciliatoryParams } from './conciliatory.schema.js';

export function conciliatory(p: ConciliatoryParams, ctx: StrategyContext): Strategy {
  const stepPp = p.step_pp ?? 5;
  const every = p.every_steps ?? 4;
  const floor = p.floor_pct ?? 0;
  const patience = p.patience_steps ?? 4;
  const extend = p.extend_truces ?? true;
  const extendSteps = stepsOfWeeks(p.extend_weeks ?? 52, ctx.step_unit);
  const decide = (view: DecisionView): Intent => {
    const s = view.state;
    const t = s.step;
    if (extend) {
      const a = watchedAgreement(s, undefined);
      if (a !== null && a.expires_step === t) {
        return { kind: 'extend', agreement: a.id, until: t + extendSteps, why: `conciliatory: extends ${a.label} at its deadline` };
      }
    }
    if (t % every !== 0) return HOLD;
    const last = s.record[ctx.other].last_escalation_step;
    if (last !== null && t - last <= patience) return HOLD;
    const rate = layerRate(s, ctx.actor, ctx.layer);
    const by = Math.min(stepPp, rate - floor);
    return by > 0 ? { kind: 'lower', by_pp: by, why: `conciliatory: lowers ${ctx.layer} from ${fmt(rate)}%` } : HOLD;
  };
  return { name: 'conciliatory', noise: p.noise ?? 0, step_pp: stepPp, cap_pct: p.cap_pct ?? 125, decide };
}

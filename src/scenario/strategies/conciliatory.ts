// Conciliatory: lower our layer by step_pp every every_steps steps down to floor_pct, unless the
// other side escalated within patience_steps; and extend truces at their deadline.

import { z } from 'zod';
import type { DecisionView } from '../compile.js';
import { fmt, layerRate, stepsOfWeeks, watchedAgreement } from './common.js';
import { capPct, everySteps, floorPct, layer, noise, stepPp } from './params.js';
import { HOLD, type Intent, type Strategy, type StrategyContext } from './types.js';

export const conciliatorySchema = z.strictObject({
  type: z.literal('conciliatory'),
  layer,
  noise,
  step_pp: stepPp.describe('default 5'),
  every_steps: everySteps.describe('default 4'),
  floor_pct: floorPct.describe('default 0'),
  cap_pct: capPct.describe('limits mistaken raises; default 125'),
  patience_steps: z.number().int().min(0).max(520).optional().describe('no concession this many steps after an escalation by the other side; default 4'),
  extend_truces: z.boolean().optional().describe('extend an active truce at its deadline; default true'),
  extend_weeks: z.number().min(1).max(520).optional().describe('length of an extension; default 52'),
});

export function conciliatory(p: z.infer<typeof conciliatorySchema>, ctx: StrategyContext): Strategy {
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

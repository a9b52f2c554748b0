// Deadline bargainer: near a truce's deadline, extends it while tension is at most
// max_escalation_index and lets it lapse otherwise. It decides once per deadline.

import { z } from 'zod';
import { id } from '../schema/common.js';
import type { Agreement, State } from '../../model/types.js';
import type { DecisionView } from '../compile.js';
import { fmt, stepsOfWeeks, watchedAgreement } from './common.js';
import { capPct, layer, noise, stepPp } from './params.js';
import { IDLE, type Intent, type Strategy, type StrategyContext } from './types.js';

export const deadlineBargainerSchema = z.strictObject({
  type: z.literal('deadline_bargainer'),
  layer,
  noise,
  agreement: id.optional().describe('the agreement it watches; default the active truce due first'),
  decide_steps_before: z.number().int().min(0).max(52).optional().describe('decides this many steps before the deadline (0: at the deadline); default 0'),
  max_escalation_index: z.number().min(0).max(100).optional().describe('extends while the escalation index is at most this; default 60'),
  extend_weeks: z.number().min(1).max(520).optional().describe('length of an extension; default 52'),
  step_pp: stepPp.describe('a mistaken escalation raises the layer by this; default 10'),
  cap_pct: capPct.describe('default 125'),
});

export function deadlineBargainer(p: z.infer<typeof deadlineBargainerSchema>, ctx: StrategyContext): Strategy {
  const before = p.decide_steps_before ?? 0;
  const maxTension = p.max_escalation_index ?? 60;
  const maxText = fmt(maxTension);
  const extendSteps = stepsOfWeeks(p.extend_weeks ?? 52, ctx.step_unit);
  // The agreement it watches changes only with the agreements array (replaced, never mutated):
  // remember the last one, as it is asked every step of every run.
  let seen: Agreement[] | null = null;
  let watched: Agreement | null = null;
  const watchedIn = (s: State): Agreement | null => {
    if (s.agreements !== seen) {
      seen = s.agreements;
      watched = watchedAgreement(s, p.agreement);
    }
    return watched;
  };
  // It acts only at its decision step: until then (or for ever, once past it) it is idle.
  const idleUntil = (s: State): number => {
    const a = watchedIn(s);
    const at = a === null ? Infinity : (a.expires_step as number) - before;
    return at >= s.step ? at : Infinity;
  };
  const decide = (view: DecisionView): Intent => {
    const s = view.state;
    const a = watchedIn(s);
    if (a === null || (a.expires_step as number) - s.step !== before) return IDLE;
    const until = (a.expires_step as number) + extendSteps;
    const tension = s.escalation_index;
    // The reason is written only if a move is made: most decisions meet a truce the script has
    // already replaced, and formatting numbers costs more than the rest of the decision.
    return tension <= maxTension
      ? { kind: 'extend', agreement: a.id, until, get why() { return `deadline bargainer: tension ${fmt(tension)} <= ${maxText}, extends ${a.label}`; } }
      : { kind: 'lapse', agreement: a.id, until, get why() { return `deadline bargainer: tension ${fmt(tension)} > ${maxText}, lets ${a.label} lapse`; } };
  };
  return { name: 'deadline_bargainer', noise: p.noise ?? 0, step_pp: p.step_pp ?? 10, cap_pct: p.cap_pct ?? 125, decide, idleUntil };
}

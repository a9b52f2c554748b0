// Deadline bargainer: near a truce's deadline, extends it while tension is at most
// max_escalation_index and lets it lapse otherwise; or, weighing the ledger, extends while its own
// share of the two sides' economic costs is at least min_cost_share. It decides once per deadline.

import type { Agreement, State } from '../../model/types.js';
import type { DecisionView } from '../compile.js';
import { fmt, stepsOfWeeks, watchedAgreement } from './common.js';
import { DEFAULT_COST_METRIC } from './costThreshold.js';
import { IDLE, type Intent, type Strategy, type StrategyContext } from './types.js';
import type { DeadlineBargainerParams } from './deadlineBargainer.schema.js';

export function deadlineBargainer(p: DeadlineBargainerParams, ctx: StrategyContext): Strategy {
  const before = p.decide_steps_before ?? 0;
  const maxTension = p.max_escalation_index ?? 60;
  const maxText = fmt(maxTension);
  const extendSteps = stepsOfWeeks(p.extend_weeks ?? 52, ctx.step_unit);
  const weigh = p.weigh ?? 'tension';
  const minShare = p.min_cost_share ?? 0.5;
  const ownMetric = p.cost_metric ?? DEFAULT_COST_METRIC[ctx.actor];
  const otherMetric = p.other_cost_metric ?? DEFAULT_COST_METRIC[ctx.other];
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
    if (weigh === 'tension') {
      // The reason is written only if a move is made: most decisions meet a truce the script has
      // already replaced, and formatting numbers costs more than the rest of the decision.
      return tension <= maxTension
        ? { kind: 'extend', agreement: a.id, until, get why() { return `deadline bargainer: tension ${fmt(tension)} <= ${maxText}`; } }
        : { kind: 'lapse', agreement: a.id, until, get why() { return `deadline bargainer: tension ${fmt(tension)} > ${maxText}`; } };
    }
    // The ledger: its own share of what the dispute costs the two sides (the previous step's metrics).
    const m = view.metrics as NonNullable<DecisionView['metrics']>;
    const ownBn = m[ownMetric];
    const total = ownBn + m[otherMetric];
    const share = total > 0 ? ownBn / total : 0.5;
    const ledgerSays = share >= minShare;
    const tensionSays = tension <= maxTension;
    const extend = weigh === 'ledger' ? ledgerSays : ledgerSays && tensionSays;
    const reason = () =>
      `deadline bargainer: its cost share ${fmt(share)} ${ledgerSays ? '>=' : '<'} ${fmt(minShare)}` + (weigh === 'both' ? `, tension ${fmt(tension)} ${tensionSays ? '<=' : '>'} ${maxText}` : '');
    return extend ? { kind: 'extend', agreement: a.id, until, get why() { return reason(); } } : { kind: 'lapse', agreement: a.id, until, get why() { return reason(); } };
  };
  return { name: 'deadline_bargainer', noise: p.noise ?? 0, step_pp: p.step_pp ?? 10, cap_pct: p.cap_pct ?? 125, decide, idleUntil };
}

// Tit-for-tat, proportional and with a lag: answers a change in the other side's tariff on our
// goods with a change of our layer in proportion (ratio pp per pp), and other escalations or
// concessions seen in the other side's record (curbs, controls, snapbacks) with step_pp.
// Remembers what it has already answered, so each move of the other side is answered once.

import type { DecisionView } from '../compile.js';
import { recall, rememberAll } from '../rules/memory.js';
import { fmt, layerRate, otherTariffMetric } from './common.js';
import { HOLD, type Intent, type Strategy, type StrategyContext } from './types.js';
import type { TitForTatParams } from './titForTat.schema.js';

export function titForTat(p: TitForTatParams, ctx: StrategyContext): Strategy {
  const lag = p.lag_steps ?? 1;
  const ratio = p.ratio ?? 1;
  const threshold = p.threshold_pp ?? 1;
  const stepPp = p.step_pp ?? 10;
  const cap = p.cap_pct ?? 125;
  const floor = p.floor_pct ?? 0;
  const metric = otherTariffMetric(ctx.actor);
  const other = ctx.other;
  const OTHER = other.toUpperCase();
  const k = { seen: `${ctx.actor}:tft:seen_pct`, esc: `${ctx.actor}:tft:escalations`, con: `${ctx.actor}:tft:concessions`, since: `${ctx.actor}:tft:since` };

  const decide = (view: DecisionView): Intent => {
    const x = (view.metrics as NonNullable<DecisionView['metrics']>)[metric];
    const rec = view.state.record[other];
    const t = view.state.step;
    const seen = recall(view, k.seen);
    if (seen === undefined) {
      // First decision: what the other side has in force now is the reference, not a move to answer.
      rememberAll(view, { [k.seen]: x, [k.esc]: rec.escalations, [k.con]: rec.concessions, [k.since]: -1 });
      return HOLD;
    }
    const delta = x - seen;
    const newEsc = rec.escalations - (recall(view, k.esc) as number);
    const newCon = rec.concessions - (recall(view, k.con) as number);
    if (Math.abs(delta) < threshold && newEsc <= 0 && newCon <= 0) return HOLD;
    let since = recall(view, k.since) as number;
    if (since < 0) {
      since = t;
      rememberAll(view, { [k.since]: t });
    }
    if (t - since < lag - 1) return HOLD;
    rememberAll(view, { [k.seen]: x, [k.esc]: rec.escalations, [k.con]: rec.concessions, [k.since]: -1 });
    const rate = layerRate(view.state, ctx.actor, ctx.layer);
    if (delta >= threshold) {
      const by = Math.min(ratio * delta, cap - rate);
      return by > 0 ? { kind: 'raise', by_pp: by, why: `tit for tat: ${OTHER} tariff on us rose ${fmt(seen)}% -> ${fmt(x)}%` } : HOLD;
    }
    if (delta <= -threshold) {
      const by = Math.min(-ratio * delta, rate - floor);
      return by > 0 ? { kind: 'lower', by_pp: by, why: `tit for tat: ${OTHER} tariff on us fell ${fmt(seen)}% -> ${fmt(x)}%` } : HOLD;
    }
    if (newEsc > newCon) {
      const by = Math.min(stepPp, cap - rate);
      return by > 0 ? { kind: 'raise', by_pp: by, why: `tit for tat: ${OTHER} escalated (${newEsc} move${newEsc > 1 ? 's' : ''}, last at step ${rec.last_escalation_step})` } : HOLD;
    }
    if (newCon > newEsc) {
      const by = Math.min(stepPp, rate - floor);
      return by > 0 ? { kind: 'lower', by_pp: by, why: `tit for tat: ${OTHER} conceded (${newCon} move${newCon > 1 ? 's' : ''}, last at step ${rec.last_concession_step})` } : HOLD;
    }
    return HOLD;
  };
  return { name: 'tit_for_tat', noise: p.noise ?? 0, step_pp: stepPp, cap_pct: cap, decide };
}

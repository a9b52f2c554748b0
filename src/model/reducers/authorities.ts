// Moves on legal authorities: a court voids one (its layers end on the collection-stop date),
// Congress extends a time-limited one, continuation of a Section 301 action is requested, duties
// collected under a voided one are refunded over a schedule.

import { addYears, authorityWith, requireAuthority, withAuthority } from '../authorities.js';
import { dateOfStep, resolveWhen } from '../calendar.js';
import { withChanges } from '../copy.js';
import type { AuthorityMove, MoveOf } from '../moves.js';
import type { RefundPhase, State } from '../types.js';
import { type MoveContext, type Outcome, MoveError, recorded, requireRange } from './common.js';

const MAX_REFUND_BN = 10_000;

function dateOf(state: State, step: number): string {
  return dateOfStep(state.start_date, state.step_unit, step);
}

/** A When as a date and a step; a step index stands for its date. */
function at(state: State, when: number | string): { date: string; step: number } {
  const step = resolveWhen(state.start_date, state.step_unit, when);
  return { date: typeof when === 'string' ? when : dateOf(state, step), step };
}

export function reduceAuthority(state: State, move: AuthorityMove, ctx: MoveContext): Outcome {
  switch (move.type) {
    case 'court_voids_authority':
      return voidAuthority(state, move, ctx);
    case 'congress_extends': {
      const a = requireAuthority(state, move, move.authority);
      if (a.max_days === null) throw new MoveError(move, 'authority', `${a.label} has no statutory time limit to extend`);
      if (a.ended) throw new MoveError(move, 'authority', `${a.label} has ended (${a.end_why})`);
      const until = at(state, move.until);
      if (until.step <= state.step) throw new MoveError(move, 'until', `${until.date} is not after the current step`);
      const next = authorityWith(a, { ends_date: until.date, ends_step: until.step, end_kind: 'limit', end_why: `the extension by Congress ran out on ${until.date}`, extended: true });
      return recorded(withChanges(state, { authorities: withAuthority(state, next) }), move, ctx, `Congress extends ${a.label} to ${until.date}`, 0);
    }
    case 'request_continuation': {
      const a = requireAuthority(state, move, move.authority);
      if (a.lapse_years === null) throw new MoveError(move, 'authority', `${a.label} does not lapse; there is nothing to continue`);
      if (a.ended) throw new MoveError(move, 'authority', `${a.label} has ended (${a.end_why})`);
      if (a.end_kind !== 'lapse' || a.ends_date === null) throw new MoveError(move, 'authority', `${a.label} has no lapse date pending`);
      const ends = addYears(a.ends_date, a.lapse_years);
      const next = authorityWith(a, { ends_date: ends, ends_step: resolveWhen(state.start_date, state.step_unit, ends) });
      return recorded(withChanges(state, { authorities: withAuthority(state, next) }), move, ctx, `Continuation of ${a.label} requested: it runs to ${ends} unless continued again`, 0);
    }
    case 'refund_duties':
      return refund(state, move, ctx);
  }
}

function voidAuthority(state: State, move: MoveOf<'court_voids_authority'>, ctx: MoveContext): Outcome {
  const a = requireAuthority(state, move, move.authority);
  if (a.ended) throw new MoveError(move, 'authority', `${a.label} has ended already (${a.end_why})`);
  const stop = at(state, move.stop);
  if (stop.step < state.step) throw new MoveError(move, 'stop', `${stop.date} is before the current step`);
  const who = move.case ?? 'a court';
  const why = `${who} held that it does not authorise tariffs; collection stopped on ${stop.date}`;
  const next = authorityWith(a, { ends_date: stop.date, ends_step: stop.step, end_kind: 'void', end_why: why });
  return recorded(withChanges(state, { authorities: withAuthority(state, next) }), move, ctx, `${who} voids ${a.label}: its tariffs end on ${stop.date}`, 0);
}

function refund(state: State, move: MoveOf<'refund_duties'>, ctx: MoveContext): Outcome {
  const a = requireAuthority(state, move, move.authority);
  if (a.end_kind !== 'void') throw new MoveError(move, 'authority', `duties under ${a.label} were lawfully collected; only a voided authority's duties are refunded`);
  requireRange(move, 'amount_bn', move.amount_bn, 0, MAX_REFUND_BN);
  if (move.schedule.length === 0) throw new MoveError(move, 'schedule', 'needs at least one phase');
  const phases: RefundPhase[] = [];
  let sum = 0;
  move.schedule.forEach((p, i) => {
    requireRange(move, `schedule[${i}].amount_bn`, p.amount_bn, 0, MAX_REFUND_BN);
    const from = at(state, p.from);
    const until = at(state, p.until);
    if (from.step < state.step) throw new MoveError(move, `schedule[${i}].from`, `${from.date} is before the current step`);
    if (until.step <= from.step) throw new MoveError(move, `schedule[${i}].until`, `${until.date} is not a step after ${from.date}`);
    phases.push({ label: move.label ?? `${a.label} refunds`, from_step: from.step, until_step: until.step, per_step_bn: p.amount_bn / (until.step - from.step) });
    sum += p.amount_bn;
  });
  // The phases are the schedule of the amount: they must add up to it (to a cent in a billion).
  if (Math.abs(sum - move.amount_bn) > 1e-9 * Math.max(1, move.amount_bn))
    throw new MoveError(move, 'schedule', `the phases add up to ${sum} bn, not the amount of ${move.amount_bn} bn`);
  const refunds = [...state.refunds, ...phases];
  const first = dateOf(state, phases[0].from_step);
  return recorded(withChanges(state, { refunds }), move, ctx, `US refunds ${move.amount_bn} bn of duties collected under ${a.label}, from ${first} in ${phases.length} phase${phases.length > 1 ? 's' : ''}`, 0);
}

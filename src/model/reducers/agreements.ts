// Agreements: signing, extending, letting lapse. What lapses is data (`on_lapse` moves), applied
// by the step when the deadline arrives without an extension.

import { agreementWith, withChanges } from '../copy.js';
import { dateOfStep, resolveWhen } from '../calendar.js';
import type { AgreementMove } from '../moves.js';
import { termsFromLapse } from '../truceTerms.js';
import type { Agreement, State } from '../types.js';
import { type MoveContext, type Outcome, MoveError, recorded } from './common.js';

function findAgreement(state: State, move: AgreementMove & { agreement: string }): number {
  const i = state.agreements.findIndex((a) => a.id === move.agreement);
  if (i < 0) {
    const known = state.agreements.map((a) => a.id).join(', ') || 'none';
    throw new MoveError(move, 'agreement', `unknown agreement "${move.agreement}" (known: ${known})`);
  }
  return i;
}

function replaced(state: State, index: number, a: Agreement): State {
  const agreements = state.agreements.slice();
  agreements[index] = a;
  return withChanges(state, { agreements });
}

// Each side's decision at a deadline is its own event: the line says whose it is ("US extends",
// "Both sides extend").
function whoDoes(actor: AgreementMove['actor'], does: string, do_: string): string {
  return actor === 'both' ? `Both sides ${do_}` : `${actor.toUpperCase()} ${does}`;
}

export function reduceAgreement(state: State, move: AgreementMove, ctx: MoveContext): Outcome {
  switch (move.type) {
    case 'sign_agreement': {
      const until = resolveWhen(state.start_date, state.step_unit, move.until);
      if (until <= state.step) throw new MoveError(move, 'until', `deadline step ${until} is not after the current step ${state.step}`);
      const a: Agreement = {
        id: move.agreement,
        label: move.label ?? move.agreement,
        is_truce: move.truce ?? true,
        active: true,
        expires_step: until,
        on_lapse: move.on_lapse ?? [],
        // A truce holds what its lapse would put back where it stands (a summit adds what it lowered: relations.ts).
        terms: (move.truce ?? true) ? termsFromLapse(move.on_lapse ?? [], state) : [],
        breached_by: null,
      };
      let base = state;
      if (move.replaces !== undefined) {
        const r = findAgreement(state, { ...move, agreement: move.replaces });
        base = replaced(state, r, agreementWith(state.agreements[r], { active: false }));
      }
      const i = base.agreements.findIndex((x) => x.id === move.agreement);
      if (i >= 0 && base.agreements[i].active) throw new MoveError(move, 'agreement', `"${move.agreement}" is already in force; extend it instead`);
      const next = i >= 0 ? replaced(base, i, a) : withChanges(base, { agreements: [...base.agreements, a] });
      const supersedes = move.replaces !== undefined ? `, superseding ${move.replaces}` : '';
      return recorded(next, move, ctx, `${a.label} signed, in force until ${dateOfStep(state.start_date, state.step_unit, until)}${supersedes}`, a.is_truce ? -10 : -5);
    }
    case 'extend_agreement': {
      const i = findAgreement(state, move);
      const a = state.agreements[i];
      if (!a.active) throw new MoveError(move, 'agreement', `"${a.id}" has lapsed; sign it again`);
      const until = resolveWhen(state.start_date, state.step_unit, move.until);
      if (until <= state.step) throw new MoveError(move, 'until', `deadline step ${until} is not after the current step ${state.step}`);
      return recorded(replaced(state, i, agreementWith(a, { expires_step: until })), move, ctx, `${whoDoes(move.actor, 'extends', 'extend')} ${a.label} to ${dateOfStep(state.start_date, state.step_unit, until)}`, -5);
    }
    case 'let_agreement_lapse': {
      const i = findAgreement(state, move);
      const a = state.agreements[i];
      if (!a.active) throw new MoveError(move, 'agreement', `"${a.id}" is not in force`);
      // Lapsing now: the deadline moves to this step and the step applies what lapses.
      return recorded(replaced(state, i, agreementWith(a, { expires_step: state.step })), move, ctx, `${whoDoes(move.actor, 'lets', 'let')} ${a.label} lapse`, 5);
    }
  }
}

// One entry for every move: dispatch on the move's type to its reducer.

import type { Move } from '../moves.js';
import { agreementWith, withChanges } from '../copy.js';
import { breachText, brokenTerm } from '../truceTerms.js';
import type { Actor, State } from '../types.js';
import { reduceAgreement } from './agreements.js';
import { type MoveContext, MoveError, type Outcome, withBreach } from './common.js';
import { reduceAuthority } from './authorities.js';
import { reduceRareEarth } from './rareEarths.js';
import { reduceRelations } from './relations.js';
import { reduceSoybean } from './soybeans.js';
import { reduceTariff } from './tariffs.js';
import { reduceTech } from './tech.js';

function dispatch(state: State, move: Move, ctx: MoveContext): Outcome {
  switch (move.type) {
    case 'set_tariff':
    case 'raise_tariff':
    case 'lower_tariff':
    case 'add_tariff_layer':
    case 'suspend_tariff':
    case 'restore_tariff':
    case 'threaten_tariff':
    case 'impose_threatened_tariff':
    case 'drop_tariff_threat':
      return reduceTariff(state, move, ctx);
    case 'impose_rare_earth_curbs':
    case 'relax_rare_earth_curbs':
    case 'issue_general_licences':
    case 'sign_diversification_pact':
      return reduceRareEarth(state, move, ctx);
    case 'commit_soybean_purchases':
    case 'stop_soybean_purchases':
      return reduceSoybean(state, move, ctx);
    case 'impose_tech_controls':
    case 'relax_tech_controls':
    case 'set_port_fees':
      return reduceTech(state, move, ctx);
    case 'sign_agreement':
    case 'extend_agreement':
    case 'let_agreement_lapse':
      return reduceAgreement(state, move, ctx);
    case 'cooperate_on_precursors':
    case 'settle_tiktok':
    case 'hold_summit':
      return reduceRelations(state, move, ctx, applyMove);
    case 'court_voids_authority':
    case 'congress_extends':
    case 'request_continuation':
    case 'refund_duties':
      return reduceAuthority(state, move, ctx);
  }
}

/** A breach raises tension as a lapse does. */
const BREACH_TENSION = 10;

/**
 * Applies a move; if it lifts a measure of its actor's above what an active truce holds it to
 * (truceTerms.ts), the truce is breached: it ends, the breach is an event naming the side and the
 * term, and what the truce held back returns as at a lapse (its `on_lapse` moves). Part of the
 * move's outcome, so the move memo replays it as it replays the move. A lapse's own moves
 * (source 'model') breach nothing: they are the truce ending.
 */
export function applyMove(state: State, move: Move, ctx: MoveContext): Outcome {
  const out = dispatch(state, move, ctx);
  if (move.actor === 'both' || ctx.source === 'model') return out;
  return breaches(state, out, move.actor, ctx);
}

function breaches(before: State, out: Outcome, actor: Actor, ctx: MoveContext): Outcome {
  const moved = out.state;
  let s = moved;
  let events = out.events;
  for (const a of moved.agreements) {
    if (!a.active || !a.is_truce || a.terms.length === 0) continue;
    const t = brokenTerm(a.terms, actor, before, moved);
    if (t === null) continue;
    const agreements = s.agreements.slice();
    agreements[agreements.findIndex((x) => x.id === a.id)] = agreementWith(a, { active: false, breached_by: actor });
    s = withChanges(s, { agreements, record: withBreach(s.record, actor, s.step) });
    if (events === out.events) events = events.slice();
    const text = `${actor.toUpperCase()} breaches ${a.label}: ${breachText(t, before, moved)}`;
    events.push({ step: s.step, actor, kind: 'breach', type: 'truce_breached', source: ctx.source, text: ctx.why ? `${text} (${ctx.why})` : text, tension_delta: BREACH_TENSION });
    for (const m of a.on_lapse) {
      try {
        const o = applyMove(s, m, { source: 'model', why: `${a.label} breached` });
        s = o.state;
        for (const e of o.events) events.push(e);
      } catch (e) {
        if (!(e instanceof MoveError)) throw e;
        const who = m.actor === 'both' ? 'model' : m.actor;
        events.push({ step: s.step, actor: who, kind: 'note', type: 'move_skipped', source: 'model', text: `${m.type} skipped: ${e.message.replace(/^[a-z_]+: /, '')}`, tension_delta: 0 });
      }
    }
  }
  return s === moved ? out : { state: s, events };
}

export { MoveError };
export type { MoveContext, Outcome } from './common.js';

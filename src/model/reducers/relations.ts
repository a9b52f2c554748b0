// Relations: fentanyl precursors, TikTok, and summits (bundles of moves from both sides).

import { agreementWith, withChanges } from '../copy.js';
import { loweredTerms, mergeTerms } from '../truceTerms.js';
import type { Move, RelationsMove } from '../moves.js';
import type { SimEvent, State } from '../types.js';
import { type MoveContext, type Outcome, recorded, requireActor, requireRange } from './common.js';

/**
 * A truce signed at a summit also holds what the summit lowered (a tariff cut, general licences, a
 * purchase commitment): lifting it again breaches the truce.
 */
function withSummitTerms(before: State, after: State, move: RelationsMove & { type: 'hold_summit' }): State {
  const signed = new Set<string>();
  for (const m of move.moves) if (m.type === 'sign_agreement') signed.add(m.agreement);
  if (signed.size === 0) return after;
  const lowered = loweredTerms(before, after);
  if (lowered.length === 0) return after;
  const agreements = after.agreements.slice();
  let changed = false;
  for (let i = 0; i < agreements.length; i++) {
    const a = agreements[i];
    if (!signed.has(a.id) || !a.active || !a.is_truce) continue;
    agreements[i] = agreementWith(a, { terms: mergeTerms(a.terms, lowered) });
    changed = true;
  }
  return changed ? withChanges(after, { agreements }) : after;
}

const TIKTOK_TENSION = { framework: -3, divested: -5, banned: 8 } as const;

export function reduceRelations(
  state: State,
  move: RelationsMove,
  ctx: MoveContext,
  apply: (s: State, m: Move, c: MoveContext) => Outcome,
): Outcome {
  switch (move.type) {
    case 'cooperate_on_precursors': {
      requireActor(move, 'cn');
      requireRange(move, 'level', move.level, 0, 1);
      const delta = move.level - state.precursor_cooperation;
      const text = `CN sets cooperation on fentanyl precursors to ${move.level.toFixed(2)} (was ${state.precursor_cooperation.toFixed(2)})`;
      return recorded(withChanges(state, { precursor_cooperation: move.level }), move, ctx, text, -10 * delta);
    }
    case 'settle_tiktok': {
      const text = `${move.actor.toUpperCase()}: TikTok ${move.outcome === 'banned' ? 'banned in the US' : move.outcome === 'divested' ? 'divestiture completed' : 'divestiture framework agreed'}`;
      return recorded(withChanges(state, { tiktok: move.outcome }), move, ctx, text, TIKTOK_TENSION[move.outcome]);
    }
    case 'hold_summit': {
      requireActor(move, 'both');
      const opened = recorded(state, move, ctx, `Summit: ${move.name}`, -5);
      let s = opened.state;
      const events: SimEvent[] = [...opened.events];
      for (const m of move.moves) {
        const out = apply(s, m, { source: ctx.source, why: move.name });
        s = out.state;
        events.push(...out.events);
      }
      return { state: withSummitTerms(state, s, move), events };
    }
  }
}

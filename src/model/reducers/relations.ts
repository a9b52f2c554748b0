// Relations: fentanyl precursors, TikTok, and summits (bundles of moves from both sides).

import { withChanges } from '../copy.js';
import type { Move, RelationsMove } from '../moves.js';
import type { SimEvent, State } from '../types.js';
import { type MoveContext, type Outcome, recorded, requireActor, requireRange } from './common.js';

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
      return { state: s, events };
    }
  }
}

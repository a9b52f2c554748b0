// US technology export controls (breadth, software-made items, the Affiliates Rule) and port fees.

import { withChanges } from '../copy.js';
import type { TechMove } from '../moves.js';
import type { State, TechControls } from '../types.js';
import { type MoveContext, type Outcome, MoveError, recorded, requireActor, requireRange } from './common.js';

/** How much each instrument adds to the breadth of controls (0..1). */
export function techRestriction(t: TechControls): number {
  return Math.min(1, t.level + (t.affiliates_rule ? 0.15 : 0) + (t.software_controls ? 0.25 : 0));
}

const TENSION_PER_RESTRICTION = 25;

export function reduceTech(state: State, move: TechMove, ctx: MoveContext): Outcome {
  if (move.type === 'set_port_fees') {
    const current = move.actor === 'us' ? state.us_port_fees : state.cn_port_fees;
    if (current === move.active) return recorded(state, move, ctx, `${move.actor.toUpperCase()} port fees unchanged`, 0);
    const text = `${move.actor.toUpperCase()} ${move.active ? 'imposes' : 'suspends'} port fees on the other side's vessels`;
    const next = withChanges(state, move.actor === 'us' ? { us_port_fees: move.active } : { cn_port_fees: move.active });
    return recorded(next, move, ctx, text, move.active ? 3 : -3);
  }
  requireActor(move, 'us');
  const before = state.tech;
  const level = move.level ?? before.level;
  requireRange(move, 'level', level, 0, 1);
  const tighten = move.type === 'impose_tech_controls';
  if (tighten && level < before.level) throw new MoveError(move, 'level', `${level} is below the current level ${before.level}; use relax_tech_controls`);
  if (!tighten && level > before.level) throw new MoveError(move, 'level', `${level} is above the current level ${before.level}; use impose_tech_controls`);
  const after: TechControls = {
    level,
    software_controls: move.software_controls ?? before.software_controls,
    affiliates_rule: move.affiliates_rule ?? before.affiliates_rule,
  };
  const delta = techRestriction(after) - techRestriction(before);
  // Only what the move changes: the Busan terms suspend the Affiliates Rule and leave the breadth.
  const parts: string[] = [];
  if (after.level !== before.level) parts.push(`breadth ${before.level.toFixed(2)} -> ${after.level.toFixed(2)}`);
  if (after.software_controls !== before.software_controls) parts.push(`software-made items ${after.software_controls ? 'controlled' : 'released'}`);
  if (after.affiliates_rule !== before.affiliates_rule) parts.push(`Affiliates Rule ${after.affiliates_rule ? 'in force' : 'suspended'}`);
  const text = parts.length === 0 ? 'US technology export controls unchanged' : `US ${tighten ? 'tightens' : 'relaxes'} technology export controls: ${parts.join(', ')}`;
  return recorded(withChanges(state, { tech: after }), move, ctx, text, TENSION_PER_RESTRICTION * delta);
}

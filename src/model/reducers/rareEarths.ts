// Rare-earth moves: curbs, general licences, and US diversification pacts.

import { withChanges } from '../copy.js';
import type { RareEarthMove } from '../moves.js';
import type { RareEarthState, State } from '../types.js';
import { type MoveContext, type Outcome, MoveError, recorded, requireActor, requireRange } from './common.js';

const TENSION_PER_CURB = 30;

/**
 * The rare-earth state with a new curb and licence delay. A literal with every field in the order
 * the other makers write them (baseline.ts, economy.ts), not a spread: one object shape for every
 * state keeps the step loop's reads of it monomorphic.
 */
function withCurb(re: RareEarthState, curb: number, licenceDelayWeeks: number): RareEarthState {
  return {
    curb,
    licence_delay_weeks: licenceDelayWeeks,
    inventory_weeks: re.inventory_weeks,
    inventory_target_weeks: re.inventory_target_weeks,
    china_supply_share: re.china_supply_share,
    base_non_china_share: re.base_non_china_share,
  };
}

export function reduceRareEarth(state: State, move: RareEarthMove, ctx: MoveContext): Outcome {
  const re = state.rare_earths;
  switch (move.type) {
    case 'impose_rare_earth_curbs': {
      requireActor(move, 'cn');
      requireRange(move, 'level', move.level, 0, 1);
      const delay = move.licence_delay_weeks ?? re.licence_delay_weeks;
      requireRange(move, 'licence_delay_weeks', delay, 0, 104);
      if (move.level < re.curb) throw new MoveError(move, 'level', `${move.level} is below the current curb ${re.curb}; use relax_rare_earth_curbs`);
      const next = withChanges(state, { rare_earths: withCurb(re, move.level, delay) });
      const text = `CN tightens rare-earth export curbs: ${re.curb.toFixed(2)} -> ${move.level.toFixed(2)}, licence delays ${delay} weeks`;
      return recorded(next, move, ctx, text, TENSION_PER_CURB * (move.level - re.curb));
    }
    case 'relax_rare_earth_curbs': {
      requireActor(move, 'cn');
      requireRange(move, 'level', move.level, 0, 1);
      if (move.level > re.curb) throw new MoveError(move, 'level', `${move.level} is above the current curb ${re.curb}; use impose_rare_earth_curbs`);
      const next = withChanges(state, { rare_earths: withCurb(re, move.level, move.level === 0 ? 0 : re.licence_delay_weeks) });
      const text = `CN relaxes rare-earth export curbs: ${re.curb.toFixed(2)} -> ${move.level.toFixed(2)}`;
      return recorded(next, move, ctx, text, TENSION_PER_CURB * (move.level - re.curb));
    }
    case 'issue_general_licences': {
      requireActor(move, 'cn');
      const next = withChanges(state, { rare_earths: withCurb(re, 0, 0) });
      const text = `CN issues general licences for rare earths to US end users (curb ${re.curb.toFixed(2)} -> 0)`;
      return recorded(next, move, ctx, text, -10 - TENSION_PER_CURB * re.curb * 0.5);
    }
    case 'sign_diversification_pact': {
      requireActor(move, 'us');
      requireRange(move, 'capacity_share', move.capacity_share, 0, 1);
      requireRange(move, 'lag_weeks', move.lag_weeks, 0, 520);
      requireRange(move, 'ramp_weeks', move.ramp_weeks, 0, 520);
      const pact = { partner: move.partner, signed_step: state.step, capacity_share: move.capacity_share, lag_weeks: move.lag_weeks, ramp_weeks: move.ramp_weeks };
      const text = `US signs a rare-earth supply pact with ${move.partner}: +${Math.round(move.capacity_share * 100)}% of demand after ${move.lag_weeks} weeks, ramping over ${move.ramp_weeks}`;
      return recorded(withChanges(state, { pacts: [...state.pacts, pact] }), move, ctx, text, 1);
    }
  }
}

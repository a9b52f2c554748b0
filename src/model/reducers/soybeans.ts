// Soybean moves: China's purchase commitment, or a halt by state buyers.

import { withChanges } from '../copy.js';
import type { SoybeanMove } from '../moves.js';
import type { SoybeanState, State } from '../types.js';
import { type MoveContext, type Outcome, recorded, requireActor, requireRange } from './common.js';

/** The soybean state with a new commitment: a literal in the field order of its other makers (see reducers/rareEarths.ts withCurb). */
function withCommitment(soy: SoybeanState, commitmentMmt: number, boycott: boolean): SoybeanState {
  return { commitment_mmt: commitmentMmt, compliance: soy.compliance, boycott, purchased_mmt: soy.purchased_mmt };
}

export function reduceSoybean(state: State, move: SoybeanMove, ctx: MoveContext): Outcome {
  requireActor(move, 'cn');
  const soy = state.soybeans;
  if (move.type === 'commit_soybean_purchases') {
    requireRange(move, 'mmt_per_yr', move.mmt_per_yr, 0, 200);
    const next = withChanges(state, { soybeans: withCommitment(soy, move.mmt_per_yr, false) });
    return recorded(next, move, ctx, `CN commits to buy ${move.mmt_per_yr} MMT of US soybeans a year`, soy.boycott ? -8 : -3);
  }
  const next = withChanges(state, { soybeans: withCommitment(soy, 0, true) });
  return recorded(next, move, ctx, 'CN state buyers stop purchases of US soybeans', 8);
}

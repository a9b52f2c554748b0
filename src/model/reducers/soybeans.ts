// Soybean moves: China's purchase commitment, or a halt by state buyers.

import { withChanges } from '../copy.js';
import type { SoybeanMove } from '../moves.js';
import type { SoybeanState, State } from '../types.js';
import { resolveWhen } from '../calendar.js';
import { type MoveContext, MoveError, type Outcome, recorded, requireActor, requireRange } from './common.js';

/** The soybean state with a new commitment: a literal in the field order of its other makers (see reducers/rareEarths.ts withCurb). */
function withCommitment(soy: SoybeanState, commitmentMmt: number, boycott: boolean, tranche: { mmt: number; due: number | null } | null = null): SoybeanState {
  return {
    commitment_mmt: commitmentMmt,
    compliance: soy.compliance,
    boycott,
    purchased_mmt: soy.purchased_mmt,
    flow_mmt: soy.flow_mmt,
    tranche_mmt: tranche ? tranche.mmt : soy.tranche_mmt,
    tranche_due_step: tranche ? tranche.due : soy.tranche_due_step,
    tranche_bought_mmt: tranche ? 0 : soy.tranche_bought_mmt,
  };
}

export function reduceSoybean(state: State, move: SoybeanMove, ctx: MoveContext): Outcome {
  requireActor(move, 'cn');
  const soy = state.soybeans;
  if (move.type === 'commit_soybean_purchases') {
    if (move.mmt_per_yr === undefined && move.mmt === undefined) throw new MoveError(move, 'mmt_per_yr', 'give mmt_per_yr, or mmt with by (a dated tranche)');
    if ((move.mmt === undefined) !== (move.by === undefined)) throw new MoveError(move, move.mmt === undefined ? 'mmt' : 'by', 'a dated tranche needs both mmt and by');
    const perYear = move.mmt_per_yr ?? soy.commitment_mmt;
    requireRange(move, 'mmt_per_yr', perYear, 0, 200);
    let tranche: { mmt: number; due: number } | null = null;
    const parts: string[] = [];
    if (move.mmt_per_yr !== undefined) parts.push(`${move.mmt_per_yr} MMT of US soybeans a year`);
    if (move.mmt !== undefined && move.by !== undefined) {
      requireRange(move, 'mmt', move.mmt, 0, 200);
      const due = resolveWhen(state.start_date, state.step_unit, move.by);
      if (due <= state.step) throw new MoveError(move, 'by', `${move.by} is not after the current step`);
      tranche = { mmt: move.mmt, due };
      parts.push(`${move.mmt} MMT by ${typeof move.by === 'string' ? move.by : `step ${move.by}`}`);
    }
    const next = withChanges(state, { soybeans: withCommitment(soy, perYear, false, tranche) });
    return recorded(next, move, ctx, `CN commits to buy ${parts.join(' and ')}`, soy.boycott ? -8 : -3);
  }
  const next = withChanges(state, { soybeans: withCommitment(soy, 0, true) });
  return recorded(next, move, ctx, 'CN state buyers stop purchases of US soybeans', 8);
}

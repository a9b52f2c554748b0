// One entry for every move: dispatch on the move's type to its reducer.

import type { Move } from '../moves.js';
import type { State } from '../types.js';
import { reduceAgreement } from './agreements.js';
import { reduceAuthority } from './authorities.js';
import type { MoveContext, Outcome } from './common.js';
import { reduceRareEarth } from './rareEarths.js';
import { reduceRelations } from './relations.js';
import { reduceSoybean } from './soybeans.js';
import { reduceTariff } from './tariffs.js';
import { reduceTech } from './tech.js';

export function applyMove(state: State, move: Move, ctx: MoveContext): Outcome {
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

export { MoveError } from './common.js';
export type { MoveContext, Outcome } from './common.js';

// Policy moves as data: one discriminated union, validated at the edge (src/scenario/schema.ts),
// applied by the reducers in reducers/.

import type { Actor, LayerTarget, TikTokStatus } from './types.js';

/** A step index, or an ISO date that the calendar turns into a step. */
export type When = number | string;

interface Base<T extends string, A = Actor> {
  type: T;
  actor: A;
}

export type TariffMove =
  | (Base<'set_tariff'> & { layer: string; rate_pct: number })
  | (Base<'raise_tariff'> & { layer: string; by_pp: number })
  | (Base<'lower_tariff'> & { layer: string; by_pp: number })
  | (Base<'add_tariff_layer'> & {
      layer: string;
      label?: string;
      scope: string[];
      rate_pct: number;
      applies_to?: LayerTarget;
      expires?: When;
      snapback_rate_pct?: number;
    })
  /** Hold part of a layer in abeyance: its rate falls to `keep_pct`, the rest is suspended. */
  | (Base<'suspend_tariff'> & { layer: string; keep_pct: number })
  /** Put the suspended part back in force. */
  | (Base<'restore_tariff'> & { layer: string })
  /** Announce a rate that may be imposed later (the +100 pp threat of 2025-10-10). */
  | (Base<'threaten_tariff'> & { layer: string; rate_pct: number })
  | (Base<'impose_threatened_tariff'> & { layer: string })
  | (Base<'drop_tariff_threat'> & { layer: string });

export type RareEarthMove =
  | (Base<'impose_rare_earth_curbs', 'cn'> & { level: number; licence_delay_weeks?: number })
  | (Base<'relax_rare_earth_curbs', 'cn'> & { level: number })
  | Base<'issue_general_licences', 'cn'>
  | (Base<'sign_diversification_pact', 'us'> & {
      partner: string;
      capacity_share: number;
      lag_weeks: number;
      ramp_weeks: number;
    });

export type SoybeanMove =
  // A yearly rate, a dated tranche (`mmt` by `by`), or both; a tranche alone keeps the yearly rate.
  | (Base<'commit_soybean_purchases', 'cn'> & { mmt_per_yr?: number; mmt?: number; by?: When })
  | Base<'stop_soybean_purchases', 'cn'>;

export type TechMove =
  /** `level` omitted keeps the breadth as it is (to switch only the Affiliates Rule or software controls). */
  | (Base<'impose_tech_controls', 'us'> & { level?: number; software_controls?: boolean; affiliates_rule?: boolean })
  | (Base<'relax_tech_controls', 'us'> & { level?: number; software_controls?: boolean; affiliates_rule?: boolean })
  | (Base<'set_port_fees'> & { active: boolean });

export type AgreementMove =
  | (Base<'sign_agreement', Actor | 'both'> & {
      agreement: string;
      /** An agreement this one supersedes: it ends without its lapse effects. */
      replaces?: string;
      label?: string;
      truce?: boolean;
      until: When;
      on_lapse?: Move[];
    })
  | (Base<'extend_agreement', Actor | 'both'> & { agreement: string; until: When })
  | (Base<'let_agreement_lapse', Actor | 'both'> & { agreement: string });

export type RelationsMove =
  | (Base<'cooperate_on_precursors', 'cn'> & { level: number })
  | (Base<'settle_tiktok'> & { outcome: Exclude<TikTokStatus, 'unresolved'> })
  | (Base<'hold_summit', 'both'> & { name: string; moves: Move[] });

export type Move = TariffMove | RareEarthMove | SoybeanMove | TechMove | AgreementMove | RelationsMove;
export type MoveType = Move['type'];
export type MoveOf<T extends MoveType> = Extract<Move, { type: T }>;

/** A move with where it came from, as the step function receives it. */
export interface SourcedMove {
  move: Move;
  /** 'script', 'rule:<id>', 'strategy:<name>', 'user'. */
  source: string;
  /** Why, in words (a rule's triggering values, a strategy's reason). */
  why?: string;
  /** Where the move was written (a file and a field path in it), for error messages. */
  origin?: { file: string; path: (string | number)[] };
}

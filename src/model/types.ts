// The model's state: plain, serialisable data. Every field carries its unit in its name.

export type Actor = 'us' | 'cn';
export type StepUnit = 'week' | 'month';

/** Who a tariff layer hits: the partner only, every origin (Section 232), or only third countries. */
export type LayerTarget = 'partner' | 'all_origins' | 'other_origins';

export interface TariffLayer {
  id: string;
  imposer: Actor;
  label: string;
  /** Segment names of the imposer's import basket this layer covers; ['all'] covers every segment. */
  scope: string[];
  applies_to: LayerTarget;
  rate_pct: number;
  /** The part of the rate held in abeyance (e.g. the 24 pp of the reciprocal tariff). */
  suspended_pct: number;
  /** A threatened rate that an `impose_threatened_tariff` move would put in force. */
  threatened_pct: number;
  /** Step at which the layer expires; at that step its rate becomes `snapback_rate_pct`. */
  expires_step: number | null;
  snapback_rate_pct: number | null;
}

/** One segment of an importer's basket, with its 2024 weight and reference conditions. */
export interface TradeSegment {
  name: string;
  /** Share of the 2024 bilateral import value (weights sum to 1). */
  share: number;
  /** The partner's share of the importer's imports in this segment (Armington base share). */
  partner_share: number;
  /** Tariff on the partner's goods under which the 2024 values were observed. */
  reference_tariff_pct: number;
  /** Tariff on third countries' goods under which the 2024 values were observed. */
  reference_other_tariff_pct: number;
}

/**
 * Per segment: the log quantity (relative to 2024) bought last step and the log price paid for it
 * (relative to 2024).
 */
export interface TradePosition {
  log_qty: number[];
  log_price: number[];
}

export interface RareEarthState {
  /** 0 = general licences, 1 = sweeping extraterritorial ban. */
  curb: number;
  licence_delay_weeks: number;
  /** US magnet inventory in weeks of demand. */
  inventory_weeks: number;
  inventory_target_weeks: number;
  /** China's share of US magnet supply when unrestricted. */
  china_supply_share: number;
  /** Non-China capacity in place before any pact, as a share of US demand. */
  base_non_china_share: number;
}

export interface DiversificationPact {
  partner: string;
  signed_step: number;
  /** Capacity at full ramp, as a share of US magnet demand. */
  capacity_share: number;
  lag_weeks: number;
  ramp_weeks: number;
}

export interface SoybeanState {
  /** China's purchase commitment, MMT a year (0 when none). */
  commitment_mmt: number;
  /** 0..1, how much of the commitment state buyers actually honour. */
  compliance: number;
  /** State buyers halted purchases of US beans. */
  boycott: boolean;
  purchased_mmt: number;
  /** What China buys now, MMT a year: it follows its target (demand, commitment, season) over weeks. */
  flow_mmt: number;
  /** A dated commitment ("12 MMT by 2025-12-31"): its size, its due step (null: none), and what was bought toward it. */
  tranche_mmt: number;
  tranche_due_step: number | null;
  tranche_bought_mmt: number;
}

export interface TechControls {
  /** 0..1, breadth of US export controls on technology to China. */
  level: number;
  affiliates_rule: boolean;
  software_controls: boolean;
}

export type TikTokStatus = 'unresolved' | 'framework' | 'divested' | 'banned';

export interface Agreement {
  id: string;
  label: string;
  is_truce: boolean;
  active: boolean;
  expires_step: number | null;
  /** What happens if the agreement reaches its deadline without an extension. */
  on_lapse: Move[];
  /** What a truce holds each side to (model/truceTerms.ts); a move past one of them breaches it. */
  terms: TruceTerm[];
  /** The side whose move breached it (it then ended), or null. */
  breached_by: Actor | null;
}

/**
 * One term of a truce: a measure of `actor`'s that must stay at or below `max` while the truce
 * holds (its value when the truce was signed). `layer`: that layer's rate, pct; `curb`: China's
 * rare-earth curb; `tech`: the breadth of US technology controls; `port_fees` and `soybean_boycott`: 1 or 0.
 */
export interface TruceTerm {
  kind: 'layer' | 'curb' | 'tech' | 'port_fees' | 'soybean_boycott';
  actor: Actor;
  /** The layer's id for a `layer` term, else ''. */
  layer: string;
  max: number;
}

export interface ActorRecord {
  /** Moves this actor made that raised tension, and that lowered it, with the last step of each. */
  escalations: number;
  concessions: number;
  last_escalation_step: number | null;
  last_concession_step: number | null;
  /** Truces this actor breached, and the step of the last breach. */
  breaches: number;
  last_breach_step: number | null;
  /** The first step at which the actor's rule or strategy (not the script) made a concession. */
  first_decided_concession_step: number | null;
}

/** Alea's internal state (seedrandom with `{state: true}`). */
export interface RngState {
  c: number;
  s0: number;
  s1: number;
  s2: number;
}

export interface State {
  step: number;
  start_date: string;
  step_unit: StepUnit;
  us_layers: TariffLayer[];
  cn_layers: TariffLayer[];
  us_import_segments: TradeSegment[];
  us_export_segments: TradeSegment[];
  /** Where buyers of each direction's goods stand (quantities adjust to prices gradually). */
  us_import_position: TradePosition;
  us_export_position: TradePosition;
  /** Goods from China bought ahead of a scheduled tariff increase and not yet worked off, $bn. */
  us_import_stock_bn: number;
  rare_earths: RareEarthState;
  pacts: DiversificationPact[];
  soybeans: SoybeanState;
  tech: TechControls;
  us_port_fees: boolean;
  cn_port_fees: boolean;
  /** 0..1, China's cooperation on fentanyl precursors. */
  precursor_cooperation: number;
  tiktok: TikTokStatus;
  agreements: Agreement[];
  escalation_index: number;
  /**
   * Where tension rests above (or below) the level the measures imply, index points: the start's
   * tension less that level, held for the run, so that with no moves tension stays where it started.
   */
  escalation_offset: number;
  record: Record<Actor, ActorRecord>;
  /** The model's own shocks (tension, compliance). */
  rng: RngState;
  /** The actors' stream (rule probabilities, strategy mistakes): the model never draws from it. */
  decision_rng: RngState;
  /** What the actors' rules and strategies remember between steps (sim/run.ts carries it; the model never reads it). */
  decision_memory: Readonly<Record<string, number>>;
}

export type { Move } from './moves.js';
import type { Move } from './moves.js';

/** What happened during a step: data, for logs, rules and strategies. */
export interface SimEvent {
  step: number;
  actor: Actor | 'model';
  kind: 'move' | 'lapse' | 'expiry' | 'shortage' | 'note' | 'breach';
  type: string;
  /** Who decided: 'script', 'rule:<id>', 'strategy:<name>', 'user' or 'model'. */
  source: string;
  text: string;
  /** Change in the escalation index the event caused directly. */
  tension_delta: number;
}

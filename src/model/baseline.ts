// The starting state, built from a baseline (seeds/, stripped of provenance by src/scenario).

import { resolveWhen } from './calendar.js';
import { soybeanSeason, soybeanTargetMmt, privateSoybeanDemandMmt } from './economics/soybeans.js';
import { settledAt } from './economics/trade.js';
import { type Lookups, PURE } from './lookups.js';
import { dayOfYear } from './calendar.js';
import type { Derived } from './derived.js';
import { techRestriction } from './reducers/tech.js';
import type { Move, When } from './moves.js';
import type { Params } from './params.js';
import { resolveScope } from './reducers/tariffs.js';
import { measuresTension } from './regime.js';
import { termsFromLapse } from './truceTerms.js';
import type {
  Actor,
  Authority,
  AuthorityKind,
  RefundPhase,
  ActorRecord,
  Agreement,
  DiversificationPact,
  LayerTarget,
  RareEarthState,
  RngState,
  SoybeanState,
  State,
  StepUnit,
  TariffLayer,
  TechControls,
  TikTokStatus,
  TradeSegment,
} from './types.js';

export interface BaselineLayer {
  id: string;
  label: string;
  scope: string[];
  applies_to?: LayerTarget;
  rate_pct: number;
  suspended_pct?: number;
  threatened_pct?: number;
  expires?: When;
  snapback_rate_pct?: number;
  /** An id of Baseline.authorities. */
  authority?: string;
}

/** A legal authority with its statutory rules (seeds/authorities.yaml) and where it stands on the baseline's date. */
export interface BaselineAuthority {
  id: string;
  label: string;
  imposer: Actor;
  kind: AuthorityKind;
  max_rate_pct: number | null;
  max_days: number | null;
  not_stacked_on: AuthorityKind[];
  lapse_years: number | null;
  /** The date its layers end (a lapse, a time limit, a court's stop date); null: none due. */
  ends: string | null;
  end_kind: Authority['end_kind'];
  end_why: string | null;
  /** It ended before the baseline's date (its layers are not in the baseline). */
  ended: boolean;
  ended_layers: string[];
  extended: boolean;
}

export interface BaselinePact {
  partner: string;
  signed: When;
  capacity_share: number;
  lag_weeks: number;
  ramp_weeks: number;
}

export interface BaselineAgreement {
  id: string;
  label: string;
  truce: boolean;
  active: boolean;
  expires: When | null;
  on_lapse: Move[];
}

export interface Baseline {
  us_layers: BaselineLayer[];
  cn_layers: BaselineLayer[];
  us_import_segments: TradeSegment[];
  us_export_segments: TradeSegment[];
  rare_earths: RareEarthState;
  pacts: BaselinePact[];
  soybeans: Pick<SoybeanState, 'commitment_mmt' | 'compliance' | 'boycott'>;
  tech: TechControls;
  us_port_fees: boolean;
  cn_port_fees: boolean;
  precursor_cooperation: number;
  tiktok: TikTokStatus;
  agreements: BaselineAgreement[];
  escalation_index: number;
  /** The legal authorities the layers rest on (absent: none named). */
  authorities?: BaselineAuthority[];
  /** Refunds still being paid on the baseline's date: each amount evenly over its steps. */
  refunds?: { label: string; from: When; until: When; amount_bn: number }[];
}

export interface StartOptions {
  start_date: string;
  step_unit: StepUnit;
  rng: RngState;
  decision_rng: RngState;
  params: Params;
}

function layer(imposer: Actor, b: BaselineLayer, segments: TradeSegment[], o: StartOptions): TariffLayer {
  const scope = resolveScope(b.scope, segments.map((s) => s.name), (msg) => {
    throw new RangeError(`layer ${b.id}: scope: ${msg}`);
  });
  return {
    id: b.id,
    imposer,
    label: b.label,
    scope,
    applies_to: b.applies_to ?? 'partner',
    rate_pct: b.rate_pct,
    suspended_pct: b.suspended_pct ?? 0,
    threatened_pct: b.threatened_pct ?? 0,
    expires_step: b.expires === undefined ? null : resolveWhen(o.start_date, o.step_unit, b.expires),
    snapback_rate_pct: b.snapback_rate_pct ?? null,
    authority: b.authority ?? null,
  };
}

interface Resolved {
  us_layers: TariffLayer[];
  cn_layers: TariffLayer[];
  agreements: Agreement[];
  pacts: DiversificationPact[];
  tech: TechControls;
  record: Record<Actor, ActorRecord>;
  /** State.escalation_offset: the baseline's tension less the level its measures imply. */
  escalation_offset: number;
  authorities: Authority[];
  refunds: RefundPhase[];
}

// The parts of the start that do not depend on the run: resolved once per baseline and calendar and
// shared by every run (states are never mutated). Shared layer arrays also let the per-layer-set
// engine's caches (src/engine/lookups.ts) serve every run.
// Shared by every run: states are never mutated, and a move replaces rather than edits them.
const EMPTY_RECORD: ActorRecord = Object.freeze({ escalations: 0, concessions: 0, last_escalation_step: null, last_concession_step: null, breaches: 0, last_breach_step: null, first_decided_concession_step: null });
const NO_MEMORY: Readonly<Record<string, number>> = Object.freeze({});
const NO_REFUNDS: RefundPhase[] = [];

const resolvedCache = new WeakMap<Baseline, Map<string, Resolved>>();

function resolved(b: Baseline, o: StartOptions): Resolved {
  let byCalendar = resolvedCache.get(b);
  if (!byCalendar) resolvedCache.set(b, (byCalendar = new Map()));
  const key = `${o.start_date}|${o.step_unit}`;
  let r = byCalendar.get(key);
  if (!r) {
    const us_layers = b.us_layers.map((l) => layer('us', l, b.us_import_segments, o));
    const cn_layers = b.cn_layers.map((l) => layer('cn', l, b.us_export_segments, o));
    const tech = { level: b.tech.level, affiliates_rule: b.tech.affiliates_rule, software_controls: b.tech.software_controls };
    const soybeans = { boycott: b.soybeans.boycott };
    const measures = { us_layers, cn_layers, rare_earths: b.rare_earths, tech, us_port_fees: b.us_port_fees, cn_port_fees: b.cn_port_fees, soybeans };
    const agreements: Agreement[] = b.agreements.map((a) => ({
      id: a.id,
      label: a.label,
      is_truce: a.truce,
      active: a.active,
      expires_step: a.expires === null ? null : resolveWhen(o.start_date, o.step_unit, a.expires),
      on_lapse: a.on_lapse,
      // A truce in force at the start holds what its lapse would put back, where it stands now.
      terms: a.truce ? termsFromLapse(a.on_lapse, measures) : [],
      breached_by: null,
    }));
    const fromMeasures = measuresTension({
      ...measures,
      us_import_segments: b.us_import_segments,
      us_export_segments: b.us_export_segments,
      agreements,
      precursor_cooperation: b.precursor_cooperation,
    });
    r = {
      us_layers,
      cn_layers,
      agreements,
      pacts: b.pacts.map((p) => ({
        partner: p.partner,
        signed_step: resolveWhen(o.start_date, o.step_unit, p.signed),
        capacity_share: p.capacity_share,
        lag_weeks: p.lag_weeks,
        ramp_weeks: p.ramp_weeks,
      })),
      tech,
      record: { us: EMPTY_RECORD, cn: EMPTY_RECORD },
      escalation_offset: b.escalation_index - fromMeasures,
      authorities: (b.authorities ?? []).map((a) => ({
        id: a.id,
        label: a.label,
        imposer: a.imposer,
        kind: a.kind,
        max_rate_pct: a.max_rate_pct,
        max_days: a.max_days,
        not_stacked_on: a.not_stacked_on,
        lapse_years: a.lapse_years,
        ends_date: a.ends,
        ends_step: a.ends === null ? null : resolveWhen(o.start_date, o.step_unit, a.ends),
        end_kind: a.end_kind,
        end_why: a.end_why,
        ended: a.ended,
        ended_layers: a.ended_layers,
        extended: a.extended,
      })),
      refunds: (b.refunds ?? []).map((r) => {
        const from = resolveWhen(o.start_date, o.step_unit, r.from);
        const until = resolveWhen(o.start_date, o.step_unit, r.until);
        if (until <= from) throw new RangeError(`refund ${r.label}: until is not a step after from`);
        return { label: r.label, from_step: from, until_step: until, per_step_bn: r.amount_bn / (until - from) };
      }),
    };
    byCalendar.set(key, r);
  }
  return r;
}

function startingSoybeanFlowMmt(cnLayers: TariffLayer[], segments: TradeSegment[], soy: Baseline['soybeans'], d: Derived, startDate: string, look: Lookups): number {
  const k = segments.findIndex((x) => x.name === 'soybeans');
  const tariff = k >= 0 ? look.segmentTariffs(cnLayers, segments).partner_pct[k] : 0;
  const market = privateSoybeanDemandMmt(tariff, k >= 0 ? segments[k].reference_tariff_pct : 3, soy.boycott, d.soybeans);
  const state = { commitment_mmt: soy.commitment_mmt, compliance: soy.compliance, boycott: soy.boycott, purchased_mmt: 0, flow_mmt: 0, tranche_mmt: 0, tranche_due_step: null, tranche_bought_mmt: 0 };
  return soybeanTargetMmt(state, market, soybeanSeason(dayOfYear(startDate), d.soybeans), 0, d.soybeans);
}

/** The state at the start of a run; `look` works out the prices and constants (the engine's remember them). */
export function initialState(b: Baseline, o: StartOptions, look: Lookups = PURE): State {
  const { us_layers, cn_layers, agreements, pacts, tech, record, escalation_offset, authorities, refunds } = resolved(b, o);
  const d = look.derived(o.params, o.step_unit);
  const re = b.rare_earths;
  const soy = b.soybeans;
  return {
    step: 0,
    start_date: o.start_date,
    step_unit: o.step_unit,
    us_layers,
    cn_layers,
    us_import_segments: b.us_import_segments,
    us_export_segments: b.us_export_segments,
    // Buyers start adjusted to the tariffs in force on the start date.
    us_import_position: settledAt(look.prices(us_layers, b.us_import_segments, o.params.us_imports_from_cn_2024_bn, d.imports[b.us_port_fees ? 1 : 0])),
    us_export_position: settledAt(look.prices(cn_layers, b.us_export_segments, o.params.us_exports_to_cn_2024_bn, d.exports(b.cn_port_fees, techRestriction(b.tech)))),
    us_import_stock_bn: 0,
    // Field by field, in the order step() writes them: one object shape for every state.
    rare_earths: {
      curb: re.curb,
      licence_delay_weeks: re.licence_delay_weeks,
      inventory_weeks: re.inventory_weeks,
      inventory_target_weeks: re.inventory_target_weeks,
      china_supply_share: re.china_supply_share,
      base_non_china_share: re.base_non_china_share,
    },
    pacts,
    soybeans: {
      commitment_mmt: soy.commitment_mmt,
      compliance: soy.compliance,
      boycott: soy.boycott,
      purchased_mmt: 0,
      // Buyers start where the tariffs, the commitment and the season put them.
      flow_mmt: startingSoybeanFlowMmt(cn_layers, b.us_export_segments, soy, d, o.start_date, look),
      tranche_mmt: 0,
      tranche_due_step: null,
      tranche_bought_mmt: 0,
    },
    tech,
    us_port_fees: b.us_port_fees,
    cn_port_fees: b.cn_port_fees,
    precursor_cooperation: b.precursor_cooperation,
    tiktok: b.tiktok,
    agreements,
    escalation_index: b.escalation_index,
    escalation_offset,
    record,
    rng: o.rng,
    decision_rng: o.decision_rng,
    decision_memory: NO_MEMORY,
    authorities,
    refunds: refunds.length === 0 ? NO_REFUNDS : refunds,
  };
}

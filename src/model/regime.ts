// What a step needs that changes only when the measures in force or the parameters do: prices and
// long-run quantities, average tariffs, the soybean tariff and private demand, the truce, the part of
// the tension target the measures set, the next deadline. Moves are rare and steps many, so a step
// works these out once per regime rather than once per step. A pure function of (policy,
// parameters); the engine keeps the last few (src/engine/regime.ts regimeOf).

import type { Derived } from './derived.js';
import { tensionFromMeasures } from './economics/escalation.js';
import { type ScheduledIncrease, threatLogRise } from './economics/anticipation.js';
import { cnTechOutputAtRiskBn, usTechExportLossBn } from './economics/ledgers.js';
import { privateSoybeanDemandMmt } from './economics/soybeans.js';
import type { SegmentTariffs } from './economics/tariffs.js';
import { longRunDeadweightLossBn, type Prices, type TradeParams } from './economics/trade.js';
import { type Lookups, PURE } from './lookups.js';
import type { Params } from './params.js';
import { nextAuthorityEnd } from './authorities.js';
import { techRestriction } from './reducers/tech.js';
import type { State } from './types.js';

export interface Regime {
  /** The state it was worked out for (only its measures matter) and the parameters. */
  state: State;
  params: Params;
  derived: Derived;
  tech_restriction: number;
  /** The technology controls' cost to each side, $bn a year (fixed while the controls are). */
  us_tech_export_loss_bn: number;
  cn_output_at_risk_bn: number;
  /** Port fees as a share of the trade they fall on (0 while none): US fees on imports, China's on exports. */
  us_port_fee_share: number;
  cn_port_fee_share: number;
  /** China's buyers' deadweight loss from China's tariffs on US goods, at long-run quantities, $bn a year. */
  cn_retaliation_loss_bn: number;
  /** The next dated increase of the US tariff (buyers pull imports forward), and a threat's drag on imports. */
  scheduled_increase: ScheduledIncrease;
  threat_factor: number;
  import_trade: TradeParams;
  export_trade: TradeParams;
  import_prices: Prices;
  export_prices: Prices;
  us_tariffs: SegmentTariffs;
  cn_tariffs: SegmentTariffs;
  cn_soybean_tariff_pct: number;
  /** US soybeans China's private crushers buy at that tariff, MMT a year. */
  private_soybean_demand_mmt: number;
  truce_active: boolean;
  tension_from_measures: number;
  /** The first step at which an active agreement or a layer expires (Infinity: none does). */
  next_deadline_step: number;
}

function nextDeadlineStep(s: State): number {
  let next = Infinity;
  for (const a of s.agreements) if (a.active && a.expires_step !== null && a.expires_step < next) next = a.expires_step;
  for (const l of s.us_layers) if (l.expires_step !== null && l.expires_step < next) next = l.expires_step;
  for (const l of s.cn_layers) if (l.expires_step !== null && l.expires_step < next) next = l.expires_step;
  // Statutory dates (a court's stop date, a time limit, a lapse) end layers in the deadline pass too.
  const ends = nextAuthorityEnd(s);
  return ends < next ? ends : next;
}

/** The measures a regime depends on are the same (the step, record and continuous quantities aside). */
export function sameMeasures(a: State, b: State): boolean {
  return (
    a.us_layers === b.us_layers &&
    a.cn_layers === b.cn_layers &&
    a.agreements === b.agreements &&
    a.tech === b.tech &&
    a.us_port_fees === b.us_port_fees &&
    a.cn_port_fees === b.cn_port_fees &&
    a.precursor_cooperation === b.precursor_cooperation &&
    a.rare_earths.curb === b.rare_earths.curb &&
    a.soybeans.boycott === b.soybeans.boycott &&
    a.us_import_segments === b.us_import_segments &&
    a.us_export_segments === b.us_export_segments &&
    a.step_unit === b.step_unit &&
    a.authorities === b.authorities
  );
}

/** The part of the tension target the state's measures set (economics/escalation.ts tensionFromMeasures). */
export function measuresTension(
  s: Pick<State, 'us_layers' | 'cn_layers' | 'us_import_segments' | 'us_export_segments' | 'rare_earths' | 'tech' | 'us_port_fees' | 'cn_port_fees' | 'agreements' | 'precursor_cooperation'>,
  look: Lookups = PURE,
): number {
  const fentanyl = s.us_layers.find((l) => l.id === 'us_ieepa_fentanyl');
  return tensionFromMeasures({
    us_tariff_pct: look.segmentTariffs(s.us_layers, s.us_import_segments).average_pct,
    cn_tariff_pct: look.segmentTariffs(s.cn_layers, s.us_export_segments).average_pct,
    curb: s.rare_earths.curb,
    tech_restriction: techRestriction(s.tech),
    port_fees: (s.us_port_fees ? 1 : 0) + (s.cn_port_fees ? 1 : 0),
    truce_active: s.agreements.some((a) => a.active && a.is_truce),
    precursor_cooperation: s.precursor_cooperation,
    fentanyl_tariff_pct: fentanyl ? fentanyl.rate_pct : 0,
  });
}

/** What the measures in force in `s` imply under `p`; `look` works out its parts (PURE: afresh). */
export function buildRegime(s: State, p: Params, look: Lookups = PURE): Regime {
  const d = look.derived(p, s.step_unit);
  const restriction = techRestriction(s.tech);
  const importTrade = d.imports[s.us_port_fees ? 1 : 0];
  const exportTrade = d.exports(s.cn_port_fees, restriction);
  const usTariffs = look.segmentTariffs(s.us_layers, s.us_import_segments);
  const cnTariffs = look.segmentTariffs(s.cn_layers, s.us_export_segments);
  const soyIndex = s.us_export_segments.findIndex((x) => x.name === 'soybeans');
  const soyTariff = soyIndex >= 0 ? cnTariffs.partner_pct[soyIndex] : 0;
  const soyReference = soyIndex >= 0 ? s.us_export_segments[soyIndex].reference_tariff_pct : 3;
  const truce = s.agreements.some((a) => a.active && a.is_truce);
  const techLoss = usTechExportLossBn(restriction, d.ledger);
  const importPrices = look.prices(s.us_layers, s.us_import_segments, p.us_imports_from_cn_2024_bn, importTrade);
  const exportPrices = look.prices(s.cn_layers, s.us_export_segments, p.us_exports_to_cn_2024_bn, exportTrade);
  return {
    state: s,
    params: p,
    derived: d,
    tech_restriction: restriction,
    us_tech_export_loss_bn: techLoss,
    cn_output_at_risk_bn: cnTechOutputAtRiskBn(techLoss, d.ledger),
    us_port_fee_share: s.us_port_fees ? p.port_fee_cost_pct / 100 : 0,
    cn_port_fee_share: s.cn_port_fees ? p.port_fee_cost_pct / 100 : 0,
    cn_retaliation_loss_bn: longRunDeadweightLossBn(exportPrices),
    scheduled_increase: look.scheduledIncrease(s.us_layers, s.agreements, s.us_import_segments, usTariffs.average_pct),
    threat_factor: Math.exp(-p.threat_uncertainty_elasticity * threatLogRise(s.us_layers, s.us_import_segments, usTariffs.average_pct)),
    import_trade: importTrade,
    export_trade: exportTrade,
    import_prices: importPrices,
    export_prices: exportPrices,
    us_tariffs: usTariffs,
    cn_tariffs: cnTariffs,
    cn_soybean_tariff_pct: soyTariff,
    private_soybean_demand_mmt: privateSoybeanDemandMmt(soyTariff, soyReference, s.soybeans.boycott, d.soybeans),
    truce_active: truce,
    tension_from_measures: measuresTension(s, look),
    next_deadline_step: nextDeadlineStep(s),
  };
}

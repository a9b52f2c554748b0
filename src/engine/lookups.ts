// The model's lookups (model/lookups.ts), remembered across the runs of a batch. Layers and
// agreements are replaced, never mutated, and the move memo gives every run the script's own arrays:
// what depends only on them (tariffs by segment, the scheduled increase) is kept by their identity
// and can never go stale. What also depends on the run's parameters (prices, the constants derived
// from them, third countries' side) is kept for the last few, compared by value: a run builds its
// regimes one after the other, and a weak map of keys that die with the run would cost the collector
// more than it saves. Each answer is the pure function's own (the model's step() is the check).

import { derived as buildDerived, type Derived } from '../model/derived.js';
import { type ScheduledIncrease, scheduledIncrease as computeScheduledIncrease } from '../model/economics/anticipation.js';
import { type SegmentTariffs, segmentTariffs as computeSegmentTariffs } from '../model/economics/tariffs.js';
import { type OtherSide, otherSide as computeOtherSide, type Prices, pricesAt, type TradeParams } from '../model/economics/trade.js';
import type { Lookups } from '../model/lookups.js';
import type { Params } from '../model/params.js';
import type { Agreement, StepUnit, TariffLayer, TradeSegment } from '../model/types.js';
import { recentOr } from './recent.js';

const tariffsByLayers = new WeakMap<TariffLayer[], SegmentTariffs>();

function segmentTariffs(layers: TariffLayer[], segments: TradeSegment[]): SegmentTariffs {
  const hit = tariffsByLayers.get(layers);
  if (hit && hit.segments === segments) return hit;
  const out = computeSegmentTariffs(layers, segments);
  tariffsByLayers.set(layers, out);
  return out;
}

/** The parameters prices use are the same (the adjustment speeds aside). */
function samePriceParams(a: TradeParams, b: TradeParams): boolean {
  return (
    a.pass_through === b.pass_through &&
    a.sigma === b.sigma &&
    a.demand_elasticity === b.demand_elasticity &&
    a.fee_pct === b.fee_pct &&
    a.counterfactual_tariff_pct === b.counterfactual_tariff_pct &&
    a.controlled_segment === b.controlled_segment &&
    a.controlled_factor === b.controlled_factor &&
    a.skip_segment === b.skip_segment
  );
}

/** The parameters third countries' side uses are the same. */
function sameOtherParams(a: TradeParams, b: TradeParams): boolean {
  return a.pass_through === b.pass_through && a.sigma === b.sigma && a.demand_elasticity === b.demand_elasticity && a.counterfactual_tariff_pct === b.counterfactual_tariff_pct;
}

function sameValues(a: ArrayLike<number>, b: ArrayLike<number>): boolean {
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return a.length === b.length;
}

const otherSides: OtherSide[] = [];

function otherSide(segments: TradeSegment[], otherPct: ArrayLike<number>, baseValueBn: number, p: TradeParams): OtherSide {
  return recentOr(
    otherSides,
    4,
    (o) => o.segments === segments && o.base_value_bn === baseValueBn && (o.params === p || sameOtherParams(o.params, p)) && sameValues(o.other_pct, otherPct),
    () => computeOtherSide(segments, otherPct, baseValueBn, p),
  );
}

const pricesByLayers = new WeakMap<TariffLayer[], Prices>();

function prices(layers: TariffLayer[], segments: TradeSegment[], baseValueBn: number, p: TradeParams): Prices {
  const hit = pricesByLayers.get(layers);
  if (hit && hit.segments === segments && hit.base_value_bn === baseValueBn && (hit.params === p || samePriceParams(hit.params, p))) return hit;
  const t = segmentTariffs(layers, segments);
  const out = pricesAt(t, otherSide(segments, t.other_pct, baseValueBn, p), baseValueBn, p);
  pricesByLayers.set(layers, out);
  return out;
}

// A batch draws a new parameter set every run: the last few, not a weak map keyed on each.
const deriveds: { params: Params; unit: StepUnit; derived: Derived }[] = [];

function derived(p: Params, unit: StepUnit): Derived {
  return recentOr(deriveds, 8, (r) => r.params === p && r.unit === unit, () => ({ params: p, unit, derived: buildDerived(p, unit) })).derived;
}

const scheduledByAgreements = new WeakMap<Agreement[], { layers: TariffLayer[]; segments: TradeSegment[]; value: ScheduledIncrease }>();

function scheduledIncrease(layers: TariffLayer[], agreements: Agreement[], segments: TradeSegment[], averagePct: number): ScheduledIncrease {
  const hit = scheduledByAgreements.get(agreements);
  if (hit !== undefined && hit.layers === layers && hit.segments === segments) return hit.value;
  const value = computeScheduledIncrease(layers, agreements, segments, averagePct);
  scheduledByAgreements.set(agreements, { layers, segments, value });
  return value;
}

/** The lookups the engine builds its regimes and start states with. */
export const REMEMBERED: Lookups = { derived, segmentTariffs, prices, scheduledIncrease };

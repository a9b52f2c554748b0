// Bilateral trade in one direction, segment by segment: constant-elasticity import demand in its
// exact form, Armington (CES) substitution between the partner and other suppliers, and partial
// adjustment from short-run to long-run responses (docs/calibration.md sections 5-6).

import type { TariffLayer, TradePosition, TradeSegment } from '../types.js';
import { type SegmentTariffs, segmentTariffs } from './tariffs.js';

export interface TradeParams {
  pass_through: number;
  sigma: number;
  demand_elasticity: number;
  short_run_elasticity: number;
  /** Share of the gap to the long run closed in one step. */
  adjustment: number;
  /** Extra trade cost on the partner's goods (port fees), percent. */
  fee_pct: number;
  /** The tariff the welfare and price effects are measured against (MFN), percent. */
  counterfactual_tariff_pct: number;
  /** A segment whose flow export controls cut (technology), and the share of it that still flows. */
  controlled_segment: string | null;
  controlled_factor: number;
  /** A segment modelled elsewhere (soybeans, by quantity): no value here. */
  skip_segment: string | null;
}

export interface DirectionResult {
  /** Import value at world prices, $bn a year, over the segments modelled here. */
  imports_bn: number;
  /** Tariff revenue, $bn a year. */
  revenue_bn: number;
  /** Revenue above the counterfactual tariff: what buyers pay for the bilateral tariffs, $bn a year. */
  excess_duty_bn: number;
  deadweight_loss_bn: number;
}

/** A step's flows in one direction (flat: the hot loop makes two a step) and where buyers stand after it. */
export interface DirectionFlows extends DirectionResult {
  position: TradePosition;
}

/** Price of the partner's goods to buyers, relative to 2024, given complete or partial pass-through. */
export function priceFactor(tariffPct: number, referencePct: number, passThrough: number): number {
  return 1 + passThrough * ((1 + tariffPct / 100) / (1 + referencePct / 100) - 1);
}

/** Long-run partner quantity (relative to 2024) at partner and other prices, nested CES. */
export function longRunQuantity(pPartner: number, pOther: number, share: number, sigma: number, elasticity: number): number {
  return Math.exp(logLongRunQuantity(Math.log(pPartner), Math.log(pOther), share, sigma, elasticity));
}

/**
 * The same in logs: with the CES price index P = (s p^(1-sigma) + (1-s) o^(1-sigma))^(1/(1-sigma)),
 * q = P^(-e) (p/P)^(-sigma), so ln q = ((sigma - e)/(1 - sigma)) ln a - sigma ln p.
 */
export function logLongRunQuantity(logPartner: number, logOther: number, share: number, sigma: number, elasticity: number): number {
  return logLongRunQuantityWith(logPartner, otherTerm(logOther, share, sigma), share, sigma, elasticity);
}

/** The other suppliers' part of the CES index, (1 - s) o^(1-sigma): fixed while their prices are. */
function otherTerm(logOther: number, share: number, sigma: number): number {
  return (1 - share) * Math.exp((1 - sigma) * logOther);
}

/**
 * The CES price index of a segment's goods (partner and other suppliers) at the partner's log price
 * over the same at `logPartner0`, the other suppliers' prices fixed: ((s p^(1-sigma) + o) /
 * (s p0^(1-sigma) + o))^(1/(1-sigma)), with o their part of the index.
 */
export function priceIndexRatio(logPartner: number, logPartner0: number, otherPart: number, share: number, sigma: number): number {
  const a = share * Math.exp((1 - sigma) * logPartner) + otherPart;
  const a0 = share * Math.exp((1 - sigma) * logPartner0) + otherPart;
  return Math.exp(Math.log(a / a0) / (1 - sigma));
}

/**
 * The partner's share in a segment's index and basket. A seed may give 0; the basket (its value
 * over this share) then stays finite and its index rise tends to the limit as the share goes to 0.
 */
function indexShare(seg: TradeSegment): number {
  return Math.max(seg.partner_share, 1e-6);
}

function logLongRunQuantityWith(logPartner: number, otherPart: number, share: number, sigma: number, elasticity: number): number {
  const a = share * Math.exp((1 - sigma) * logPartner) + otherPart;
  return ((sigma - elasticity) / (1 - sigma)) * Math.log(a) - sigma * logPartner;
}

/** What does not change from step to step while the layers, fees and parameters stay put. */
export interface Prices {
  params: TradeParams;
  /** What they were worked out for besides the layers (a sweep can vary the 2024 value alone). */
  segments: TradeSegment[];
  base_value_bn: number;
  /** Log price of the partner's goods to buyers, relative to 2024 (plain array: positions share it). */
  log_price: number[];
  /** Log of the long-run quantity (relative to 2024) at these prices. */
  log_long_run_qty: number[];
  /** $bn a year per unit of quantity: 2024 value x world price x controls (0 where skipped). */
  value_per_qty_bn: number[];
  /** Partner tariff (without the fee), percent. */
  tariff_pct: number[];
  /** Long-run import value at the counterfactual tariff, $bn, and the tariff gap to it, percent. */
  value0_bn: number[];
  gap_pct: number[];
  /** Third countries' side of these prices. */
  other: OtherSide;
}

export interface Welfare {
  /**
   * What the tariffs above the counterfactual add to the cost of the 2024 basket of these segments
   * (from every supplier), $bn a year, at the exact CES price index: it keeps rising as a tariff
   * becomes prohibitive, since what buyers switch to is a worse substitute, where the duty collected
   * shrinks with the imports.
   */
  basket_cost_rise_bn: number;
  /**
   * For the deadweight loss (deadweightLoss): ln(P1 / P0), the log of the buyers' price wedge over the
   * counterfactual, and ln(M0 P0 / (per P1)), from which a step's ln(M0 P0 / (M1 P1)) is this less
   * its log quantity. Zero where there is no gap.
   */
  log_wedge: number[];
  dwl_log_offset: number[];
}

/** The welfare measures' constants of these prices (a regime works them out for US imports only: exports need none). */
export function welfareOf(pr: Prices): Welfare {
  const { segments, params: p, other } = pr;
  const n = segments.length;
  const w: Welfare = { basket_cost_rise_bn: 0, log_wedge: zeros(n), dwl_log_offset: zeros(n) };
  const logP0 = Math.log(1 + p.counterfactual_tariff_pct / 100);
  for (let i = 0; i < n; i++) {
    // A skipped segment (no value here) is left out of both.
    if (pr.value_per_qty_bn[i] === 0) continue;
    w.basket_cost_rise_bn += other.basket_bn[i] * (priceIndexRatio(pr.log_price[i], other.log_price0[i], other.other_term[i], indexShare(segments[i]), p.sigma) - 1);
    if (pr.gap_pct[i] > 0 && pr.value0_bn[i] > 0) {
      const logP1 = Math.log(1 + pr.tariff_pct[i] / 100);
      w.log_wedge[i] = logP1 - logP0;
      w.dwl_log_offset[i] = Math.log(pr.value0_bn[i]) + logP0 - Math.log(pr.value_per_qty_bn[i]) - logP1;
    }
  }
  return w;
}

/**
 * n zeros as a plain array. Not a Float64Array: a typed array of more than 8 numbers lives off the
 * heap, and making one cost a run about a microsecond (measured: 2 µs against 0.1 µs for this), where
 * a run makes dozens of these (each regime's prices), all garbage by the next run.
 */
function zeros(n: number): number[] {
  const a: number[] = [];
  for (let i = 0; i < n; i++) a.push(0);
  return a;
}

/** The prices the layers in force imply (a regime works them out once: no step does). */
export function prices(layers: TariffLayer[], segments: TradeSegment[], baseValueBn: number, p: TradeParams): Prices {
  const t = segmentTariffs(layers, segments);
  return pricesAt(t, otherSide(segments, t.other_pct, baseValueBn, p), baseValueBn, p);
}

/** The same from the tariffs by segment and third countries' side, worked out beforehand. */
export function pricesAt(t: SegmentTariffs, other: OtherSide, baseValueBn: number, p: TradeParams): Prices {
  const segments = t.segments;
  const n = segments.length;
  const out: Prices = {
    params: p,
    segments,
    base_value_bn: baseValueBn,
    log_price: [],
    log_long_run_qty: zeros(n),
    value_per_qty_bn: zeros(n),
    tariff_pct: zeros(n),
    value0_bn: zeros(n),
    gap_pct: zeros(n),
    other,
  };
  for (let i = 0; i < n; i++) {
    const seg = segments[i];
    const ref = seg.reference_tariff_pct;
    const withFee = t.partner_pct[i] + p.fee_pct;
    const pPartner = priceFactor(withFee, ref, p.pass_through);
    // With incomplete pass-through the exporters absorb the rest: the world (customs) price falls.
    const world = pPartner / ((1 + withFee / 100) / (1 + ref / 100));
    const factor = seg.name === p.skip_segment ? 0 : seg.name === p.controlled_segment ? p.controlled_factor : 1;
    const logPrice = Math.log(pPartner);
    out.log_price.push(logPrice); // pushed, not filled: fill() is a call into the runtime, and leaves a holey array
    out.log_long_run_qty[i] = logLongRunQuantityWith(logPrice, other.other_term[i], seg.partner_share, p.sigma, p.demand_elasticity);
    out.value_per_qty_bn[i] = baseValueBn * seg.share * world * factor;
    out.tariff_pct[i] = t.partner_pct[i];
    out.gap_pct[i] = Math.max(0, t.partner_pct[i] - p.counterfactual_tariff_pct);
    if (out.gap_pct[i] > 0) out.value0_bn[i] = other.value0_per_factor_bn[i] * factor;
  }
  return out;
}

/**
 * What does not depend on the tariffs on the partner: third countries' prices, their part of the
 * CES index, and the long-run value at the counterfactual tariff (per unit of the controls' factor).
 * Nor does it depend on the fees or the controls: a run's moves mostly change the partner's tariffs,
 * fees and controls, so its later regimes can share it (the engine keeps the last few).
 */
export interface OtherSide {
  params: TradeParams;
  segments: TradeSegment[];
  base_value_bn: number;
  other_pct: ArrayLike<number>;
  other_term: number[];
  value0_per_factor_bn: number[];
  /** Log price of the partner's goods at the counterfactual tariff, relative to 2024. */
  log_price0: number[];
  /** The 2024 value of the segment's imports from every supplier, $bn a year. */
  basket_bn: number[];
}

/** Third countries' side of the prices at tariffs `otherPct` on them, by segment. */
export function otherSide(segments: TradeSegment[], otherPct: ArrayLike<number>, baseValueBn: number, p: TradeParams): OtherSide {
  const n = segments.length;
  const o: OtherSide = {
    params: p,
    segments,
    base_value_bn: baseValueBn,
    other_pct: otherPct,
    other_term: zeros(n),
    value0_per_factor_bn: zeros(n),
    log_price0: zeros(n),
    basket_bn: zeros(n),
  };
  const t0 = p.counterfactual_tariff_pct;
  for (let i = 0; i < n; i++) {
    const seg = segments[i];
    const ref = seg.reference_tariff_pct;
    const logOther = Math.log(priceFactor(otherPct[i], seg.reference_other_tariff_pct, p.pass_through));
    const p0 = priceFactor(t0, ref, p.pass_through);
    const w0 = p0 / ((1 + t0 / 100) / (1 + ref / 100));
    o.other_term[i] = otherTerm(logOther, seg.partner_share, p.sigma);
    o.value0_per_factor_bn[i] = baseValueBn * seg.share * Math.exp(logLongRunQuantityWith(Math.log(p0), o.other_term[i], seg.partner_share, p.sigma, p.demand_elasticity)) * w0;
    o.log_price0[i] = Math.log(p0);
    o.basket_bn[i] = (baseValueBn * seg.share) / indexShare(seg);
  }
  return o;
}

/**
 * One direction's flows for one step. A change in the partner's price moves the quantity at once
 * by the short-run elasticity; then the quantity closes a share `adjustment` of its gap to the
 * long run (exact CES at current prices) every step.
 */
export function directionFlows(
  layers: TariffLayer[],
  segments: TradeSegment[],
  position: TradePosition,
  baseValueBn: number,
  p: TradeParams,
): { result: DirectionResult; position: TradePosition } {
  const f = flowsAt(prices(layers, segments, baseValueBn, p), position, p);
  return { result: { imports_bn: f.imports_bn, revenue_bn: f.revenue_bn, excess_duty_bn: f.excess_duty_bn, deadweight_loss_bn: f.deadweight_loss_bn }, position: f.position };
}

/**
 * The same at prices worked out beforehand (a regime keeps them while the policy stays put). `p`
 * gives the adjustment speeds, which the prices do not depend on.
 */
export function flowsAt(pr: Prices, position: TradePosition, p: TradeParams): DirectionFlows {
  const logQty = position.log_qty.slice();
  const sums = new Float64Array(FLOW_SUMS);
  flowInPlace(pr, logQty, position.log_price, p, sums, 0);
  // The price array is shared with the prices: a position never mutates it.
  return { imports_bn: sums[0], revenue_bn: sums[1], excess_duty_bn: sums[2], deadweight_loss_bn: sums[3], position: { log_qty: logQty, log_price: pr.log_price } };
}

/** Stands in for the welfare constants where only the import value is summed (never read). */
const NO_WELFARE: Welfare = { basket_cost_rise_bn: 0, log_wedge: [], dwl_log_offset: [] };

/** How many numbers flowInPlace writes: imports, revenue, excess duty and deadweight loss, $bn a year. */
export const FLOW_SUMS = 4;

/**
 * One step of flows with the quantities updated in place (`logQty` held the last step's, bought at
 * `fromLogPrice`), the sums into `sums` from `at`. The model's steps all go through here: the hot
 * loop steps a run's positions in place rather than building new ones every step. With `valueOnly`
 * only the import value is summed (the rest is NaN): all the model reads of US exports, and their
 * duties and deadweight loss were half the arithmetic of this loop. `welfare`: welfareOf(pr), which
 * a caller that steps the same prices again passes in (it costs more than a step's flows).
 */
export function flowInPlace(
  pr: Prices,
  logQty: number[],
  fromLogPrice: readonly number[],
  p: TradeParams,
  sums: Float64Array,
  at: number,
  valueOnly = false,
  welfare: Welfare = valueOnly ? NO_WELFARE : welfareOf(pr),
): void {
  const n = pr.log_price.length;
  let imports = 0;
  let revenue = 0;
  let excess = 0;
  let dwl = 0;
  for (let i = 0; i < n; i++) {
    const lp = pr.log_price[i];
    let lq = logQty[i];
    if (lp !== fromLogPrice[i]) lq -= p.short_run_elasticity * (lp - fromLogPrice[i]);
    lq += p.adjustment * (pr.log_long_run_qty[i] - lq);
    logQty[i] = lq;
    const per = pr.value_per_qty_bn[i];
    if (per === 0) continue;
    const valueBn = per * Math.exp(lq);
    imports += valueBn;
    if (valueOnly) continue;
    revenue += (valueBn * pr.tariff_pct[i]) / 100;
    const gap = pr.gap_pct[i];
    if (gap > 0) {
      excess += (valueBn * gap) / 100;
      const m0 = pr.value0_bn[i];
      if (m0 > valueBn) dwl += deadweightLoss(m0, valueBn, 1 + pr.tariff_pct[i] / 100, gap / 100, welfare.log_wedge[i], welfare.dwl_log_offset[i] - lq);
    }
  }
  sums[at] = imports;
  sums[at + 1] = valueOnly ? NaN : revenue;
  sums[at + 2] = valueOnly ? NaN : excess;
  sums[at + 3] = valueOnly ? NaN : dwl;
}

/**
 * The deadweight loss of a tariff wedge, $bn a year: the buyers' surplus lost between the
 * counterfactual price P0 and the price P1 (in world-price units: P = 1 + t), less the duty collected
 * above the counterfactual on what they still buy, (P1 - P0) M1. The surplus is the exact area under
 * the constant-elasticity demand curve through (P0, M0) and (P1, M1): with elasticity
 * e = ln(M0/M1) / ln(P1/P0), it is (M0 P0 - M1 P1) / (e - 1) = L (M0 P0 - M1 P1) / x, where
 * L = ln(P1/P0) and x = ln(M0 P0 / (M1 P1)) (the hot loop has x from its log quantity: no logarithm
 * per step). For small wedges this is the Harberger triangle 1/2 (t1 - t0)(M0 - M1) (docs/calibration.md
 * section 6); at prohibitive tariffs the triangle's straight line overstates it, up to twice.
 */
export function deadweightLoss(m0: number, m1: number, p1: number, wedge: number, logWedge: number, x: number): number {
  // x -> 0 is e -> 1, where the area tends to M1 P1 L.
  const area = Math.abs(x) < 1e-9 ? m1 * p1 * logWedge : (logWedge * (m0 * (p1 - wedge) - m1 * p1)) / x;
  return area - wedge * m1;
}

/**
 * The deadweight loss at the long-run quantities of these prices, $bn a year: what the tariffs in
 * force cost the importer's buyers once trade has adjusted. China's side of the ledger uses it for
 * its own tariffs (a regime's constant: the step's export flows then need only their value).
 */
export function longRunDeadweightLossBn(pr: Prices): number {
  // Without welfareOf: its price-index constants are for consumer prices, which no one reads here.
  const logP0 = Math.log(1 + pr.params.counterfactual_tariff_pct / 100);
  let dwl = 0;
  for (let i = 0; i < pr.log_price.length; i++) {
    const per = pr.value_per_qty_bn[i];
    const gap = pr.gap_pct[i];
    if (per === 0 || gap <= 0) continue;
    const m1 = per * Math.exp(pr.log_long_run_qty[i]);
    const m0 = pr.value0_bn[i];
    if (!(m0 > m1)) continue;
    const logP1 = Math.log(1 + pr.tariff_pct[i] / 100);
    dwl += deadweightLoss(m0, m1, 1 + pr.tariff_pct[i] / 100, gap / 100, logP1 - logP0, Math.log(m0) + logP0 - Math.log(m1) - logP1);
  }
  return dwl;
}

/** A fully adjusted position under the given layers (used at the start of a run). */
export function settledPosition(layers: TariffLayer[], segments: TradeSegment[], baseValueBn: number, p: TradeParams): TradePosition {
  return settledAt(prices(layers, segments, baseValueBn, p));
}

/** The same at prices worked out beforehand. */
export function settledAt(pr: Prices): TradePosition {
  // Element by element: Array.from goes through the iterator protocol, slower than the rest of this.
  const logQty: number[] = [];
  for (let i = 0; i < pr.log_long_run_qty.length; i++) logQty.push(pr.log_long_run_qty[i]);
  return { log_qty: logQty, log_price: pr.log_price };
}

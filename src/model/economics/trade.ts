// Bilateral trade in one direction, segment by segment: constant-elasticity import demand in its
// exact form, Armington (CES) substitution between the partner and other suppliers, and partial
// adjustment from short-run to long-run responses (CALIBRATION.md sections 5-6).

import type { TariffLayer, TradeSegment } from '../types.js';
import { otherTariffPct, partnerTariffPct } from './tariffs.js';

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

/** Price of the partner's goods to buyers, relative to 2024, given complete or partial pass-through. */
function priceFactor(tariffPct: number, referencePct: number, passThrough: number): number {
  return 1 + passThrough * ((1 + tariffPct / 100) / (1 + referencePct / 100) - 1);
}

/** Long-run partner quantity (relative to 2024) at partner and other prices, nested CES. */
export function longRunQuantity(pPartner: number, pOther: number, share: number, sigma: number, elasticity: number): number {
  const a = share * Math.pow(pPartner, 1 - sigma) + (1 - share) * Math.pow(pOther, 1 - sigma);
  const index = Math.pow(a, 1 / (1 - sigma));
  return Math.pow(index, -elasticity) * Math.pow(pPartner / index, -sigma);
}

/**
 * Computes one direction's flows and moves the adjusted prices one step toward the current ones.
 * `adjusted` holds [partner, other] log price factors per segment; the returned array is new.
 * `skip` names a segment modelled elsewhere (soybeans, by quantity).
 */
export function directionFlows(
  layers: TariffLayer[],
  segments: TradeSegment[],
  adjusted: number[],
  baseValueBn: number,
  p: TradeParams,
  skip: string | null,
): { result: DirectionResult; adjusted: number[] } {
  const next = adjusted.slice();
  let imports = 0;
  let revenue = 0;
  let excess = 0;
  let dwl = 0;
  for (let i = 0; i < segments.length; i++) {
    const seg = segments[i];
    if (seg.name === skip) continue;
    const tPartner = partnerTariffPct(layers, seg.name) + p.fee_pct;
    const tOther = otherTariffPct(layers, seg);
    const pPartner = priceFactor(tPartner, seg.reference_tariff_pct, p.pass_through);
    const pOther = priceFactor(tOther, seg.reference_other_tariff_pct, p.pass_through);
    const adjPartner = Math.exp(adjusted[2 * i]);
    const adjOther = Math.exp(adjusted[2 * i + 1]);
    // Long run at the prices buyers have adjusted to; the rest of the change at the short-run elasticity.
    const q =
      longRunQuantity(adjPartner, adjOther, seg.partner_share, p.sigma, p.demand_elasticity) *
      Math.pow(pPartner / adjPartner, -p.short_run_elasticity);
    // With incomplete pass-through the exporters absorb the rest: the world (customs) price falls.
    const worldPrice = pPartner / ((1 + tPartner / 100) / (1 + seg.reference_tariff_pct / 100));
    const control = seg.name === p.controlled_segment ? p.controlled_factor : 1;
    const valueBn = baseValueBn * seg.share * q * worldPrice * control;
    imports += valueBn;
    revenue += (valueBn * (tPartner - p.fee_pct)) / 100;
    const t0 = p.counterfactual_tariff_pct;
    if (tPartner > t0) {
      excess += (valueBn * (tPartner - p.fee_pct - t0)) / 100;
      const p0 = priceFactor(t0, seg.reference_tariff_pct, p.pass_through);
      const w0 = p0 / ((1 + t0 / 100) / (1 + seg.reference_tariff_pct / 100));
      const q0 = longRunQuantity(p0, pOther, seg.partner_share, p.sigma, p.demand_elasticity);
      const value0 = baseValueBn * seg.share * q0 * w0 * control;
      // Harberger triangle: 1/2 (t1 - t0)(M0 - M1), in value terms (CALIBRATION.md section 6).
      if (value0 > valueBn) dwl += (0.5 * (tPartner - t0) * (value0 - valueBn)) / 100;
    }
    next[2 * i] = adjusted[2 * i] + p.adjustment * (Math.log(pPartner) - adjusted[2 * i]);
    next[2 * i + 1] = adjusted[2 * i + 1] + p.adjustment * (Math.log(pOther) - adjusted[2 * i + 1]);
  }
  return { result: { imports_bn: imports, revenue_bn: revenue, excess_duty_bn: excess, deadweight_loss_bn: dwl }, adjusted: next };
}

/** Log price factors of a fully adjusted economy under the given layers (used at the start of a run). */
export function settledLogPrices(layers: TariffLayer[], segments: TradeSegment[], passThrough: number, feePct: number): number[] {
  const out: number[] = [];
  for (const seg of segments) {
    const tPartner = partnerTariffPct(layers, seg.name) + feePct;
    out.push(Math.log(priceFactor(tPartner, seg.reference_tariff_pct, passThrough)));
    out.push(Math.log(priceFactor(otherTariffPct(layers, seg), seg.reference_other_tariff_pct, passThrough)));
  }
  return out;
}

// Tariff levels per segment and their trade-weighted averages (fixed 2024 weights, as PIIE computes them).

import type { TariffLayer, TradeSegment } from '../types.js';

export function covers(layer: TariffLayer, segment: string): boolean {
  return layer.scope[0] === 'all' || layer.scope.includes(segment);
}

/** Tariff on the partner's goods in one segment: the sum of the layers in force that cover it. */
export function partnerTariffPct(layers: TariffLayer[], segment: string): number {
  let sum = 0;
  for (const l of layers) if (l.applies_to !== 'other_origins' && covers(l, segment)) sum += l.rate_pct;
  return sum;
}

/** Tariff on third countries' goods in one segment: the 2024 level plus layers that reach them. */
export function otherTariffPct(layers: TariffLayer[], seg: TradeSegment): number {
  let sum = seg.reference_other_tariff_pct;
  for (const l of layers) if (l.applies_to !== 'partner' && covers(l, seg.name)) sum += l.rate_pct;
  return sum;
}

export interface SegmentTariffs {
  segments: TradeSegment[];
  partner_pct: Float64Array;
  other_pct: Float64Array;
  average_pct: number;
  other_average_pct: number;
}

/** The layers' tariffs segment by segment and their 2024-weighted averages (a regime works them out once). */
export function segmentTariffs(layers: TariffLayer[], segments: TradeSegment[]): SegmentTariffs {
  const partner = new Float64Array(segments.length);
  const other = new Float64Array(segments.length);
  let avg = 0;
  let otherAvg = 0;
  segments.forEach((seg, i) => {
    partner[i] = partnerTariffPct(layers, seg.name);
    other[i] = otherTariffPct(layers, seg);
    avg += seg.share * partner[i];
    otherAvg += seg.share * other[i];
  });
  return { segments, partner_pct: partner, other_pct: other, average_pct: avg, other_average_pct: otherAvg };
}

export function averageTariffPct(layers: TariffLayer[], segments: TradeSegment[]): number {
  return segmentTariffs(layers, segments).average_pct;
}

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

export function averageTariffPct(layers: TariffLayer[], segments: TradeSegment[]): number {
  let avg = 0;
  for (const seg of segments) avg += seg.share * partnerTariffPct(layers, seg.name);
  return avg;
}

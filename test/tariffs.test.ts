// Tariffs per segment and their trade-weighted averages (model/economics/tariffs.ts), by hand:
// layers stack by addition where they apply (the partner, other origins, or all origins) and where
// their scope covers the segment; averages weigh segments by their 2024 shares.

import { describe, expect, it } from 'vitest';
import { averageTariffPct, covers, otherTariffPct, partnerTariffPct, segmentTariffs } from '../src/model/economics/tariffs.js';
import type { TariffLayer, TradeSegment } from '../src/model/types.js';
import { usLayer } from './helpers/trade.js';

const layer = (id: string, rate_pct: number, scope: string[], applies_to: TariffLayer['applies_to']): TariffLayer => usLayer(id, rate_pct, applies_to, scope);

const segments: TradeSegment[] = [
  { name: 'electronics', share: 0.6, partner_share: 0.3, reference_tariff_pct: 2, reference_other_tariff_pct: 2 },
  { name: 'soybeans', share: 0.4, partner_share: 0.5, reference_tariff_pct: 3, reference_other_tariff_pct: 3 },
];
const layers = [layer('a', 10, ['all'], 'partner'), layer('b', 5, ['electronics'], 'other_origins'), layer('c', 20, ['soybeans'], 'all_origins')];

describe('per segment', () => {
  it('scope: "all" covers every segment, a list only its own', () => {
    expect(covers(layers[0], 'anything')).toBe(true);
    expect(covers(layers[1], 'electronics')).toBe(true);
    expect(covers(layers[1], 'soybeans')).toBe(false);
    expect(covers(layer('d', 1, ['x', 'soybeans'], 'partner'), 'soybeans')).toBe(true);
  });

  it('on the partner: the layers that reach it (partner or all origins) and cover the segment', () => {
    expect(partnerTariffPct(layers, 'electronics')).toBe(10); // a; b is other origins only
    expect(partnerTariffPct(layers, 'soybeans')).toBe(30); // a + c
    expect(partnerTariffPct([], 'soybeans')).toBe(0);
  });

  it('on other origins: the 2024 level plus the layers that reach them', () => {
    expect(otherTariffPct(layers, segments[0])).toBe(7); // 2 + b
    expect(otherTariffPct(layers, segments[1])).toBe(23); // 3 + c
    expect(otherTariffPct([layers[0]], segments[1])).toBe(3); // a is the partner's alone
  });
});

describe('averages with the 2024 weights', () => {
  it('0.6 x 10 + 0.4 x 30 = 18 on the partner; 0.6 x 7 + 0.4 x 23 = 13.4 on others', () => {
    const t = segmentTariffs(layers, segments);
    expect([...t.partner_pct]).toEqual([10, 30]);
    expect([...t.other_pct]).toEqual([7, 23]);
    expect(t.average_pct).toBeCloseTo(18, 12);
    expect(t.other_average_pct).toBeCloseTo(13.4, 12);
    expect(averageTariffPct(layers, segments)).toBeCloseTo(18, 12);
  });

  it('the same layers with other segments are worked out afresh', () => {
    segmentTariffs(layers, segments);
    const one: TradeSegment[] = [{ name: 'soybeans', share: 1, partner_share: 0.5, reference_tariff_pct: 3, reference_other_tariff_pct: 3 }];
    expect(averageTariffPct(layers, one)).toBe(30);
    expect(segmentTariffs(layers, one).other_average_pct).toBe(23);
  });
});
